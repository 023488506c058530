internal import GluteApp
internal import GluteCore
internal import GluteJSON

/// `glute exercises`: the exercise catalogue.
struct ExercisesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercises",
        abstract: "List the exercise catalogue with patterns, equipment and published EMG data.",
        options: [CommonOptions.json.definition]
    )

    let json: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        json = parsed.isSet(CommonOptions.json)
    }

    func run(_ io: CommandIO) async throws {
        let knowledge = try KnowledgeBase.bundled()
        if json {
            io.writeOutput(JSONValue.array(knowledge.exercises.map(\.jsonValue)).serialized())
            return
        }
        var out = pad("ID", 34) + pad("PATTERN", 11) + pad("SIDES", 11) + "EQUIPMENT\n"
        for exercise in knowledge.exercises {
            let equipment =
                exercise.equipment.isEmpty ? "none" : exercise.equipment.map(\.rawValue).joined(separator: ", ")
            out +=
                pad(exercise.id, 34) + pad(exercise.pattern.rawValue, 11) + pad(exercise.laterality.rawValue, 11)
                + equipment + "\n"
        }
        out +=
            "\n\(knowledge.exercises.count) exercises. 'glute explain <id>' shows cues, variants and EMG data with sources.\n"
        io.writeOutput(out)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}

internal import GluteCore
internal import GluteJSON

/// `glute next`: the next prescription for every exercise and side of the plan, with reasons.
struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Show the next prescription per exercise and side, and why.",
        options: [CommonOptions.database, CommonOptions.json]
    )

    let database: String?
    let json: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        database = parsed.option("database")
        json = parsed.flag("json")
    }

    func run(_ io: CommandIO) async throws {
        let knowledge = try KnowledgeBase.bundled()
        let access = try await StoreAccess.open(database: database, io: io)
        let (plan, _) = try await access.requirePlan()
        let tracks = try await access.progressionTracks(plan: plan, knowledge: knowledge)
        if json {
            io.writeOutput(
                JSONValue.array(
                    tracks.map { track in
                        .object([
                            "exercise": .string(track.planExercise),
                            "side": .optional(track.side) { .string($0.rawValue) },
                            "sessions": .int(track.sessions),
                            "current": .object(track.current.jsonObject),
                            "decision": .optional(track.decision) { .object($0.jsonObject) },
                        ])
                    }
                ).serialized())
            return
        }
        for track in tracks {
            let side = track.side.map { " (\($0.rawValue))" } ?? ""
            let name = knowledge.exercise(track.planExercise)?.name ?? track.planExercise
            if let decision = track.decision {
                io.writeOutput(
                    TextWrap.paragraph(
                        "\(name)\(side): " + NextRenderer.line(decision, knowledge: knowledge), indent: 0))
            } else {
                io.print(
                    "\(name)\(side): not logged yet; start with \(NextRenderer.prescription(track.current, knowledge: knowledge))."
                )
            }
        }
    }
}

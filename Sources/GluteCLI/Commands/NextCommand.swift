internal import GluteApp
internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// `glute next`: the next prescription for every exercise and side of the plan, with reasons.
struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Show the next prescription per exercise and side, and why.",
        options: [CommonOptions.database.definition, CommonOptions.json.definition]
    )

    let database: String?
    let json: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        database = try parsed.value(CommonOptions.database)
        json = parsed.isSet(CommonOptions.json)
    }

    func run(_ io: CommandIO) async throws {
        let knowledge = try KnowledgeBase.bundled()
        let cli = try CLIApplication.open(database: database, io: io, access: .read)
        let person = try await cli.person(.read)
        let view = try await cli.run { try await cli.app.next(person.id) }
        if json { return io.writeOutput(view.jsonValue.serialized()) }
        if let stop = view.stop { return io.writeOutput(StopRenderer.text(stop, width: io.width)) }
        for entry in view.entries {
            let side = entry.key.side.map { " (\($0.rawValue))" } ?? ""
            let name = knowledge.exercise(entry.key.exercise)?.name ?? entry.key.exercise
            let text: String
            if let decision = entry.decision {
                text =
                    "\(name)\(side), \(entry.key.kind.rawValue): " + NextRenderer.line(decision, knowledge: knowledge)
            } else {
                text =
                    "\(name)\(side), \(entry.key.kind.rawValue): not logged yet; start with "
                    + NextRenderer.prescription(entry.prescription, knowledge: knowledge) + "."
            }
            io.writeOutput(TextWrap.paragraph(text, indent: 0, width: io.width))
        }
    }
}

internal import GluteApp
internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// `glute history`: the latest entries (sets, wake-up calls, retests) with the ids `glute delete` takes.
struct HistoryCommand: ParsableCommand {
    static let limit = Option<Int>(
        "limit", value: "n", help: "How many entries to list, newest first (default 20).",
        expecting: "a whole number from 1 to 10000"
    ) { Int($0).flatMap { (1...10_000).contains($0) ? $0 : nil } }

    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List recent entries (sets, wake-up calls, retests) with their ids.",
        options: [limit.definition, CommonOptions.database.definition, CommonOptions.json.definition]
    )

    let limit: Int
    let database: String?
    let json: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        limit = try parsed.value(Self.limit) ?? 20
        database = try parsed.value(CommonOptions.database)
        json = parsed.isSet(CommonOptions.json)
    }

    func run(_ io: CommandIO) async throws {
        let cli = try CLIApplication.open(database: database, io: io, access: .read)
        let person = try await cli.person(.read)
        let entries = try await cli.run { try await cli.app.history(person.id, limit: limit) }
        if json { return io.writeOutput(JSONValue.array(entries.map(\.jsonValue)).serialized()) }
        if entries.isEmpty { return io.print("Nothing logged yet.") }
        let zone = cli.zone(person)
        let knowledge = try KnowledgeBase.bundled()
        for entry in entries {
            let local = zone.localDateTime(entry.at)
            let when = "\(local.date) \(local.time)"
            let object = entry.entry.objectValue
            let what: String
            switch entry.kind {
            case .set:
                let id = object?["exerciseId"]?.stringValue ?? ""
                let side = object?["side"]?.stringValue.flatMap { $0 == "both" ? nil : " (\($0))" } ?? ""
                let reps = object?["reps"]?.arrayValue?.compactMap(\.numberValue).map { String(Int($0)) } ?? []
                let seconds = object?["durationSeconds"]?.numberValue.map { "\(Int($0)) s" }
                what =
                    "\(knowledge.exercise(id)?.name ?? id)\(side): "
                    + (reps.isEmpty ? (seconds ?? "") : reps.joined(separator: ", ") + " reps")
                    + ", pain \(Int(object?["pain"]?.numberValue ?? 0))"
            case .wakeUpCall:
                let counted = object?["answers"] == .null ? " (outside working hours)" : ""
                what = "wake-up call \(object?["outcome"]?.stringValue ?? "")\(counted)"
            case .retest:
                what = "retest of \(object?["testName"]?.stringValue ?? "")"
            }
            io.print("\(entry.id)  \(when)  \(what)")
        }
        io.print("\n'glute delete ID' removes a mistaken entry.")
    }
}

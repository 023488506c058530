internal import GluteApp
internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// `glute delete ID`: removes a mistaken entry; the deletion is recorded.
struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a mistaken entry (its id from 'glute history'); progression follows at once.",
        discussion: """
            The deletion is recorded (a coach sees it). A pain swap or a stop that the entry alone caused is \\
            lifted; one that something else caused too stays.
            """,
        arguments: [ArgumentDefinition("id", help: "The entry's id, from 'glute history'.")],
        options: [CommonOptions.database.definition, CommonOptions.json.definition]
    )

    let id: String
    let database: String?
    let json: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        id = parsed.positional(0) ?? ""
        database = try parsed.value(CommonOptions.database)
        json = parsed.isSet(CommonOptions.json)
    }

    func run(_ io: CommandIO) async throws {
        let cli = try CLIApplication.open(database: database, io: io, access: .write)
        let person = try await cli.person(.read)
        let done = try await cli.run(flags: ["id": "<id>"]) { try await cli.app.deleteEntry(person.id, id: id) }
        if json { return io.writeOutput(done.jsonValue.serialized()) }
        io.print("Deleted \(id).")
        if let lifted = done.lifted {
            io.print("What it caused is lifted: plan version \(lifted.version) (\(lifted.reason)).")
        } else if let kept = done.kept {
            io.print("Plan version \(kept.version) stays: something else caused it too.")
        }
    }
}

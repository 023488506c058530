internal import GluteApp
internal import GluteSQLite

/// `glute backup FILE`: a consistent copy of the database, taken while it is in use.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a new file, consistently, even while it is in use.",
        discussion: """
            Uses SQLite's online backup API, so another command or 'glute serve' may go on reading and \\
            writing meanwhile. The copy is a database of its own: 'glute --database FILE plan' reads it.
            """,
        arguments: [ArgumentDefinition("file", help: "The new file to write (it must not exist).")],
        options: [CommonOptions.database.definition]
    )

    let file: String
    let database: String?

    init(parsed: ParsedArguments) throws(CLIError) {
        file = parsed.positional(0) ?? ""
        database = try parsed.value(CommonOptions.database)
    }

    func run(_ io: CommandIO) async throws {
        let cli = try CLIApplication.open(database: database, io: io, access: .read)
        do {
            try await cli.store.backup(to: file)
        } catch {
            throw CLIError.failure("the backup failed, '\(file)' was not written: \(error)")
        }
        io.print("Backed up \(cli.store.path) to \(file).")
    }
}

internal import GluteApp
internal import GluteStore

/// `glute account token EMAIL [--name NAME]`: prints a new API token for `Authorization: Bearer`.
struct AccountTokenCommand: ParsableCommand {
    static let name = Option<String>(
        "name", value: "name", help: "What the token is for (default: cli).", expecting: "1 to 100 characters",
        parse: { (1...100).contains($0.count) ? $0 : nil })

    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Make an API token for an account and print it (it is shown only once).",
        arguments: [ArgumentDefinition("email", help: "The account's email address.")],
        options: [name.definition, CommonOptions.database.definition]
    )

    let email: String
    let name: String
    let database: String?

    init(parsed: ParsedArguments) throws(CLIError) {
        guard let email = parsed.positional(0), !email.isEmpty else {
            throw CLIError.usage("Missing expected argument '<email>'")
        }
        self.email = email
        name = try parsed.value(Self.name) ?? "cli"
        database = try parsed.value(CommonOptions.database)
    }

    func run(_ io: CommandIO) async throws {
        let cli = try CLIApplication.open(database: database, io: io, access: .write)
        let email = self.email
        let account = try await cli.run {
            try await cli.app.store.read { tx in try tx.account(email: Account.normalizedEmail(email)) }
        }
        guard let account else { throw CLIError.failure("there is no account '\(email)'") }
        let name = self.name
        let created = try await cli.run { try await cli.app.createAPIToken(account.id, name: name) }
        io.print(created.secret)
        await cli.close()
    }
}

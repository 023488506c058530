internal import GluteApp
internal import GluteCore
internal import GluteServer
internal import GluteStore

/// `glute account`: the accounts of `glute serve`.
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Create accounts for the server and make API tokens.",
        subcommands: [AccountCreateCommand.self, AccountTokenCommand.self]
    )

    init(parsed: ParsedArguments) throws(CLIError) {}
}

/// `glute account create EMAIL [--role coach]`: the password is read from standard input.
struct AccountCreateCommand: ParsableCommand {
    static let role = Option<AccountRole>(
        "role", value: "role", help: "client (default) or coach.", expecting: "client or coach",
        parse: AccountRole.init(rawValue:))
    static let name = Option<String>(
        "name", value: "name", help: "The person's display name.", expecting: "1 to 200 characters",
        parse: { (1...200).contains($0.count) ? $0 : nil })
    static let timeZone = Option<String>(
        "time-zone", value: "zone", help: "The person's IANA time zone (default: the machine's).",
        expecting: "an IANA time zone like Europe/Berlin", parse: { TimeZoneRules(identifier: $0) == nil ? nil : $0 })

    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an account with its person; the password is read from standard input.",
        discussion: """
            Example: printf '%s\\n' 'a long passphrase' | glute account create coach@example.com --role coach
            """,
        arguments: [ArgumentDefinition("email", help: "The account's email address.")],
        options: [role.definition, name.definition, timeZone.definition, CommonOptions.database.definition]
    )

    let email: String
    let role: AccountRole
    let name: String?
    let timeZone: String?
    let database: String?

    init(parsed: ParsedArguments) throws(CLIError) {
        guard let email = parsed.positional(0), !email.isEmpty else {
            throw CLIError.usage("Missing expected argument '<email>'")
        }
        self.email = email
        role = try parsed.value(Self.role) ?? .client
        name = try parsed.value(Self.name)
        timeZone = try parsed.value(Self.timeZone)
        database = try parsed.value(CommonOptions.database)
    }

    func run(_ io: CommandIO) async throws {
        if io.isInteractive { io.writeError("Password for \(email): ") }
        guard let password = io.readLine(), !password.isEmpty else {
            throw CLIError.usage("give the password on standard input")
        }
        let cli = try CLIApplication.open(database: database, io: io, access: .write)
        let accounts = try cli.accounts()
        do {
            _ = try StandInAccountDirectory.checkedEmail(email)
            try StandInAccountDirectory.checkPassword(password, field: "password")
            guard accounts.account(email: email) == nil else {
                throw AppError(code: .conflict, message: "an account with this email exists already")
            }
            let person = try await cli.app.createPerson(name: name, timeZone: timeZone ?? io.timeZone)
            let account = try accounts.createAccount(
                email: email, password: password, role: role, person: person.id, at: io.clock.now())
            io.print("Created the \(role.rawValue) account \(account.email) (\(account.id)).")
        } catch let error as AppError {
            throw CLIApplication.failure(error)
        }
        await cli.close()
    }
}

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
        let cli = try CLIApplication.open(database: database, io: io, access: .read)
        let accounts = try cli.accounts()
        guard let account = accounts.account(email: email) else {
            throw CLIError.failure("there is no account '\(email)'")
        }
        do {
            let (_, secret) = try accounts.createToken(for: account.id, name: name, at: io.clock.now())
            io.print(secret)
        } catch let error as AppError {
            throw CLIApplication.failure(error)
        }
    }
}

internal import GluteApp
internal import GluteJSON
internal import GluteStore

/// `glute account create EMAIL --role client|coach`: makes an account with its person.
struct AccountCreateCommand: ParsableCommand {
    static let role = Option<AccountRole>(
        "role", value: "role", help: "client or coach.", isRequired: true, expecting: "client or coach"
    ) { AccountRole(rawValue: $0) }
    static let name = Option<String>("name", value: "name", help: "The person's display name.")
    static let timeZone = Option<String>(
        "time-zone", value: "zone", help: "The person's IANA time zone, such as Europe/Berlin (default UTC).")

    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a client or coach account with a password.",
        discussion: """
            The password is typed twice at the terminal without being shown, or read from the first line of \
            standard input with --password-stdin. It must have at least 12 characters.
            """,
        arguments: [ArgumentDefinition("email", help: "The account's email address (its login).")],
        options: [
            role.definition, PasswordInput.fromStandardInput.definition, name.definition, timeZone.definition,
            CommonOptions.database.definition, CommonOptions.json.definition,
        ]
    )

    let email: String
    let role: AccountRole
    let passwordFromStandardInput: Bool
    let name: String?
    let timeZone: String?
    let database: String?
    let json: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        guard let email = parsed.positional(0), !email.isEmpty else {
            throw CLIError.usage("Missing expected argument '<email>'")
        }
        self.email = email
        role = try parsed.required(Self.role)
        passwordFromStandardInput = parsed.isSet(PasswordInput.fromStandardInput)
        name = try parsed.value(Self.name)
        timeZone = try parsed.value(Self.timeZone)
        database = try parsed.value(CommonOptions.database)
        json = parsed.isSet(CommonOptions.json)
    }

    func run(_ io: CommandIO) async throws {
        let password = try PasswordInput.read(fromStandardInput: passwordFromStandardInput, io: io)
        let cli = try CLIApplication.open(database: database, io: io, access: .write)
        let flags = ["email": "<email>", "name": "--name", "timeZone": "--time-zone"]
        let account = try await cli.run(flags: flags) {
            try await PasswordInput.naming {
                try await cli.app.createAccount(
                    email: email, role: role, password: password, name: name, timeZone: timeZone)
            }
        }
        if json { return io.writeOutput(account.jsonValue.serialized()) }
        io.print("Created the \(account.role.rawValue) account \(account.email) (id \(account.id)).")
    }
}

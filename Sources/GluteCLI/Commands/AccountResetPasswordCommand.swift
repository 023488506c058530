internal import GluteApp
internal import GluteJSON
internal import GluteStore

/// `glute account reset-password EMAIL`: a new password without the old one.
struct AccountResetPasswordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password",
        abstract: "Set a new password for an account; every session of it ends.",
        discussion: """
            For a forgotten password: GluteCoach sends no email, so whoever runs the server resets it here. \
            The password is typed twice without being shown, or read from standard input with --password-stdin.
            """,
        arguments: [ArgumentDefinition("email", help: "The account's email address.")],
        options: [
            PasswordInput.fromStandardInput.definition, CommonOptions.database.definition,
            CommonOptions.json.definition,
        ]
    )

    let email: String
    let passwordFromStandardInput: Bool
    let database: String?
    let json: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        guard let email = parsed.positional(0), !email.isEmpty else {
            throw CLIError.usage("Missing expected argument '<email>'")
        }
        self.email = email
        passwordFromStandardInput = parsed.isSet(PasswordInput.fromStandardInput)
        database = try parsed.value(CommonOptions.database)
        json = parsed.isSet(CommonOptions.json)
    }

    func run(_ io: CommandIO) async throws {
        let cli = try CLIApplication.open(database: database, io: io, access: .write)
        let password = try PasswordInput.read(fromStandardInput: passwordFromStandardInput, io: io)
        let account = try await cli.run(flags: ["email": "<email>"]) {
            try await PasswordInput.naming { try await cli.app.resetPassword(email: email, newPassword: password) }
        }
        if json { return io.writeOutput(account.jsonValue.serialized()) }
        io.print("The password of \(account.email) is changed; every session of the account has ended.")
    }
}

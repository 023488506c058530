internal import GluteApp
internal import GluteStore

/// `glute account`: accounts of a server's database, managed on the server machine.
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Create accounts and reset passwords in a server's database (on the server machine).",
        discussion: """
            Coach accounts are made here, never through the web; clients may also sign up in the web app. \
            There is no email: a forgotten password is reset here.
            """,
        subcommands: [AccountCreateCommand.self, AccountResetPasswordCommand.self, AccountTokenCommand.self]
    )

    init(parsed: ParsedArguments) throws(CLIError) {}
}

/// How the account commands read a new password.
enum PasswordInput {
    /// `--password-stdin`.
    static let fromStandardInput = Flag(
        "password-stdin", help: "Read the password from the first line of standard input (for scripts).")

    /// The new password: the first line of standard input with `--password-stdin`, else typed
    /// twice at the terminal without echo.
    ///
    /// - Throws: a usage error without a terminal and without `--password-stdin`; a failure when
    ///   the two typed passwords differ or the input ends.
    static func read(fromStandardInput: Bool, io: CommandIO) throws -> String {
        if fromStandardInput {
            guard let line = io.readLine() else {
                throw CLIError.failure("standard input ended before a password was read")
            }
            return line
        }
        guard io.isInteractive else {
            throw CLIError.usage("No terminal to type the password on: give '--password-stdin' and pipe it in.")
        }
        guard let first = io.readSecret("New password (at least 12 characters): "),
            let second = io.readSecret("The same password again: ")
        else { throw CLIError.failure("the input ended before a password was read") }
        guard first == second else { throw CLIError.failure("the two passwords differ; nothing was changed") }
        return first
    }

    /// Runs `body`, turning a refused password into a plain failure ("the password must be at
    /// least 12 characters"): it was typed, not given as a flag.
    static func naming<Value>(_ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch let error as AppError where error.field == "password" {
            throw CLIError.failure("the password \(error.message)")
        }
    }
}

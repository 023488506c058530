/// An error shown to the person at the terminal, with the exit status it ends the command with.
public struct CLIError: Error, Sendable, CustomStringConvertible {
    /// Exit statuses, after sysexits(3) where one fits.
    public struct ExitCode: Sendable, Hashable, RawRepresentable {
        /// The process exit status.
        public let rawValue: Int32
        /// Creates a status from its number.
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// 0: success (also for help and version).
        public static let success = ExitCode(rawValue: 0)
        /// 1: the command failed.
        public static let failure = ExitCode(rawValue: 1)
        /// 64 (EX_USAGE): the command line was wrong.
        public static let usage = ExitCode(rawValue: 64)
        /// 65 (EX_DATAERR): the input data was wrong.
        public static let dataError = ExitCode(rawValue: 65)
    }

    /// The exit status.
    public let exitCode: ExitCode
    /// The message, without the `Error: ` prefix.
    public let message: String
    /// For data errors: the path of the offending field.
    public let field: String?

    /// The message as printed.
    public var description: String { message }

    /// A wrong command line (exit 64); the usage line and a help hint follow the message.
    public static func usage(_ message: String) -> CLIError {
        CLIError(exitCode: .usage, message: message, field: nil)
    }

    /// Bad input data (exit 65) in `field`.
    public static func data(field: String, _ message: String) -> CLIError {
        CLIError(exitCode: .dataError, message: "\(field): \(message)", field: field)
    }

    /// Any other failure (exit 1).
    public static func failure(_ message: String) -> CLIError {
        CLIError(exitCode: .failure, message: message, field: nil)
    }
}

/// Thrown to stop early with success: help and version requests.
struct CleanExit: Error {
    let text: String
}

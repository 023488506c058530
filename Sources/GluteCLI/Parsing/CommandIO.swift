public import Foundation

/// Everything a command touches outside itself: output, input, environment and the clock.
///
/// Tests build one with closures; ``CommandIO/live`` is the real terminal.
public struct CommandIO: Sendable {
    /// Writes text to standard output as it is (no newline added).
    public var writeOutput: @Sendable (String) -> Void
    /// Writes text to standard error as it is.
    public var writeError: @Sendable (String) -> Void
    /// Reads one line from standard input without its newline; `nil` at end of input.
    public var readLine: @Sendable () -> String?
    /// Whether standard input is a terminal (an interactive person).
    public var isInteractive: Bool
    /// Whether standard output is a terminal (progress bars and colours make sense).
    public var outputIsTerminal: Bool
    /// The environment variables.
    public var environment: [String: String]
    /// The current instant.
    public var now: @Sendable () -> Date

    /// Creates an IO context from its parts.
    public init(
        writeOutput: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void,
        readLine: @escaping @Sendable () -> String?,
        isInteractive: Bool, outputIsTerminal: Bool,
        environment: [String: String], now: @escaping @Sendable () -> Date
    ) {
        self.writeOutput = writeOutput
        self.writeError = writeError
        self.readLine = readLine
        self.isInteractive = isInteractive
        self.outputIsTerminal = outputIsTerminal
        self.environment = environment
        self.now = now
    }

    /// Prints a line to standard output.
    public func print(_ text: String) {
        writeOutput(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Prints a line to standard error.
    public func printError(_ text: String) {
        writeError(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// The real process: file descriptors 0, 1 and 2, the process environment and the system
    /// clock.
    ///
    /// `GLUTE_NOW` (an ISO 8601 instant) fixes the clock, for tests and demonstrations.
    public static var live: CommandIO {
        let environment = ProcessInfo.processInfo.environment
        let fixedNow = environment["GLUTE_NOW"].flatMap { try? Date($0, strategy: .iso8601) }
        return CommandIO(
            writeOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
            writeError: { FileHandle.standardError.write(Data($0.utf8)) },
            readLine: { Swift.readLine(strippingNewline: true) },
            isInteractive: isatty(0) == 1,
            outputIsTerminal: isatty(1) == 1,
            environment: environment,
            now: { fixedNow ?? Date() }
        )
    }
}

public import Foundation
public import GluteCore

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
    /// The one clock every timestamp comes from (`GLUTE_NOW` fixes it).
    public var clock: WallClock
    /// The machine's time zone (an IANA name): the zone of a person who has none recorded.
    public var timeZone: String
    /// Throws away what was typed but not read yet (keys pressed during a countdown).
    public var discardPendingInput: @Sendable () -> Void = {}
    /// Shows a prompt and reads one line from the terminal without echoing it (a password).
    ///
    /// `nil` at end of input. Tests give their own; by default nothing can be read.
    public var readSecret: @Sendable (_ prompt: String) -> String? = { _ in nil }
    /// The width text is wrapped to: the terminal's, or 80 when output is not a terminal.
    public var width: Int = 80
    /// Why the clock could not be set up (an invalid `GLUTE_NOW`); every command refuses to run.
    public var clockError: String?

    /// Creates an IO context from its parts.
    public init(
        writeOutput: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void,
        readLine: @escaping @Sendable () -> String?,
        isInteractive: Bool, outputIsTerminal: Bool,
        environment: [String: String], clock: WallClock, timeZone: String, clockError: String? = nil
    ) {
        self.writeOutput = writeOutput
        self.writeError = writeError
        self.readLine = readLine
        self.isInteractive = isInteractive
        self.outputIsTerminal = outputIsTerminal
        self.environment = environment
        self.clock = clock
        self.timeZone = timeZone
        self.clockError = clockError
    }

    /// The current instant as a Foundation date.
    public func now() -> Date { Date(timeIntervalSince1970: Double(clock.now().millisecondsSince1970) / 1000) }

    /// The machine's zone rules.
    public var zone: TimeZoneRules { TimeZoneRules(identifier: timeZone) ?? .utc }

    /// Reads `GLUTE_NOW`, an ISO 8601 instant with its offset.
    ///
    /// For example `2026-11-30T18:00:00Z` or `2026-11-30T19:00:00+01:00`; anything else is an
    /// error, never ignored.
    public static func fixedClock(_ text: String?) -> Result<WallClock?, CLIError> {
        guard let text else { return .success(nil) }
        guard let date = try? Date(text, strategy: .iso8601) else {
            return .failure(
                .failure("GLUTE_NOW is '\(text)', which is not an ISO 8601 instant like 2026-11-30T18:00:00Z"))
        }
        return .success(
            .fixed(Timestamp(millisecondsSince1970: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))))
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
        let fixed = fixedClock(environment["GLUTE_NOW"])
        var io = CommandIO(
            writeOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
            writeError: { FileHandle.standardError.write(Data($0.utf8)) },
            readLine: { Swift.readLine(strippingNewline: true) },
            isInteractive: isatty(0) == 1,
            outputIsTerminal: isatty(1) == 1,
            environment: environment,
            clock: (try? fixed.get()).flatMap { $0 } ?? .system,
            timeZone: TimeZone.current.identifier,
            clockError: (try? fixed.get()) == nil ? "invalid GLUTE_NOW" : nil
        )
        io.discardPendingInput = { if isatty(0) == 1 { tcflush(0, TCIFLUSH) } }
        io.readSecret = { prompt in readWithoutEcho(prompt) }
        io.width = terminalWidth()
        return io
    }

    /// Writes `prompt` to standard error and reads a line from standard input with the terminal's
    /// echo off, putting the terminal back as it was afterwards.
    static func readWithoutEcho(_ prompt: String) -> String? {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        guard isatty(0) == 1, tcgetattr(0, &saved) == 0 else { return Swift.readLine(strippingNewline: true) }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSAFLUSH, &silent)
        defer {
            tcsetattr(0, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return Swift.readLine(strippingNewline: true)
    }

    /// The terminal's width in columns, or 80 when standard output is not a terminal.
    static func terminalWidth() -> Int {
        guard isatty(1) == 1 else { return 80 }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 else { return 80 }
        return Int(size.ws_col)
    }
}

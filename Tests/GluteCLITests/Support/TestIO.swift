import Foundation
import GluteCore

@testable import GluteCLI

extension CommandIO {
    /// A command context for tests: everything given, the clock fixed (or read from `now`), the
    /// machine's zone UTC unless said otherwise.
    static func test(
        write: @escaping @Sendable (String) -> Void, error: (@Sendable (String) -> Void)? = nil,
        readLine: @escaping @Sendable () -> String? = { nil }, isInteractive: Bool = false,
        outputIsTerminal: Bool = false, environment: [String: String] = [:],
        now: @escaping @Sendable () -> Date, timeZone: String = "UTC",
        discardPendingInput: @escaping @Sendable () -> Void = {}
    ) -> CommandIO {
        var io = CommandIO(
            writeOutput: write, writeError: error ?? write, readLine: readLine, isInteractive: isInteractive,
            outputIsTerminal: outputIsTerminal, environment: environment,
            clock: WallClock {
                Timestamp(millisecondsSince1970: Int64((now().timeIntervalSince1970 * 1000).rounded(.down)))
            },
            timeZone: timeZone)
        io.discardPendingInput = discardPendingInput
        return io
    }
}

import Dispatch
import Glibc

/// Turns SIGTERM and SIGINT into a call of your handler instead of ending the process.
///
/// While installed, the signals' default action is ignored and a dispatch source delivers each
/// one to `handler` on a private queue. ``HTTPServer/shutdownOnTerminationSignals()`` wires them
/// to a graceful shutdown, which is what `glute serve` uses.
///
/// ```swift
/// let signals = TerminationSignals { signal in Task { await server.shutdown() } }
/// // …
/// signals.cancel()
/// ```
public final class TerminationSignals: @unchecked Sendable {
    // Safe to share: `sources` is written once in `init`; dispatch sources are thread-safe.

    /// A signal that asks the process to end.
    public enum Signal: Sendable, CaseIterable {
        /// SIGTERM, sent by service managers and `kill`.
        case terminate
        /// SIGINT, sent by Control-C.
        case interrupt

        var number: Int32 {
            switch self {
            case .terminate: SIGTERM
            case .interrupt: SIGINT
            }
        }
    }

    private let signals: [Signal]
    private var sources: [any DispatchSourceSignal] = []

    /// Installs the handler.
    ///
    /// - Parameters:
    ///   - signals: The signals to catch.
    ///   - handler: Called on a private queue for each signal received.
    public init(_ signals: [Signal] = Signal.allCases, handler: @escaping @Sendable (Signal) -> Void) {
        self.signals = signals
        let queue = DispatchQueue(label: "GluteHTTP.signals")
        for signal in signals {
            Glibc.signal(signal.number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal.number, queue: queue)
            source.setEventHandler { handler(signal) }
            source.resume()
            sources.append(source)
        }
    }

    /// Removes the handler and gives the signals back their default action.
    public func cancel() {
        for source in sources { source.cancel() }
        for signal in signals { Glibc.signal(signal.number, SIG_DFL) }
    }
}

extension HTTPServer {
    /// Shuts the server down gracefully on the first SIGTERM or SIGINT.
    ///
    /// Keep the returned value for as long as the signals should be caught.
    public func shutdownOnTerminationSignals() -> TerminationSignals {
        TerminationSignals { _ in Task { await self.shutdown() } }
    }
}

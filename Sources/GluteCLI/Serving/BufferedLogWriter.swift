internal import Dispatch
internal import GluteHTTP
internal import Synchronization

/// Gathers the server's log lines and hands them to the output a few at a time.
///
/// One write to standard error per request cost the server a system call on the thread that
/// served it; lines now wait in memory for at most ``interval`` (or until ``limit`` bytes wait)
/// and leave in one write, in the order they were logged. ``flush()`` writes what waits at once;
/// the server calls it when it stops.
final class BufferedLogWriter: @unchecked Sendable {
    // Safe to share: the lines wait behind mutexes, and the timer is set once in init and only
    // cancelled afterwards (dispatch sources may be cancelled from any thread).

    /// How long a line may wait.
    static let interval = DispatchTimeInterval.milliseconds(20)
    /// How many bytes may wait before the thread that logs writes them itself: a bound on memory
    /// only, far above what a busy server logs between two ticks (a few hundred KB), so that
    /// the event-loop threads never wait on the output in normal use.
    static let limit = 4 * 1024 * 1024

    private let output: @Sendable (String) -> Void
    private let pending = Mutex([UInt8]())
    /// Serializes the writes, so that chunks leave in the order they were taken.
    private let writing = Mutex(())
    private let timer: any DispatchSourceTimer

    /// Creates a writer that passes chunks of whole lines to `output`.
    init(output: @escaping @Sendable (String) -> Void) {
        self.output = output
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "glutecoach.serve.log"))
        timer.schedule(deadline: .now() + Self.interval, repeating: Self.interval)
        timer.setEventHandler { [weak self] in self?.flush() }
        timer.resume()
    }

    deinit { timer.cancel() }

    /// Adds one record as a logfmt line.
    func write(_ record: LogRecord) {
        // Formatted outside the lock: the event-loop threads log at once, and a held lock makes
        // the other wait in the kernel.
        var line: [UInt8] = []
        line.reserveCapacity(256)
        record.appendLogfmt(to: &line)
        line.append(UInt8(ascii: "\n"))
        let full = pending.withLock { bytes in
            bytes.append(contentsOf: line)
            return bytes.count >= Self.limit
        }
        if full { flush() }
    }

    /// Writes every line that waits.
    func flush() {
        writing.withLock { _ in
            let chunk = pending.withLock { bytes in
                defer { bytes.removeAll(keepingCapacity: true) }
                return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
            }
            if let chunk { output(chunk) }
        }
    }

    /// Writes what waits and stops the timer.
    func close() {
        timer.cancel()
        flush()
    }
}

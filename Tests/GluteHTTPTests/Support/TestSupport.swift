import Dispatch
import Foundation
import GluteHTTP
import GluteTestClients

/// Collects log records from any thread.
final class TestLog: @unchecked Sendable {
    // Safe to share: `records` is only touched while holding `lock`.
    private let lock = NSLock()
    private var stored: [LogRecord] = []

    var sink: LogSink { LogSink(minimumLevel: .debug) { [self] record in lock.withLock { stored.append(record) } } }

    var records: [LogRecord] { lock.withLock { stored } }

    /// The `request` lines, in the order they were logged.
    var requestLines: [LogRecord] { records.filter { $0.message == "request" } }

    /// Waits until `count` request lines were logged (the server logs on completion, a moment
    /// after the client read its response).
    func waitForRequestLines(_ count: Int, timeout: Duration = .seconds(60)) async -> [LogRecord] {
        let deadline = ContinuousClock.now + timeout
        while requestLines.count < count, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        return requestLines
    }
}

/// A context with an app-defined field, as the app's will have.
struct TestContext: RequestContext {
    var core: CoreRequestContext<String>
    var identity: String?
    var trail: [String] = []

    init(core: CoreRequestContext<String>) { self.core = core }
}

/// Counts request ids 1, 2, 3… so tests can predict them.
func sequentialRequestIDs() -> RequestIDSource {
    let counter = Counter()
    return RequestIDSource { "test-\(counter.next())" }
}

final class Counter: @unchecked Sendable {
    // Safe to share: `value` is only touched while holding `lock`.
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.withLock {
            value += 1; return value
        }
    }
    var current: Int { lock.withLock { value } }
}

/// A folder in the temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("GluteHTTPTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ relativePath: String, _ text: String) throws {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Starts a server on an ephemeral loopback port.
func startServer(
    _ router: Router<TestContext>,
    log: TestLog = TestLog(),
    configure: (inout HTTPServer.Configuration) -> Void = { _ in }
) throws -> HTTPServer {
    var configuration = HTTPServer.Configuration(port: 0, defaultBodyLimit: 1024)
    configure(&configuration)
    let server = HTTPServer(configuration: configuration, responder: try router.buildResponder(), logSink: log.sink)
    try server.start()
    return server
}

/// Runs a command and returns its status and output; blocks a dispatch thread, not the pool.
func runProcess(_ executable: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
    try await RawHTTPClient.blocking {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// A one-shot gate: handlers wait on it until the test opens it.
final class Gate: @unchecked Sendable {
    // Safe to share: `isOpen` and `waiters` are only touched while holding `lock`.
    private let lock = NSLock()
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var arrivals = 0

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = lock.withLock {
                arrivals += 1
                if isOpen { return true }
                waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// How many handlers have reached the gate.
    var waiting: Int { lock.withLock { arrivals } }

    func open() {
        let waiting = lock.withLock {
            isOpen = true
            defer { waiters = [] }
            return waiters
        }
        for waiter in waiting { waiter.resume() }
    }
}

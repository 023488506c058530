import Foundation
import Glibc
import GluteTestClients
import Testing

/// Runs the real `glute` binary: one-off commands, and `glute serve` as a background process.
final class ServeProcess: @unchecked Sendable {
    // Safe to share: `output` is only touched while holding `lock`; the process is used by one test.
    private let lock = NSLock()
    private var output = ""
    let process: Process
    let database: String
    private(set) var port = 0
    private(set) var scheme = "http"

    static var binary: URL { GluteExecutable.locate(repositoryRoot: World.repositoryRoot) }

    static var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = "UTC"
        env.removeValue(forKey: "GLUTE_NOW")
        return env
    }

    /// A fresh folder for a test's database and files.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("glute-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `glute arguments` to completion; returns status, standard output and standard error.
    @discardableResult
    static func run(_ arguments: [String], input: String = "") throws -> (status: Int32, out: String, err: String) {
        let output = try GluteExecutable.run(binary, arguments, environment: environment, input: input)
        return (output.status, output.stdout, output.stderr)
    }

    /// Starts `glute serve --port 0 --database database extra...` and waits until it listens.
    init(database: String, extra: [String] = []) async throws {
        self.database = database
        process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--port", "0", "--database", database, "--sign-in-attempts", "1000"] + extra
        process.environment = Self.environment
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        stderr.fileHandleForReading.readabilityHandler = { [self] handle in
            let data = handle.availableData
            lock.withLock { output += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            let text = log
            if let range = text.range(of: #"serves (https?)://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                let found = String(text[range])
                scheme = found.contains("https") ? "https" : "http"
                port = Int(found.split(separator: ":").last?.dropLast() ?? "") ?? 0
                return
            }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Failure(description: "glute serve did not start: \(log)")
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Everything the server wrote on standard error so far.
    var log: String { lock.withLock { output } }

    func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the process to end; returns its status.
    func wait(timeout: Duration = .seconds(30)) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Runs curl against the server and returns its output (`-s` always; `-k` for HTTPS).
    func curl(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-k", "--max-time", "20"] + arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    var base: String { "\(scheme)://127.0.0.1:\(port)" }
}

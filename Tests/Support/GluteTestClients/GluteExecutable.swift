import Dispatch
public import Foundation

/// The built `glute` binary, found and run the same way by the command line's and the server's
/// tests.
public enum GluteExecutable {
    /// What a finished run printed.
    public struct Output: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// `$GLUTE_BIN`, else the `glute` beside the test runner (or one folder up), else
    /// `.build/debug/glute` under `repositoryRoot`.
    public static func locate(repositoryRoot: URL) -> URL {
        if let path = ProcessInfo.processInfo.environment["GLUTE_BIN"] { return URL(fileURLWithPath: path) }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let debug = repositoryRoot.appendingPathComponent(".build/debug")
        for directory in [runner, runner.deletingLastPathComponent(), debug] {
            let candidate = directory.appendingPathComponent("glute")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return debug.appendingPathComponent("glute")
    }

    /// Runs `executable arguments` to its end with `environment`, feeding `input` on standard
    /// input. Standard error is read beside standard output, so that a process filling one pipe
    /// never waits for the test to empty the other.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String], input: String = "",
        workingDirectory: URL? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let errors = ErrorPipeReader(stderr.fileHandleForReading)
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = errors.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }
}

/// Reads a pipe to its end on a dispatch queue (never Swift's cooperative pool).
private final class ErrorPipeReader: @unchecked Sendable {
    // `data` is written once on the queue before `done` is signalled, and read after the wait.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

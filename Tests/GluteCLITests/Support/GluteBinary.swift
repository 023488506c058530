import Foundation
import GluteTestClients
import Testing

/// Runs the built `glute` executable as a separate process and captures what it prints.
enum GluteBinary {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The binary: `$GLUTE_BIN`, else next to the test runner, else `.build/debug/glute`.
    static var url: URL { GluteExecutable.locate(repositoryRoot: repositoryRoot) }

    /// A copy of the binary and the resource bundles beside it in a folder any user may enter,
    /// for running it as another user: a checkout may sit in a folder only its owner can enter
    /// (`mktemp -d` makes such folders).
    static func copyForAnyUser() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "glute-bin-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let source = url.deletingLastPathComponent()
        let bundles = try FileManager.default.contentsOfDirectory(atPath: source.path).filter {
            $0.hasSuffix(".resources")
        }
        for name in ["glute"] + bundles {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder.appendingPathComponent("glute")
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Runs `glute arguments`, feeding `input` on standard input.
    static func run(
        _ arguments: [String], input: String = "", environment: [String: String] = [:],
        executable: URL? = nil, workingDirectory: URL? = nil
    ) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["GLUTE_NOW"] = "2026-11-26T10:00:00Z"
        env["TZ"] = "UTC"
        // Each run keeps its data in a fresh database unless the test names one.
        env["GLUTE_DATABASE"] = try temporaryFile("", name: "glute.sqlite")
        for (key, value) in environment { env[key] = value }
        let output = try GluteExecutable.run(
            executable ?? url, arguments, environment: env, input: input, workingDirectory: workingDirectory)
        return Result(status: output.status, stdout: output.stdout, stderr: output.stderr)
    }

    /// Writes `text` to a fresh temporary file and returns its path.
    static func temporaryFile(_ text: String, name: String = "input.json") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "glute-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        if !text.isEmpty || !name.hasSuffix(".sqlite") { try Data(text.utf8).write(to: file) }
        return file.path
    }
}

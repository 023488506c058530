import Foundation
import Glibc
import GluteHTTP
import GluteJSON
import Testing

/// The OpenAPI document checked by `openapi-spec-validator`, and the live `glute serve` exercised by
/// `schemathesis` (both from scripts/requirements-test.txt; `make test` installs them in .venv):
/// no 500, every status documented, every response matching its schema.
@Suite(.serialized) struct OpenAPIConformanceTests {
    /// A tool from the PATH or the repository's .venv.
    static func tool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + [World.repositoryRoot.appendingPathComponent(".venv/bin").path]
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a tool; returns its status and what it printed.
    static func run(_ executable: String, _ arguments: [String], timeout: Duration) async throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // schemathesis keeps a folder of its own in the working directory: keep it out of the repository.
        process.currentDirectoryURL = try ServeProcess.folder()
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["PYTHONIOENCODING"] = "utf-8"
        process.environment = environment
        let collected = Collected()
        output.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return (-1, collected.text + "\n(timed out)")
        }
        output.fileHandleForReading.readabilityHandler = nil
        collected.append(output.fileHandleForReading.readDataToEndOfFile())
        return (process.terminationStatus, collected.text)
    }

    final class Collected: @unchecked Sendable {
        // Safe to share: `data` is only touched while holding `lock`.
        private let lock = NSLock()
        private var data = Data()
        func append(_ more: Data) { lock.withLock { data.append(more) } }
        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
    }

    @Test func theDocumentIsValidOpenAPI31() async throws {
        let validator = try #require(Self.tool("openapi-spec-validator"), "run 'make test-deps' for openapi-spec-validator")
        let world = try await World.make(assessed: false)
        let document = await world.send(.get, "/api/openapi.json").json
        #expect(document.objectValue?["openapi"]?.stringValue == "3.1.0")
        let file = world.folder.appendingPathComponent("openapi.json")
        try document.serialized(.pretty).write(to: file, atomically: true, encoding: .utf8)
        let (status, output) = try await Self.run(validator, [file.path], timeout: .seconds(120))
        #expect(status == 0, "\(output)")
        await world.close()
    }

    @Test func schemathesisFindsNoServerErrorAndEveryResponseMatchesItsSchema() async throws {
        let schemathesis = try #require(Self.tool("schemathesis"), "run 'make test-deps' for schemathesis")
        let (folder, database, token) = try ServeCommandTests.seeded()
        defer { try? FileManager.default.removeItem(at: folder) }
        let coach = try ServeProcess.run(
            ["account", "create", "coach@example.com", "--role", "coach", "--password-stdin", "--database", database],
            input: "a coach's long password\n")
        #expect(coach.status == 0)
        let coachToken = try ServeProcess.run(["account", "token", "coach@example.com", "--database", database]).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let server = try await ServeProcess(database: database)
        let checks = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
        let common = [
            "run", "\(server.base)/api/openapi.json", "--checks", checks, "--phases", "examples,coverage,fuzzing",
            "--workers", "1", "--seed", "1", "--no-color", "--suppress-health-check", "all",
        ]
        // As a client, every operation (those that end the session or the account with the test's
        // own token are left out, so the run keeps its credentials)...
        let (clientStatus, clientOutput) = try await Self.run(
            schemathesis,
            common + [
                "-H", "Authorization: Bearer \(token)", "--max-examples", "8", "--exclude-operation-id", "deleteAccount",
            ], timeout: .seconds(600))
        #expect(clientStatus == 0, "\(clientOutput.suffix(4000))")
        // ...and as a coach, the coaching operations.
        let (coachStatus, coachOutput) = try await Self.run(
            schemathesis,
            common + ["-H", "Authorization: Bearer \(coachToken)", "--max-examples", "5", "--include-tag", "coaching"],
            timeout: .seconds(300))
        #expect(coachStatus == 0, "\(coachOutput.suffix(4000))")
        #expect(!server.log.contains("status=500"), "a 500 was logged")
        server.signal(SIGTERM)
        _ = await server.wait()
    }
}

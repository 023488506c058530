import Foundation
import GluteCore
import GluteJSON
import Synchronization
import Testing

@testable import GluteCLI

/// `glute account create` and `glute account reset-password` on the server machine.
@Suite struct AccountCommandTests {
    /// Output, error and lines to read, for one command run.
    final class Terminal: Sendable {
        let output = Mutex("")
        let error = Mutex("")
        let lines: Mutex<[String]>
        let secrets: Mutex<[String]>
        let prompts = Mutex<[String]>([])

        init(lines: [String] = [], secrets: [String] = []) {
            self.lines = Mutex(lines)
            self.secrets = Mutex(secrets)
        }

        func io(database: String, interactive: Bool) -> CommandIO {
            var io = CommandIO.test(
                write: { text in self.output.withLock { $0 += text } },
                error: { text in self.error.withLock { $0 += text } },
                readLine: { self.lines.withLock { $0.isEmpty ? nil : $0.removeFirst() } }, isInteractive: interactive,
                environment: ["GLUTE_DATABASE": database], now: { Date(timeIntervalSince1970: 1_790_000_000) })
            io.readSecret = { prompt in
                self.prompts.withLock { $0.append(prompt) }
                return self.secrets.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            }
            return io
        }

        var stdout: String { output.withLock { $0 } }
        var stderr: String { error.withLock { $0 } }
    }

    private func database() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glute-account-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("glute.sqlite").path
    }

    @Test func aCoachAccountIsCreatedWithAPasswordFromStandardInput() async throws {
        let path = try database()
        let terminal = Terminal(lines: ["correct horse battery staple"])
        let status = await CommandRunner.run(
            ["account", "create", "Kim@Example.com", "--role", "coach", "--password-stdin", "--json", "--name", "Kim"],
            io: terminal.io(database: path, interactive: false))
        #expect(status == 0, "\(terminal.stderr)")
        let account = try #require(try JSONValue.parse(terminal.stdout).objectValue)
        #expect(account["email"] == "kim@example.com" && account["role"] == "coach" && account["name"] == "Kim")
        #expect(account["timeZone"] == "UTC")
        let again = Terminal(lines: ["correct horse battery staple"])
        let taken = await CommandRunner.run(
            ["account", "create", "kim@example.com", "--role", "client", "--password-stdin"],
            io: again.io(database: path, interactive: false))
        #expect(taken == 1 && again.stderr.contains("an account with this email exists already"))
    }

    @Test func onATerminalThePasswordIsTypedTwiceWithoutEcho() async throws {
        let path = try database()
        let terminal = Terminal(secrets: ["correct horse battery staple", "correct horse battery staple"])
        let status = await CommandRunner.run(
            ["account", "create", "ana@example.com", "--role", "client"],
            io: terminal.io(database: path, interactive: true))
        #expect(status == 0, "\(terminal.stderr)")
        #expect(terminal.prompts.withLock { $0.count } == 2)
        #expect(terminal.stdout.hasPrefix("Created the client account ana@example.com (id "))
        #expect(!terminal.stdout.contains("correct horse"))
        let differ = Terminal(secrets: ["correct horse battery staple", "correct horse battery stapel"])
        let mismatch = await CommandRunner.run(
            ["account", "create", "ben@example.com", "--role", "client"],
            io: differ.io(database: path, interactive: true))
        #expect(mismatch == 1 && differ.stderr.contains("the two passwords differ"))
    }

    @Test func withoutATerminalOrPasswordStdinTheCommandIsAUsageError() async throws {
        let path = try database()
        let terminal = Terminal()
        let status = await CommandRunner.run(
            ["account", "create", "ana@example.com", "--role", "client"],
            io: terminal.io(database: path, interactive: false))
        #expect(status == 64 && terminal.stderr.contains("--password-stdin"))
        let noRole = Terminal(lines: ["correct horse battery staple"])
        #expect(
            await CommandRunner.run(
                ["account", "create", "ana@example.com", "--password-stdin"],
                io: noRole.io(database: path, interactive: false))
                == 64)
        let badRole = Terminal(lines: ["correct horse battery staple"])
        #expect(
            await CommandRunner.run(
                ["account", "create", "ana@example.com", "--role", "admin", "--password-stdin"],
                io: badRole.io(database: path, interactive: false)) == 64)
        let short = Terminal(lines: ["too short"])
        #expect(
            await CommandRunner.run(
                ["account", "create", "ana@example.com", "--role", "client", "--password-stdin"],
                io: short.io(database: path, interactive: false)) == 1)
        #expect(short.stderr.contains("the password must be at least 12 characters"))
    }

    @Test func resetPasswordSetsANewPasswordForAnExistingAccount() async throws {
        let path = try database()
        let create = Terminal(lines: ["correct horse battery staple"])
        _ = await CommandRunner.run(
            ["account", "create", "ana@example.com", "--role", "client", "--password-stdin"],
            io: create.io(database: path, interactive: false))
        let reset = Terminal(lines: ["a brand new long password"])
        let status = await CommandRunner.run(
            ["account", "reset-password", "ANA@example.com", "--password-stdin"],
            io: reset.io(database: path, interactive: false))
        #expect(status == 0, "\(reset.stderr)")
        #expect(reset.stdout.contains("The password of ana@example.com is changed"))
        let missing = Terminal(lines: ["a brand new long password"])
        #expect(
            await CommandRunner.run(
                ["account", "reset-password", "nobody@example.com", "--password-stdin"],
                io: missing.io(database: path, interactive: false)) == 1)
        #expect(missing.stderr.contains("there is no account with this email"))
    }
}

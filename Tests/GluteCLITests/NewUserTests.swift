import Foundation
import GluteJSON
import Testing

/// What a new user trips over: set-up, input, the database and the words, each checked as the
/// user meets it (the built binary and the project's scripts).
@Suite struct NewUserTests {
    static let desk = GluteBinary.fixtures.appendingPathComponent("cases/desk-worker-left-amnesia.json").path

    func assessed() throws -> [String: String] {
        let environment = ["GLUTE_DATABASE": try GluteBinary.temporaryFile("", name: "user.sqlite")]
        #expect(try GluteBinary.run(["assess", "--input", Self.desk], environment: environment).status == 0)
        return environment
    }

    static func shell(_ command: String, in folder: URL = GluteBinary.repositoryRoot) throws -> GluteBinary.Result {
        try GluteBinary.run(["-c", command], executable: URL(fileURLWithPath: "/bin/bash"), workingDirectory: folder)
    }

    // MARK: Set-up

    @Test func installPutsTheBinaryAndItsResourcesUnderThePrefix() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("glute-install-\(UUID())")
        let build = GluteBinary.url.deletingLastPathComponent().path
        let installed = try Self.shell("scripts/install.sh '\(build)' '\(prefix.path)'")
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains("add its folder to your PATH"))
        let library = prefix.appendingPathComponent("lib/glutecoach")
        let contents = try FileManager.default.contentsOfDirectory(atPath: library.path)
        #expect(contents.contains("glute"))
        #expect(contents.contains { $0.hasSuffix(".resources") }, "\(contents)")
        // Run from elsewhere through the link on the PATH: it reads the resources installed with it.
        let run = try GluteBinary.run(
            ["exercises"], executable: prefix.appendingPathComponent("bin/glute"),
            workingDirectory: URL(fileURLWithPath: "/"))
        #expect(run.status == 0)
        #expect(run.stdout.contains("clamshell"))
    }

    @Test func theQuietBuildHidesOnlyTheToolchainsMktempWarningAndKeepsTheStatus() throws {
        let output = try GluteBinary.temporaryFile(
            "libFoundationEssentials.a(Data+Writing.swift.o): warning: the use of `mktemp' is dangerous\n"
                + "real warning: ours\n", name: "build-output.txt")
        let failing = try Self.shell("scripts/quiet-build.sh bash -c 'cat \(output); exit 3'")
        #expect(failing.status == 3)
        #expect(!failing.stdout.contains("mktemp"))
        #expect(failing.stdout.contains("real warning: ours"))
        #expect(try Self.shell("scripts/quiet-build.sh true").status == 0)
    }

    @Test func everyReleaseBuildUsesTheSameFlagsSoNoBuildUndoesAnother() throws {
        let makefile = try String(
            contentsOf: GluteBinary.repositoryRoot.appendingPathComponent("Makefile"), encoding: .utf8)
        let releaseBuilds = makefile.split(separator: "\n").filter { $0.contains("-c release") }
        #expect(releaseBuilds.count == 1, "\(releaseBuilds)")
        #expect(releaseBuilds.first?.hasPrefix("RELEASE_FLAGS") == true)
        for line in makefile.split(separator: "\n") where line.contains("$(SWIFT) build") && !line.contains("--build-tests") {
            #expect(line.contains("$(RELEASE_FLAGS)") || line.contains("-Xswiftc -warnings-as-errors"), "\(line)")
        }
    }

    // MARK: Input

    static let refusals: [([String], String)] = [
        (["log", "glute-bridge", "--sets", "2x30s", "--felt", "glutes", "--pain", "0"], "'--sets <sets>'"),
        (["log", "side-plank", "--side", "left", "--sets", "2x12", "--felt", "glutes", "--pain", "0"], "'--sets <sets>'"),
        (["log", "glute-bridge", "--sets", "2x0", "--felt", "glutes", "--pain", "0"], "'--sets <sets>'"),
        (["log", "glute-bridge", "--sets", "12,0", "--felt", "glutes", "--pain", "0"], "'--sets <sets>'"),
        (["log", "glute-bridge", "--side", "left", "--sets", "2x12", "--felt", "glutes", "--pain", "0"], "'--side <side>'"),
        (["log", "wakeup", "done", "--side", "left"], "'--side <side>'"),
        (["log", "wakeup", "done", "--pain", "2"], "'--pain <pain>'"),
        (
            ["log", "glute-bridge", "--sets", "2x12", "--felt", "glutes", "--pain", "0", "--at", "2030-01-01T10:00"],
            "'--at <time>'"
        ),
        (["log", "glute-bridge", "--sets", "2x12", "--felt", "glutes", "--pain", "0", "--at", "yesterday"], "'--at <time>'"),
    ]

    @Test(arguments: refusals.indices)
    func logRefusesWhatTheExerciseCannotTakeNamingTheFlag(index: Int) throws {
        let (arguments, flag) = Self.refusals[index]
        let environment = try assessed()
        let result = try GluteBinary.run(arguments, environment: environment)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(flag), "\(arguments): \(result.stderr)")
        let export = try GluteBinary.run(["export", "json"], environment: environment)
        #expect(try JSONValue.parse(export.stdout).objectValue?["loggedSets"] == [])
    }

    @Test func aRetestValueOutOfRangeSaysItsRangeNotThatItIsRequired() throws {
        let environment = try assessed()
        let result = try GluteBinary.run(
            [
                "retest", "single-leg-bridge", "--left-reps", "300", "--left-felt", "glutes", "--right-reps", "12",
                "--right-felt", "glutes",
            ], environment: environment)
        #expect(result.status == 64)
        #expect(result.stderr.contains("'--left-reps <n>'"), "\(result.stderr)")
        #expect(result.stderr.contains("must be between 0 and 200"), "\(result.stderr)")
    }

    @Test func anInvalidGluteNowIsAnErrorNeverIgnored() throws {
        let result = try GluteBinary.run(["plan"], environment: ["GLUTE_NOW": "next tuesday"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("GLUTE_NOW is 'next tuesday'"))
        #expect(try GluteBinary.run(["--help"]).stdout.contains("GLUTE_NOW"))
    }

    @Test func aTimeGivenWithAtDatesTheSetAndCountsInItsDay() throws {
        let environment = try assessed()
        let logged = try GluteBinary.run(
            ["log", "glute-bridge", "--sets", "2x12", "--felt", "glutes", "--pain", "0", "--at", "2026-11-25T18:00", "--json"],
            environment: environment)
        #expect(logged.status == 0, "\(logged.stderr)")
        let at = try JSONValue.parse(logged.stdout).objectValue?["logged"]?.objectValue?["at"]
        #expect(at == "2026-11-25T18:00:00Z")  // TZ=UTC in these runs
        let history = try JSONValue.parse(try GluteBinary.run(["history", "--json"], environment: environment).stdout)
        #expect(history.arrayValue?.first?.objectValue?["kind"] == "set")
    }

    @Test func usageShowsRequiredOptionsAsRequiredAndWakeUpItsOwnLine() throws {
        let help = try GluteBinary.run(["log", "--help"]).stdout
        #expect(help.contains("--sets <sets> "), "\(help)")
        #expect(!help.contains("[--sets <sets>]"))
        #expect(!help.contains("[--felt <place>]"))
        #expect(!help.contains("[--pain <pain>]"))
        #expect(help.contains("glute log wakeup done|skip"))
    }

    @Test func historyAndDeleteTakeBackAMistakenEntry() throws {
        let environment = try assessed()
        #expect(
            try GluteBinary.run(
                ["log", "glute-bridge", "--sets", "2x12", "--felt", "glutes", "--pain", "0"], environment: environment
            ).status == 0)
        let entries = try JSONValue.parse(try GluteBinary.run(["history", "--json"], environment: environment).stdout)
        let id = try #require(entries.arrayValue?.first?.objectValue?["id"]?.stringValue)
        let deleted = try GluteBinary.run(["delete", id], environment: environment)
        #expect(deleted.status == 0, "\(deleted.stderr)")
        let after = try JSONValue.parse(try GluteBinary.run(["history", "--json"], environment: environment).stdout)
        #expect(after.arrayValue?.isEmpty == true)
        let export = try JSONValue.parse(try GluteBinary.run(["export", "json"], environment: environment).stdout)
        #expect(export.objectValue?["deletions"]?.arrayValue?.count == 1)
        #expect(try GluteBinary.run(["delete", id], environment: environment).status == 1)
    }

    // MARK: The database

    @Test func anExplicitDatabaseInAMissingFolderIsAnErrorAndAnEmptyOneAUsageError() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID())/glute.sqlite")
        let result = try GluteBinary.run(["assess", "--input", Self.desk, "--database", missing.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("does not exist"))
        #expect(!FileManager.default.fileExists(atPath: missing.deletingLastPathComponent().path))
        let empty = try GluteBinary.run(["plan", "--database", ""])
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("'--database <path>'"))
    }

    @Test func aDatabaseTheUserCannotWriteStillAnswersEveryReadCommand() throws {
        let environment = try assessed()
        let path = try #require(environment["GLUTE_DATABASE"])
        #expect(
            try GluteBinary.run(
                ["log", "glute-bridge", "--sets", "2x12", "--felt", "glutes", "--pain", "0"], environment: environment
            ).status == 0)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        // Root may write anything, so the commands run as an ordinary user when the tests run as
        // root, from a copy of the binary that user may reach.
        let binary = getuid() == 0 ? try GluteBinary.copyForAnyUser() : GluteBinary.url
        defer { if getuid() == 0 { try? FileManager.default.removeItem(at: binary.deletingLastPathComponent()) } }
        func run(_ command: [String]) throws -> GluteBinary.Result {
            guard getuid() == 0 else { return try GluteBinary.run(command, environment: environment) }
            return try GluteBinary.run(
                ["-u", "nobody", "--", binary.path] + command, environment: environment,
                executable: URL(fileURLWithPath: "/usr/sbin/runuser"))
        }
        for command in [["plan"], ["today"], ["next"], ["progress"], ["history"], ["export", "json"], ["export", "ics"]] {
            let result = try run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        let write = try run(["log", "wakeup", "done"])
        #expect(write.status == 1)
        #expect(write.stderr.contains("cannot be written"), "\(write.stderr)")
    }

    @Test func backupCopiesTheDatabaseWhileAnotherCommandWrites() async throws {
        let environment = try assessed()
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("backup-\(UUID()).sqlite").path
        let writer = Task.detached {
            for minute in 0..<20 {
                var at = environment
                at["GLUTE_NOW"] = "2026-11-26T18:\(minute < 10 ? "0" : "")\(minute):00Z"
                _ = try GluteBinary.run(
                    ["log", "glute-bridge", "--sets", "2x12", "--felt", "glutes", "--pain", "0"], environment: at)
            }
        }
        let backup = try GluteBinary.run(["backup", copy], environment: environment)
        try await writer.value
        #expect(backup.status == 0, "\(backup.stderr)")
        let plan = try GluteBinary.run(["plan", "--json", "--database", copy])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(try GluteBinary.run(["backup", copy], environment: environment).status == 1)
    }

    // MARK: The words

    @Test func textOutputHasNoRawCodesAndWrapsWithin80Columns() throws {
        let environment = try assessed()
        var outputs: [String] = []
        for arguments in [
            ["log", "split-squat", "--side", "left", "--sets", "2x15", "--load", "8kg", "--felt", "glutes", "--pain", "0"],
            ["log", "split-squat", "--side", "right", "--sets", "2x15", "--load", "8kg", "--felt", "glutes", "--pain", "0"],
            ["next"], ["today"], ["plan"],
        ] {
            let result = try GluteBinary.run(arguments, environment: environment)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            outputs.append(result.stdout)
        }
        for text in outputs {
            for code in ["progressReps:", "increaseLoad:", "moveToEasier:", "hold:", "gate no-", "matched-to-"] {
                #expect(!text.contains(code), "'\(code)' in:\n\(text)")
            }
            for line in text.split(separator: "\n") { #expect(line.count <= 80, "too long: \(line)") }
        }
    }

    @Test func aTickedItemShowsWhatWasDone() throws {
        let environment = try assessed()
        #expect(
            try GluteBinary.run(
                ["log", "glute-bridge", "--sets", "15,14", "--felt", "glutes", "--pain", "0"], environment: environment
            ).status == 0)
        let today = try GluteBinary.run(["today"], environment: environment).stdout
        #expect(today.contains("[x] Glute bridge: done 15, 14 reps"), "\(today)")
    }

    @Test func explainTalksJSONToo() throws {
        let result = try GluteBinary.run(["explain", "clamshell", "--json"])
        #expect(result.status == 0)
        let value = try JSONValue.parse(result.stdout).objectValue
        #expect(value?["kind"] == "exercise")
        #expect(value?["exercise"]?.objectValue?["id"] == "clamshell")
    }
}

import Foundation
import GluteJSON
import Testing

@testable import GluteCore

/// The daily loop through the built binary on one real SQLite file: assess, plan, log, next,
/// today, retest; and every bad flag rejected by name with nothing written.
@Suite struct DailyLoopTests {
    static let desk = GluteBinary.fixtures.appendingPathComponent("cases/desk-worker-left-amnesia.json").path

    /// A fresh database with the desk worker assessed.
    func assessedDatabase() throws -> [String: String] {
        let environment = ["GLUTE_DATABASE": try GluteBinary.temporaryFile("", name: "loop.sqlite")]
        let result = try GluteBinary.run(["assess", "--input", Self.desk], environment: environment)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Saved: assessment and plan version 1"))
        return environment
    }

    func loggedSets(_ environment: [String: String]) throws -> [JSONValue] {
        let export = try GluteBinary.run(["export", "json"], environment: environment)
        return try JSONValue.parse(export.stdout).objectValue?["loggedSets"]?.arrayValue ?? []
    }

    @Test func planShowsTheStoredPlanWithItsReasons() throws {
        let environment = try assessedDatabase()
        let plan = try GluteBinary.run(["plan"], environment: environment)
        #expect(plan.status == 0)
        #expect(plan.stdout.contains("Plan version 1 (first assessment on 2026-11-26)"))
        #expect(plan.stdout.contains("recruitment-deficit: "))
        let json = try JSONValue.parse(try GluteBinary.run(["plan", "--json"], environment: environment).stdout)
        #expect(json.objectValue?["plan"]?.objectValue?["reassessOn"] == "2026-12-24")
    }

    @Test func loggingThenNextProgressesTheWeakerSideFirst() throws {
        let environment = try assessedDatabase()
        let left = try GluteBinary.run(
            [
                "log", "split-squat", "--side", "left", "--sets", "2x15", "--load", "8kg",
                "--felt", "glutes", "--pain", "0",
            ], environment: environment)
        #expect(left.status == 0)
        #expect(left.stdout.contains("Logged Split squat, 2 x 15 @ 8 kg (left)."))
        #expect(left.stdout.contains("Next: "))
        let right = try GluteBinary.run(
            [
                "log", "split-squat", "--side", "right", "--sets", "15,15", "--load", "8kg",
                "--felt", "glutes", "--pain", "0", "--json",
            ], environment: environment)
        let next = try JSONValue.parse(right.stdout).objectValue?["next"]?.objectValue
        #expect(next?["action"] != nil)
        let all =
            try JSONValue.parse(try GluteBinary.run(["next", "--json"], environment: environment).stdout).arrayValue
            ?? []
        let split = all.compactMap(\.objectValue).filter { $0["exercise"] == "split-squat" }
        #expect(split.count == 2)
        #expect(split.allSatisfy { $0["decision"] != nil && $0["decision"] != .null })
        #expect(try loggedSets(environment).count == 2)
    }

    @Test func wakeUpCallsAreCountedInToday() throws {
        let environment = try assessedDatabase()
        #expect(try GluteBinary.run(["log", "wakeup", "done"], environment: environment).status == 0)
        // Taps in a row answer the same call: five logs in five minutes are one call.
        for time in ["2026-11-26T10:02:00Z", "2026-11-26T10:04:00Z"] {
            var again = environment
            again["GLUTE_NOW"] = time
            #expect(try GluteBinary.run(["log", "wakeup", "done"], environment: again).status == 0)
        }
        var skipped = environment
        skipped["GLUTE_NOW"] = "2026-11-26T07:30:00Z"  // before working hours: kept, not counted
        #expect(try GluteBinary.run(["log", "wakeup", "skip"], environment: skipped).status == 0)
        var later = environment
        later["GLUTE_NOW"] = "2026-11-26T09:40:00Z"  // nearest call: 10:00, already answered
        #expect(try GluteBinary.run(["log", "wakeup", "skip"], environment: later).status == 0)
        let today = try JSONValue.parse(try GluteBinary.run(["today", "--json"], environment: environment).stdout)
            .objectValue
        let calls = today?["wakeUpCalls"]?.objectValue
        #expect(calls?["done"] == 1)
        #expect(calls?["skipped"] == 0)
        #expect(calls?["planned"] == 7)
        #expect(calls?["dueSoFar"] == 1)  // GLUTE_NOW is 10:00, the first call of a 09:00 start
        #expect(today?["closedGates"]?.arrayValue?.isEmpty == false)
        let text = try GluteBinary.run(["today"], environment: environment)
        #expect(text.stdout.contains("Wake-up calls: 1 done of 1 due so far"))
    }

    static let badLogs: [([String], String)] = [
        (["log", "split-squat", "--sets", "2x10", "--felt", "glutes", "--pain", "0"], "'--side <side>'"),
        (
            ["log", "clamshell", "--side", "left", "--sets", "two", "--felt", "glutes", "--pain", "0"],
            "'--sets <sets>'"
        ),
        (
            ["log", "clamshell", "--side", "left", "--sets", "2x10", "--felt", "calves", "--pain", "0"],
            "'--felt <place>'"
        ),
        (
            ["log", "clamshell", "--side", "left", "--sets", "2x10", "--felt", "glutes", "--pain", "11"],
            "'--pain <pain>'"
        ),
        (["log", "clamshell", "--side", "left", "--sets", "2x10", "--felt", "glutes"], "'--pain <pain>'"),
        (
            ["log", "romanian-deadlift", "--sets", "2x10", "--load", "8", "--felt", "glutes", "--pain", "0"],
            "'--load <load>'"
        ),
        (
            [
                "log", "clamshell", "--side", "left", "--sets", "2x10", "--load", "5kg", "--felt", "glutes", "--pain",
                "0",
            ], "'--load <load>'"
        ),
        (["log", "clamshell", "--side", "up", "--sets", "2x10", "--felt", "glutes", "--pain", "0"], "'--side <side>'"),
        (
            ["log", "clamshell", "--side", "left", "--sets", "2x10", "--felt", "glutes", "--pain", "0", "--rpe", "12"],
            "'--rpe <rpe>'"
        ),
        (["log", "banana", "--sets", "2x10", "--felt", "glutes", "--pain", "0"], "'banana' is not in the catalogue"),
        (["log", "wakeup", "maybe"], "'done' or 'skip'"),
    ]

    @Test(arguments: badLogs.indices)
    func badLogFlagsAreNamedAndNothingIsWritten(index: Int) throws {
        let (arguments, named) = Self.badLogs[index]
        let environment = try assessedDatabase()
        let result = try GluteBinary.run(arguments, environment: environment)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: "))
        #expect(result.stderr.contains(named), "\(result.stderr)")
        #expect(try loggedSets(environment).isEmpty)
    }

    @Test func aPassedBridgeRetestUnlocksLoadedHingesInANewPlanVersion() throws {
        let environment = try assessedDatabase()
        let retest = try GluteBinary.run(
            [
                "retest", "single-leg-bridge", "--left-reps", "17", "--left-felt", "glutes",
                "--right-reps", "18", "--right-felt", "glutes", "--json",
            ], environment: environment)
        #expect(retest.status == 0)
        let result = try JSONValue.parse(retest.stdout).objectValue
        #expect(result?["unlocked"] == ["no-loaded-hinge"])
        #expect(result?["resolved"]?.arrayValue?.contains("recruitment-deficit") == true)
        #expect(result?["planVersion"] == 2)
        let history = try GluteBinary.run(["plan", "--history"], environment: environment)
        #expect(
            history.stdout.contains(
                "v2  2026-11-26  retest of single-leg-bridge on 2026-11-26; resolved recruitment-deficit"))
        let plan = try JSONValue.parse(try GluteBinary.run(["plan", "--json"], environment: environment).stdout)
        let gates = plan.objectValue?["plan"]?.objectValue?["gates"]?.arrayValue?.compactMap {
            $0.objectValue?["code"]?.stringValue
        }
        #expect(gates?.contains("no-loaded-hinge") == false)
        let failed = try GluteBinary.run(
            ["retest", "single-leg-bridge", "--left-reps", "17"], environment: environment)
        #expect(failed.status == 64)
        #expect(failed.stderr.contains("--right-reps"))
    }

    @Test func commandsNeedAPlanFirst() throws {
        for command in [["plan"], ["today"], ["next"], ["export", "ics"]] {
            let result = try GluteBinary.run(command)
            #expect(result.status == 1)
            #expect(result.stderr == "Error: there is no plan yet: run 'glute assess' first\n")
        }
    }
}

/// A finding that stops the flow ends the plan in force.
@Suite struct StoppedPlanTests {
    @Test func aRedFlagAtReassessmentEndsTheActivePlan() throws {
        let environment = ["GLUTE_DATABASE": try GluteBinary.temporaryFile("", name: "stop.sqlite")]
        let cases = GluteBinary.fixtures.appendingPathComponent("cases")
        #expect(
            try GluteBinary.run(
                ["assess", "--input", cases.appendingPathComponent("desk-worker-left-amnesia.json").path],
                environment: environment
            ).status == 0)
        let stop = try GluteBinary.run(
            ["assess", "--input", cases.appendingPathComponent("red-flag-saddle-numbness.json").path],
            environment: environment)
        #expect(stop.status == 0)
        #expect(stop.stdout.contains("No plan is active until a clinician has seen you"))
        // Every daily command says so, and prescribes nothing.
        for command in [["today"], ["next"], ["plan"], ["remind", "--now"]] {
            let result = try GluteBinary.run(command, environment: environment)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(result.stdout.contains("SEE A CLINICIAN"), "\(command): \(result.stdout)")
            #expect(!result.stdout.contains(" x "), "\(command) prescribes: \(result.stdout)")
        }
        let today = try JSONValue.parse(try GluteBinary.run(["today", "--json"], environment: environment).stdout)
        #expect(today.objectValue?["status"] == "stopped")
        #expect(today.objectValue?["sessions"] == [])
        let retest = try GluteBinary.run(["retest", "hip-hinge", "--pass", "yes"], environment: environment)
        #expect(retest.stdout.contains("Your plan is stopped"))
        let history = try GluteBinary.run(["plan", "--history"], environment: environment)
        #expect(history.stdout.contains("v2  2026-11-26  stopped: see a clinician on 2026-11-26 (refer-to-clinician)"))
        // Logging what was done is never refused.
        let logged = try GluteBinary.run(["log", "wakeup", "done"], environment: environment)
        #expect(logged.status == 0)
    }
}

import Foundation
import Testing

@testable import GluteCore

/// Drives `glute assess` on a real pseudo-terminal (util-linux `script`) with scripted answers.
@Suite struct InteractiveAssessmentTests {
    static let screenNo = Array(repeating: "n", count: 6 + 7 + 4)
    static let profile = [
        "0", "40", "kg", "9", "120", "09:00", "17:00", "mon tue wed thu fri", "stability", "novice",
        "band kettlebell", "mon wed fri", "30", "average",
    ]

    func runOnTerminal(_ answers: [String]) throws -> GluteBinary.Result {
        let directory = try GluteBinary.temporaryFile("", name: "unused")
        let folder = URL(fileURLWithPath: directory).deletingLastPathComponent()
        let saved = folder.appendingPathComponent("answers.json").path
        let command = "\(GluteBinary.url.path) assess --save \(saved)"
        let result = try GluteBinary.run(
            ["-q", "-e", "-c", command, "/dev/null"], input: answers.joined(separator: "\n") + "\n",
            executable: URL(fileURLWithPath: "/usr/bin/script"))
        return GluteBinary.Result(
            status: result.status, stdout: result.stdout,
            stderr: (try? String(contentsOfFile: saved, encoding: .utf8)) ?? "")
    }

    @Test func aScriptedAssessmentGivesFindingsAPlanAndASavedDocument() throws {
        let tests =
            ["y", "11", "lowerBack", "n", "18", "glutes", "y"]  // the bridge, then skip the rest
            + Array(repeating: "n", count: 7)
        let result = try runOnTerminal(Self.screenNo + Self.profile + tests)
        #expect(result.status == 0)
        #expect(result.stdout.contains("SINGLE-LEG GLUTE BRIDGE"))
        #expect(result.stdout.contains("recruitment-deficit (left)"))
        #expect(result.stdout.contains("YOUR PLAN"))
        // The saved answers are a valid document in the interchange format.
        let saved = try Assessment.decode(result.stderr)
        #expect(saved.tests.singleLegBridge?.left.reps == 11)
        #expect(saved.profile.equipment == [.band, .kettlebell])
    }

    @Test func invalidAnswersAreAskedAgain() throws {
        var answers = Self.screenNo + Self.profile
        answers[Self.screenNo.count] = "eleven"  // pain now: not a number, then 0
        answers.insert("0", at: Self.screenNo.count + 1)
        answers.insert("", at: 0)  // a safety question has no default: Enter alone asks again
        let result = try runOnTerminal(answers + Array(repeating: "n", count: 8))
        #expect(result.status == 0)
        #expect(result.stdout.contains("Please answer a whole number from 0 to 10"))
        #expect(result.stdout.contains("Please answer y or n"))
    }

    @Test func aRedFlagStopsWithoutAPlan() throws {
        let answers = ["y"] + Array(repeating: "n", count: 5 + 7 + 4) + Self.profile
        let result = try runOnTerminal(answers)
        #expect(result.status == 0)
        #expect(result.stdout.contains("refer-to-clinician"))
        #expect(result.stdout.contains("NO PLAN"))
        #expect(!result.stdout.contains("SELF-TESTS"))
    }
}

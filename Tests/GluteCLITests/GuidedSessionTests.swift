import Foundation
import GluteApp
import GluteStore
import Synchronization
import Testing

@testable import GluteCLI
@testable import GluteCore

/// Terminal input given line by line, and what was written.
///
/// A line starting with `~` stands for a key pressed during a countdown: throwing away pending
/// input removes those at the front of the queue, as `tcflush` does on a real terminal.
final class ScriptedTerminal: Sendable {
    let lines: Mutex<[String]>
    let output = Mutex("")

    init(_ lines: [String]) { self.lines = Mutex(lines) }

    func io(now: Date, database: String) -> CommandIO {
        CommandIO.test(
            write: { text in self.output.withLock { $0 += text } },
            readLine: { self.lines.withLock { $0.isEmpty ? nil : $0.removeFirst() } }, isInteractive: true,
            environment: ["GLUTE_DATABASE": database], now: { now },
            discardPendingInput: { self.lines.withLock { $0 = Array($0.drop { $0.hasPrefix("~") }) } })
    }

    var text: String { output.withLock { $0 } }
}

/// `glute today --start`: hold timers, a rep counter per side, and logging as each side ends.
@Suite struct GuidedSessionTests {
    static let monday = Date(timeIntervalSince1970: 1_795_428_000)  // 2026-11-23T10:00:00Z, a Monday

    /// Monday's first session of the desk-worker plan and a way to run it with scripted answers.
    struct Rehearsal {
        let database: String
        let knowledge: KnowledgeBase

        func cli(_ io: CommandIO) throws -> CLIApplication {
            try CLIApplication.open(database: database, io: io, access: .write)
        }

        /// Today's first session as it stands now.
        func session() async throws -> TodayView.SessionToday {
            let cli = try cli(ScriptedTerminal([]).io(now: GuidedSessionTests.monday, database: database))
            let person = try await cli.person(.read)
            return try #require(try await cli.app.today(person.id).sessions.first)
        }

        func run(_ script: [String]) async throws -> (summary: GuidedSession.Summary, text: String) {
            let terminal = ScriptedTerminal(script)
            let io = terminal.io(now: GuidedSessionTests.monday, database: database)
            let cli = try cli(io)
            let person = try await cli.person(.read)
            let guided = GuidedSession(io: io, cli: cli, person: person, knowledge: knowledge, pause: { _ in })
            return (try await guided.run(try await session()), terminal.text)
        }

        func loggedSets() async throws -> [LoggedSet] {
            let cli = try cli(ScriptedTerminal([]).io(now: GuidedSessionTests.monday, database: database))
            let person = try await cli.person(.read)
            return try await cli.app.exportPerson(person.id).loggedSets
        }
    }

    func rehearsal() async throws -> Rehearsal {
        let database = try GluteBinary.temporaryFile("", name: "session.sqlite")
        let desk = GluteBinary.fixtures.appendingPathComponent("cases/desk-worker-left-amnesia.json").path
        let setup = ScriptedTerminal([])
        #expect(
            await CommandRunner.run(["assess", "--input", desk], io: setup.io(now: Self.monday, database: database))
                == 0)
        return Rehearsal(database: database, knowledge: try KnowledgeBase.bundled())
    }

    /// Answers that do every step (Enter presses for the first set of reps, typed counts for the
    /// others), then say glutes, steady (one-sided work) and no pain for each side.
    func answers(for steps: [GuidedSession.Step], duringHolds: [String] = []) -> [String] {
        var answers: [String] = []
        var pressed = false
        for step in steps {
            for _ in 0..<step.prescription.sets {
                if step.prescription.measure == .seconds {
                    answers.append("")
                    answers += duringHolds
                } else if !pressed {
                    answers += Array(repeating: "", count: step.prescription.target)
                    pressed = true
                } else {
                    answers.append(String(step.prescription.target))
                }
            }
            answers += ["glutes"] + (step.exercise.isUnilateral ? ["steady"] : []) + ["0"]
        }
        return answers
    }

    @Test func aWholeSessionIsTimedCountedAndLoggedPerSide() async throws {
        let rehearsal = try await rehearsal()
        let steps = GuidedSession.steps(try await rehearsal.session(), knowledge: rehearsal.knowledge)
        let (summary, text) = try await rehearsal.run(answers(for: steps))
        #expect(summary.done.count == steps.count)
        #expect(text.contains("Session done."))
        let history = try await rehearsal.loggedSets()
        #expect(history.count == steps.count)
        // Each side of one-sided work is asked on its own, the weaker (left) side first.
        let unilateral = try #require(steps.first { $0.exercise.isUnilateral })
        #expect(text.contains("Where did you feel it most (left)?"))
        #expect(text.contains("Where did you feel it most (right)?"))
        let left = try #require(text.range(of: "\(unilateral.exercise.name) (left)"))
        let right = try #require(text.range(of: "\(unilateral.exercise.name) (right)"))
        #expect(left.lowerBound < right.lowerBound)
    }

    @Test func quittingSaysWhatWasDoneAndWhatIsLeftAndStartingAgainResumes() async throws {
        let rehearsal = try await rehearsal()
        let steps = GuidedSession.steps(try await rehearsal.session(), knowledge: rehearsal.knowledge)
        let (first, text) = try await rehearsal.run(answers(for: Array(steps.prefix(1))) + ["q"])
        #expect(first.done.count == 1)
        #expect(text.contains("Session ended. Done: "))
        #expect(text.contains("Still to do: "))
        #expect(try await rehearsal.loggedSets().count == 1)
        let rest = GuidedSession.steps(try await rehearsal.session(), knowledge: rehearsal.knowledge)
        #expect(rest.count == steps.count - 1)
        let (second, again) = try await rehearsal.run(answers(for: rest))
        #expect(again.contains("resuming where you stopped"))
        #expect(second.done.count == steps.count - 1)
        #expect(try await rehearsal.loggedSets().count == steps.count)
    }

    @Test func keysPressedDuringAHoldNeverAnswerTheNextQuestion() async throws {
        let rehearsal = try await rehearsal()
        let steps = GuidedSession.steps(try await rehearsal.session(), knowledge: rehearsal.knowledge)
        try #require(steps.contains { $0.prescription.measure == .seconds })
        // "~8" stands for a key pressed during the countdown: it must not become the pain answer.
        let (summary, _) = try await rehearsal.run(answers(for: steps, duringHolds: ["~8", "~lowerBack"]))
        #expect(summary.done.count == steps.count)
        #expect(try await rehearsal.loggedSets().allSatisfy { $0.pain == 0 && $0.felt == .glutes })
    }

    @Test func startNeedsATerminal() throws {
        let environment = ["GLUTE_DATABASE": try GluteBinary.temporaryFile("", name: "start.sqlite")]
        let desk = GluteBinary.fixtures.appendingPathComponent("cases/desk-worker-left-amnesia.json").path
        #expect(try GluteBinary.run(["assess", "--input", desk], environment: environment).status == 0)
        let result = try GluteBinary.run(["today", "--start"], environment: environment)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: 'glute today --start' needs a terminal"))
    }
}

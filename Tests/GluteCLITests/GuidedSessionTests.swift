import Foundation
import GluteStore
import Synchronization
import Testing

@testable import GluteCLI
@testable import GluteCore

/// Terminal input given line by line, and what was written.
final class ScriptedTerminal: Sendable {
    let lines: Mutex<[String]>
    let output = Mutex("")

    init(_ lines: [String]) { self.lines = Mutex(lines) }

    func io(now: Date, database: String) -> CommandIO {
        CommandIO(
            writeOutput: { text in self.output.withLock { $0 += text } },
            writeError: { text in self.output.withLock { $0 += text } },
            readLine: { self.lines.withLock { $0.isEmpty ? nil : $0.removeFirst() } },
            isInteractive: true, outputIsTerminal: false,
            environment: ["GLUTE_DATABASE": database], now: { now })
    }

    var text: String { output.withLock { $0 } }
}

/// `glute today --start`: hold timers, a rep counter per side, and logging as each exercise ends.
@Suite struct GuidedSessionTests {
    static let monday = try! Date("2026-11-23T10:00:00Z", strategy: .iso8601)

    func assessed() async throws -> (StoreAccess, Plan, KnowledgeBase, String) {
        let database = try GluteBinary.temporaryFile("", name: "session.sqlite")
        let desk = GluteBinary.fixtures.appendingPathComponent("cases/desk-worker-left-amnesia.json").path
        let setup = ScriptedTerminal([])
        #expect(
            await CommandRunner.run(["assess", "--input", desk], io: setup.io(now: Self.monday, database: database))
                == 0)
        let access = try await StoreAccess.open(database: database, io: setup.io(now: Self.monday, database: database))
        return (access, try await access.requirePlan().plan, try KnowledgeBase.bundled(), database)
    }

    /// Answers that do every set of `session` (Enter presses for the first set of reps, typed
    /// counts for the others), then say glutes, steady and no pain.
    func answers(for session: GluteCore.Session, steps: [GuidedSession.Step]) -> [String] {
        var answers: [String] = []
        var pressed = false
        for step in steps {
            for (_, prescription) in step.sides {
                for _ in 0..<(prescription?.sets ?? step.item.sets) {
                    if step.item.seconds != nil {
                        answers.append("")
                    } else if !pressed {
                        answers += Array(repeating: "", count: prescription?.target ?? step.item.reps ?? 10)
                        pressed = true
                    } else {
                        answers.append(String(prescription?.target ?? 10))
                    }
                }
            }
            answers += ["glutes"] + (step.exercise.isUnilateral ? ["steady"] : []) + ["0"]
        }
        return answers
    }

    /// Monday's first session of the desk-worker plan, its steps, and a way to run it with
    /// scripted answers.
    struct Rehearsal {
        let access: StoreAccess
        let knowledge: KnowledgeBase
        let database: String
        let session: GluteCore.Session
        let tracks: [PlanProgression.Track]
        let steps: [GuidedSession.Step]

        func run(_ script: [String]) async throws -> (logged: Int, text: String) {
            let terminal = ScriptedTerminal(script)
            let io = terminal.io(now: GuidedSessionTests.monday, database: database)
            let guided = GuidedSession(
                io: io, access: StoreAccess(store: access.store, person: access.person, io: io),
                knowledge: knowledge, pause: { _ in })
            return (try await guided.run(session, tracks: tracks), terminal.text)
        }
    }

    func rehearsal() async throws -> Rehearsal {
        let (access, plan, knowledge, database) = try await assessed()
        let session = try #require(plan.week.first { $0.day == .mon }?.sessions.first)
        let tracks = try await access.progressionTracks(plan: plan, knowledge: knowledge)
        let probe = GuidedSession(io: access.io, access: access, knowledge: knowledge, pause: { _ in })
        let steps = session.items.compactMap { probe.step(for: $0, tracks: tracks) }
        return Rehearsal(
            access: access, knowledge: knowledge, database: database, session: session, tracks: tracks, steps: steps)
    }

    @Test func aWholeSessionIsTimedCountedAndLoggedPerSide() async throws {
        let rehearsal = try await rehearsal()
        let (logged, text) = try await rehearsal.run(answers(for: rehearsal.session, steps: rehearsal.steps))
        #expect(logged == rehearsal.steps.reduce(0) { $0 + $1.sides.count })
        #expect(text.contains("Session done."))
        let sets = try await rehearsal.access.allSets()
        #expect(sets.count == logged)
        #expect(sets.allSatisfy { $0.felt == .glutes && $0.pain == 0 })
        // The weaker (left) side goes first.
        let left = try #require(text.range(of: "Set 1 left")), right = try #require(text.range(of: "Set 1 right"))
        #expect(left.lowerBound < right.lowerBound)
    }

    @Test func quittingKeepsWhatWasFinished() async throws {
        let rehearsal = try await rehearsal()
        let script = answers(for: rehearsal.session, steps: Array(rehearsal.steps.prefix(1))) + ["q"]
        let (logged, _) = try await rehearsal.run(script)
        #expect(logged == rehearsal.steps[0].sides.count)
        #expect(try await rehearsal.access.allSets().count == logged)
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

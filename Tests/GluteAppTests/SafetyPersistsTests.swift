import Foundation
import GluteApp
import GluteCore
import GluteJSON
import GluteStore
import Testing

/// Rule 3: safety persists.
///
/// Pain of 4 to 6 takes the exercise out in a new plan version that
/// stays; pain of 7 or more, or numbness, stops everything on every later day until a new
/// assessment passes the screen; deleting the only cause of a stop lifts it, a second cause
/// keeps it.
@Suite struct SafetyPersistsTests {
    static let monday = CivilDate.on("2026-11-02")

    /// The exercises of each session of the week, by day and kind.
    static func layout(_ plan: Plan) -> [String: [String]] {
        var layout: [String: [String]] = [:]
        for (day, session) in plan.sessions {
            layout["\(day.rawValue)/\(session.kind.rawValue)"] = session.items.map(\.exercise)
        }
        return layout
    }

    @Test(arguments: [4, 5, 6], Side.allCases)
    func painFourToSixSwapsTheExerciseForGood(_ pain: Int, _ side: Side) async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk)
            let before = try #require(try await me.app.plan(me.id).version.plan)
            fixture.clock.set(Self.monday, 18)
            let logged = try await me.log("split-squat", side, reps: [10, 10], load: Load(8, .kg), pain: pain)
            guard case .swapped(let version, let removed, let replacement) = logged.safety else {
                Issue.record("pain \(pain) did not swap: \(logged.safety)")
                return
            }
            let replacementID = try #require(replacement)
            #expect(removed == "split-squat")
            #expect(version.version == 2)
            #expect(version.reason.contains("split-squat") && version.reason.contains("pain \(pain)/10"))
            #expect(version.causes == [logged.set.id.rawValue])
            let plan = try #require(version.plan)
            // The replacement takes the exercise's place in every session; nothing else moves.
            let old = Self.layout(before)
            for (slot, exercises) in Self.layout(plan) {
                let expected = try #require(old[slot]).map { $0 == "split-squat" ? replacementID : $0 }
                #expect(exercises == expected, "\(slot)")
            }
            #expect(!plan.sessions.contains { $0.session.items.contains { $0.exercise == "split-squat" } })
            for days in [1, 2, 7, 9] {
                fixture.clock.set(Self.monday.adding(days: days), 8)
                let seen = try await Agreement.check(me)
                #expect(seen.plan.version.id == version.id, "the swap did not last \(days) days")
                #expect(!seen.next.entries.contains { $0.key.exercise == "split-squat" })
                #expect(seen.today.sessions.allSatisfy { !$0.items.contains { $0.item.exercise == "split-squat" } })
            }
            let strength = try await Agreement.check(me).todayItem(.strength, replacementID)
            #expect(strength?.item.why.first == "pain-swap")
        }
    }

    /// A retest that changes the plan after a pain swap keeps the painful exercise out: only a
    /// new assessment brings it back.
    @Test(arguments: Side.allCases)
    func aRetestAfterAPainSwapKeepsTheExerciseOut(_ side: Side) async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk)
            fixture.clock.set(Self.monday, 18)
            let logged = try await me.log("split-squat", side, reps: [10, 10], load: Load(8, .kg), pain: 5)
            guard case .swapped(_, _, let replacement) = logged.safety else {
                Issue.record("pain 5 did not swap: \(logged.safety)")
                return
            }
            fixture.clock.set(Self.monday.adding(days: 1), 8)
            let retest = try await me.bridgeRetest()
            let version = try #require(retest.version, "the retest unlocks the loaded hinge")
            let plan = try #require(version.plan)
            #expect(!plan.sessions.contains { $0.session.items.contains { $0.exercise == "split-squat" } })
            #expect(plan.sessions.contains { $0.session.items.contains { $0.exercise == replacement } })
            #expect(version.reason.contains("still without split-squat"))
            for days in [2, 7] {
                fixture.clock.set(Self.monday.adding(days: days), 8)
                let seen = try await Agreement.check(me)
                #expect(!seen.next.entries.contains { $0.key.exercise == "split-squat" }, "\(days) days later")
            }
            // A new assessment is the fresh look that may bring it back.
            fixture.clock.set(Self.monday.adding(days: 8), 8)
            let reassessed = try #require(try await me.assess(Cases.desk).version.plan)
            #expect(reassessed.sessions.contains { $0.session.items.contains { $0.exercise == "split-squat" } })
        }
    }

    /// When the replacement hurts too, the exercise that hurt first is not its replacement.
    @Test func anExerciseThatHurtIsNeverTheReplacement() async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk)
            fixture.clock.set(Self.monday, 18)
            let first = try await me.log("split-squat", .left, reps: [10, 10], load: Load(8, .kg), pain: 5)
            guard case .swapped(_, _, let replacement?) = first.safety else {
                Issue.record("pain 5 did not swap: \(first.safety)")
                return
            }
            fixture.clock.set(Self.monday.adding(days: 2), 18)
            let side: Side? = knowledge.exercise(replacement)?.isUnilateral == true ? .left : nil
            let second = try await me.log(replacement, side, reps: [12, 12], pain: 4)
            guard case .swapped(let version, _, let next) = second.safety else {
                Issue.record("pain 4 on \(replacement) did not swap: \(second.safety)")
                return
            }
            #expect(next != "split-squat")
            let exercises = try #require(version.plan).sessions.flatMap { $0.session.items.map(\.exercise) }
            #expect(!exercises.contains("split-squat") && !exercises.contains(replacement))
            try await Agreement.check(me)
        }
    }

    /// The replacement is prescribed in the measure it is logged in: the hinge drill that hurt
    /// is replaced by the pelvic tilt drill, a 5-second hold counted in reps, which can be
    /// logged as prescribed in both sessions.
    @Test func aReplacementCanBeLoggedAsPrescribed() async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.hingeFail)
            fixture.clock.set(Self.monday, 8)
            let logged = try await me.log("hip-hinge-wall-drill", reps: [12, 12], pain: 5)
            guard case .swapped(_, _, let replacement?) = logged.safety else {
                Issue.record("pain 5 did not swap: \(logged.safety)")
                return
            }
            let seen = try await Agreement.check(me)
            for kind in [Session.Kind.activation, .strength] {
                let key = ItemKey(kind: kind, exercise: replacement, side: nil)
                let prescription = try #require(seen.entry(key)).prescription
                #expect(prescription.measure == knowledge.exercise(replacement)?.logMeasure)
                fixture.clock.advance(seconds: 3600)
                let done = try await me.logAsPrescribed(key)
                #expect(done.item == key && done.decision?.action == .progressReps)
            }
        }
    }

    /// What stops the plan.
    enum Stop: String, CaseIterable, CustomTestStringConvertible {
        case pain7, pain10, numbness, numbnessAlreadyAssessed
        var testDescription: String { rawValue }
    }

    @Test(arguments: Stop.allCases)
    func aStopHoldsOnEveryLaterDayUntilAnAssessmentPasses(_ stop: Stop) async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(stop == .numbnessAlreadyAssessed ? Cases.neural : Cases.desk)
            #expect(try await Agreement.check(me).isStopped == false)
            fixture.clock.set(Self.monday, 18)
            let logged: LogOutcome
            switch stop {
            case .pain7: logged = try await me.log("glute-bridge", reps: [12, 12], pain: 7)
            case .pain10: logged = try await me.log("glute-bridge", reps: [12, 12], pain: 10)
            case .numbness, .numbnessAlreadyAssessed:
                logged = try await me.log("glute-bridge", reps: [12, 12], numbness: true)
            }
            guard case .stopped(let version) = logged.safety else {
                Issue.record("\(stop) did not stop the plan: \(logged.safety)")
                return
            }
            #expect(version.plan == nil && version.causes == [logged.set.id.rawValue])
            for days in [0, 1, 2, 7, 30] {
                fixture.clock.set(Self.monday.adding(days: days), 10)
                let seen = try await Agreement.check(me)
                #expect(seen.isStopped, "\(days) days later the plan is not stopped")
                #expect(seen.today.stop?.advice.contains("clinician") == true)
                let calendar = try await me.app.calendar(me.id, sessionTime: try #require(ClockTime("18:00")))
                #expect(calendar.components(separatedBy: "BEGIN:VEVENT").count == 2, "one event only")
                #expect(calendar.contains("see a clinician"))
                #expect(!calendar.contains("RRULE") && !calendar.lowercased().contains("wake-up"))
            }
            // Logging while stopped keeps the set and the wake-up call, and prescribes nothing.
            let kept = try await me.log("glute-bridge", reps: [12, 12])
            guard case .alreadyStopped = kept.safety else {
                Issue.record("logging while stopped: \(kept.safety)")
                return
            }
            let call = try await me.app.logWakeUpCall(me.id, outcome: .done)
            #expect(call.stopped)
            let history = try await me.app.history(me.id, limit: 10).map(\.id)
            #expect(history.contains(kept.set.id.rawValue) && history.contains(call.log.id.rawValue))
            // An assessment that fails the screen keeps the stop; one that passes lifts it.
            fixture.clock.set(Self.monday.adding(days: 31), 8)
            #expect(try await me.assess(Cases.redFlag).version.plan == nil)
            #expect(try await Agreement.check(me).isStopped)
            fixture.clock.set(Self.monday.adding(days: 32), 8)
            #expect(try await me.assess(Cases.desk).version.plan != nil)
            let lifted = try await Agreement.check(me)
            #expect(!lifted.isStopped && !lifted.today.sessions.isEmpty)
        }
    }

    /// Deleting the set that alone stopped the plan brings back the version before it.
    @Test(arguments: Stop.allCases)
    func deletingTheOnlyCauseLiftsTheStop(_ stop: Stop) async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(stop == .numbnessAlreadyAssessed ? Cases.neural : Cases.desk)
            let first = try await me.app.plan(me.id).version
            fixture.clock.set(Self.monday, 18)
            let pain = stop == .pain7 ? 7 : stop == .pain10 ? 10 : 0
            let logged = try await me.log(
                "glute-bridge", reps: [12, 12], pain: pain, numbness: pain == 0)
            #expect(try await Agreement.check(me).isStopped)
            fixture.clock.set(Self.monday.adding(days: 1), 8)
            let deleted = try await me.app.deleteEntry(me.id, id: logged.set.id.rawValue)
            let lifted = try #require(deleted.lifted)
            #expect(deleted.kept == nil)
            #expect(lifted.version == 3 && lifted.plan == first.plan)
            let seen = try await Agreement.check(me)
            #expect(!seen.isStopped && seen.plan.version.id == lifted.id)
            #expect(try await me.app.deletions(me.id).map(\.entryID) == [logged.set.id.rawValue])
        }
    }

    /// A stop with two causes stays when one is deleted, and lifts when both are.
    @Test(arguments: [true, false])
    func aStopWithASecondCauseStays(_ deleteFirstCauseFirst: Bool) async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk)
            fixture.clock.set(Self.monday, 18)
            let one = try await me.log("glute-bridge", reps: [12, 12], pain: 8)
            fixture.clock.set(Self.monday, 19)
            let two = try await me.log("clamshell", .left, reps: [12, 12], numbness: true)
            guard case .alreadyStopped(let stopped) = two.safety else {
                Issue.record("the second cause: \(two.safety)")
                return
            }
            #expect(Set(stopped.causes) == [one.set.id.rawValue])
            #expect(Set(try await me.app.plan(me.id).version.causes) == [one.set.id.rawValue, two.set.id.rawValue])
            let (first, second) = deleteFirstCauseFirst ? (one, two) : (two, one)
            fixture.clock.set(Self.monday.adding(days: 1), 8)
            let partly = try await me.app.deleteEntry(me.id, id: first.set.id.rawValue)
            #expect(partly.lifted == nil && partly.kept != nil)
            #expect(try await Agreement.check(me).isStopped, "one cause deleted, the other still stops the plan")
            fixture.clock.set(Self.monday.adding(days: 2), 8)
            let fully = try await me.app.deleteEntry(me.id, id: second.set.id.rawValue)
            #expect(fully.lifted?.plan != nil)
            #expect(try await Agreement.check(me).isStopped == false)
        }
    }
}

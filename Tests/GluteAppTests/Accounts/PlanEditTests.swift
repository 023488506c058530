import Foundation
import GluteApp
import GluteCore
import GluteJSON
import GluteSQLite
import GluteSecurity
import GluteStore
import Synchronization
import Testing

/// A coach's plan edits: a new version with the reason, checked by the engine against the same
/// gates; never when stopped, never load before medical clearance or on gated items.
@Suite struct PlanEditTests {
    /// A coach and a linked client assessed with `assessment`, Monday 08:00.
    static func setUp(_ assessment: String = SampleAssessment.text()) async throws -> (
        AccountsFixture, AccountView, AccountView
    ) {
        let fixture = try AccountsFixture()
        let coach = try await fixture.coach("coach@example.com")
        let client = try await fixture.client("ana@example.com").account
        try await fixture.link(client, to: coach)
        _ = try await fixture.app.assess(client.person, inputText: assessment)
        return (fixture, coach, client)
    }

    /// The client's plan in force, decoded.
    static func plan(_ fixture: AccountsFixture, _ person: Person.ID) async throws -> Plan {
        let view = try await fixture.app.plan(person)
        return try #require(view.version.plan)
    }

    /// The Monday strength session's item at `index` (0 band pull-through, 1 split squat, 2 b-stance RDL, ...).
    static func strength(_ plan: inout Plan, _ index: Int, _ change: (inout PlanItem) -> Void) {
        change(&plan.week[0].sessions[1].items[index])
    }

    @Test func aCoachSwapsAnExerciseChangesADoseAndTheIntervalAndTheClientKeepsProgress() async throws {
        let (fixture, coach, client) = try await Self.setUp()
        fixture.clock.advance(seconds: 4 * 3600)
        let logged = try await fixture.app.logSet(
            client.person,
            SampleSets.sets("glute-bridge", side: nil, at: fixture.clock.now, reps: [12, 12], session: .activation))
        #expect(logged.decision?.next?.target == 13)
        var plan = try await Self.plan(fixture, client.person)
        Self.strength(&plan, 1) { item in item.exercise = "reverse-lunge" }
        Self.strength(&plan, 3) { item in
            item.sets = 3
            item.reps = 14
            item.repRange = 12...16
        }
        plan.wakeUpCalls.everyMinutes = 45
        let view = try await fixture.app.editClientPlan(
            coach.id, client: client.person, plan: plan.jsonValue, reason: "knee prefers lunges stepping back")
        #expect(view.version.version == 2 && view.version.reason == "coach edit: knee prefers lunges stepping back")
        let edited = try #require(view.version.plan)
        #expect(edited.week[0].sessions[1].items[1].exercise == "reverse-lunge")
        #expect(edited.week[0].sessions[1].items[1].why.first == CoachPlanEdit.code)
        #expect(edited.week[0].sessions[1].items[0].why.first != CoachPlanEdit.code)
        #expect(edited.week[0].sessions[1].items[3].sets == 3)
        #expect(edited.wakeUpCalls.everyMinutes == 45)
        let before = try await fixture.app.planHistory(client.person)[0].plan
        #expect(edited.gates == before?.gates && edited.reassessOn == before?.reassessOn)
        #expect(edited.notes.last == "Changed by your coach: knee prefers lunges stepping back")
        let states = try await fixture.store.read { tx in try tx.latestItemStates(for: client.person) }
        // The bridge keeps what Ana achieved; the changed dose starts from the coach's numbers.
        #expect(states[ItemKey(kind: .activation, exercise: "glute-bridge", side: nil)]?.current.target == 13)
        let walk = states[ItemKey(kind: .strength, exercise: "monster-walk", side: nil)]
        #expect(walk?.current.sets == 3 && walk?.current.target == 14 && walk?.current.range == 12...16)
        #expect(try await fixture.app.today(client.person).version.version == 2)
        await fixture.remove()
    }

    @Test func anEditNeverLiftsAStop() async throws {
        let (fixture, coach, client) = try await Self.setUp()
        let plan = try await Self.plan(fixture, client.person)
        fixture.clock.advance(seconds: 3600)
        let stop = try await fixture.app.logSet(
            client.person, SampleSets.sets("glute-bridge", side: nil, at: fixture.clock.now, reps: [10], pain: 8))
        guard case .stopped = stop.safety else {
            Issue.record("pain of 8 did not stop the plan")
            return
        }
        let refused = await #expect(throws: AppError.self) {
            _ = try await fixture.app.editClientPlan(
                coach.id, client: client.person, plan: plan.jsonValue, reason: "resume")
        }
        #expect(refused?.code == .precondition)
        #expect(try await fixture.app.plan(client.person).version.plan == nil)
        #expect(try await fixture.app.planHistory(client.person).count == 2)
        await fixture.remove()
    }

    @Test func noLoadBeforeMedicalClearanceAndAfterItLoadIsAccepted() async throws {
        let (fixture, coach, client) = try await Self.setUp(SampleAssessment.text(parq: true))
        var plan = try await Self.plan(fixture, client.person)
        #expect(plan.gates.contains { $0.code == "medical-clearance" })
        #expect(plan.week[0].sessions[1].items[1].load == nil)
        Self.strength(&plan, 1) { item in
            item.load = Load(6, .kg)
            item.implement = .dumbbells
        }
        let refused = await #expect(throws: AppError.self) {
            _ = try await fixture.app.editClientPlan(
                coach.id, client: client.person, plan: plan.jsonValue, reason: "add dumbbells")
        }
        #expect(refused?.code == .invalidInput)
        #expect(refused?.field == "plan.week[0].sessions[1].items[1].load")
        #expect(refused?.message.contains("medical clearance") == true)
        #expect(try await fixture.app.planHistory(client.person).count == 1)
        // Cleared by a clinician (a new assessment says so), the same edit is accepted.
        _ = try await fixture.app.assess(client.person, inputText: SampleAssessment.text(parq: true, cleared: true))
        var cleared = try await Self.plan(fixture, client.person)
        Self.strength(&cleared, 1) { item in
            item.load = Load(6, .kg)
            item.implement = .dumbbells
        }
        let view = try await fixture.app.editClientPlan(
            coach.id, client: client.person, plan: cleared.jsonValue, reason: "add dumbbells")
        #expect(view.version.plan?.week[0].sessions[1].items[1].load == Load(6, .kg))
        await fixture.remove()
    }

    /// An edit the gates forbid.
    enum ForbiddenEdit: String, CaseIterable, Sendable {
        // A closed gate holds its items unloaded: the bridge is not felt in the glutes yet.
        case loadOnAHipThrust, loadOnAHinge, outsideTheCatalogue, missingEquipment, strongerSideFirst, twentySets
        case loadOnBodyweightWork

        /// The strength item it changes, and the words the refusal must hold.
        var target: (index: Int, message: String) {
            switch self {
            case .loadOnAHipThrust: (4, "no load on hip-thrust: the no-loaded-hinge gate")
            case .loadOnAHinge: (2, "no-loaded-hinge")
            case .outsideTheCatalogue: (0, "is not in the catalogue")
            case .missingEquipment: (0, "needs equipment")
            case .strongerSideFirst: (1, "the left side goes first")
            case .twentySets: (3, "must be 1 to 10")
            case .loadOnBodyweightWork: (3, "takes no external load")
            }
        }

        func apply(_ item: inout PlanItem) {
            switch self {
            case .loadOnAHipThrust:
                item.exercise = "hip-thrust"
                item.load = Load(10, .kg)
            case .loadOnAHinge: item.load = Load(8, .kg)
            case .outsideTheCatalogue: item.exercise = "jumping-jacks"
            case .missingEquipment: item.exercise = "back-squat"
            case .strongerSideFirst: item.side = .rightFirst
            case .twentySets: item.sets = 20
            case .loadOnBodyweightWork: item.load = Load(5, .kg)
            }
        }
    }

    @Test(arguments: ForbiddenEdit.allCases)
    func editsTheGatesForbidAreRefusedNamingTheField(_ edit: ForbiddenEdit) async throws {
        let (fixture, coach, client) = try await Self.setUp()
        var plan = try await Self.plan(fixture, client.person)
        let (index, message) = edit.target
        Self.strength(&plan, index) { edit.apply(&$0) }
        let label = edit.rawValue
        let refused = await #expect(throws: AppError.self) {
            _ = try await fixture.app.editClientPlan(
                coach.id, client: client.person, plan: plan.jsonValue, reason: label)
        }
        #expect(refused?.code == .invalidInput, "\(label)")
        #expect(
            refused?.field?.hasPrefix("plan.week[0].sessions[1].items[\(index)]") == true,
            "\(label): \(String(describing: refused))")
        #expect(refused?.message.contains(message) == true, "\(label): \(refused?.message ?? "")")
        #expect(try await fixture.app.planHistory(client.person).count == 1)
        await fixture.remove()
    }

    @Test func theIntervalStaysWithinItsRangeAndOnlyTheCoachOfTheClientEdits() async throws {
        let (fixture, coach, client) = try await Self.setUp()
        var plan = try await Self.plan(fixture, client.person)
        plan.wakeUpCalls.everyMinutes = 20
        let short = await #expect(throws: AppError.self) {
            _ = try await fixture.app.editClientPlan(
                coach.id, client: client.person, plan: plan.jsonValue, reason: "more")
        }
        #expect(short?.field == "plan.wakeUpCalls.everyMinutes")
        plan.wakeUpCalls.everyMinutes = 60
        let stranger = try await fixture.coach("stranger@example.com")
        let notTheirs = await #expect(throws: AppError.self) {
            _ = try await fixture.app.editClientPlan(
                stranger.id, client: client.person, plan: plan.jsonValue, reason: "x")
        }
        #expect(notTheirs?.code == .notFound)
        let noReason = await #expect(throws: AppError.self) {
            _ = try await fixture.app.editClientPlan(
                coach.id, client: client.person, plan: plan.jsonValue, reason: "  ")
        }
        #expect(noReason?.field == "reason")
        let broken = await #expect(throws: AppError.self) {
            _ = try await fixture.app.editClientPlan(coach.id, client: client.person, plan: .object([:]), reason: "x")
        }
        #expect(broken?.code == .invalidInput && broken?.field?.hasPrefix("plan") == true)
        // Moving Monday's sessions to Saturday is a change of days.
        plan.week[0].day = .sat
        let moved = try await fixture.app.editClientPlan(
            coach.id, client: client.person, plan: plan.jsonValue, reason: "works Mondays now")
        #expect(moved.version.plan?.week.last?.day == .sat && moved.version.plan?.week.first?.day == .tue)
        await fixture.remove()
    }
}

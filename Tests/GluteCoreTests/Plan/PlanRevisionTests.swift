import GluteTestRandom
import Testing

@testable import GluteCore

/// The pain swap: an exercise that hurt leaves every session, replaced by its easier variant or a
/// pain-free exercise of the same pattern, or dropped.
@Suite struct PlanRevisionTests {
    static func item(_ id: String, side: SideOrder = .both, load: Load? = nil) -> PlanItem {
        PlanItem(
            exercise: id, side: side, sets: 3, reps: 8, repRange: 8...12, seconds: nil, load: load,
            implement: load == nil ? nil : .dumbbells, restSeconds: 90, why: ["single-leg-work"], note: nil)
    }

    static func plan(_ days: [(Weekday, Session.Kind, [PlanItem])], gates: [PlanGate] = []) -> Plan {
        Plan(
            startsOn: Fixtures.start,
            wakeUpCalls: WakeUpCalls(
                everyMinutes: 60, start: ClockTime("09:00")!, end: ClockTime("17:00")!, days: [.mon],
                options: [
                    WakeUpOption(
                        exercise: "glute-bridge", reps: 10, seconds: nil, weakerSideExtraSeconds: nil,
                        weakerSide: nil, text: "10 bridges"),
                    WakeUpOption(
                        exercise: "standing-glute-squeeze", reps: nil, seconds: 30, weakerSideExtraSeconds: nil,
                        weakerSide: nil, text: "squeeze"),
                ]),
            week: days.map { day, kind, items in
                PlanDay(day: day, sessions: [Session(kind: kind, minutes: 20, focus: "test", items: items)])
            },
            gates: gates, reassessOn: Fixtures.start.adding(days: 28), ergonomics: [], notes: [])
    }

    static func swap(
        _ plan: Plan, _ id: String, pain: Int = 5, equipment: [Equipment] = [], painful: Set<String> = []
    ) throws -> PlanRevision? {
        PlanRevision.painSwap(
            in: plan, exercise: id, pain: pain, equipment: equipment, knowledge: try Fixtures.knowledge(),
            painful: painful)
    }

    @Test func theEasierVariantTakesThePlaceInEverySession() throws {
        let plan = Self.plan([
            (.mon, .strength, [Self.item("glute-bridge-march"), Self.item("split-squat", side: .leftFirst)]),
            (.thu, .strength, [Self.item("glute-bridge-march")]),
        ])
        let revision = try #require(try Self.swap(plan, "glute-bridge-march"))
        let items = revision.plan.sessions.flatMap(\.session.items)
        #expect(!items.contains { $0.exercise == "glute-bridge-march" })
        #expect(revision.swaps.map(\.replacement) == ["glute-bridge", "glute-bridge"])
        let swapped = try #require(items.first { $0.exercise == "glute-bridge" })
        #expect(swapped.why.first == "pain-swap")
        #expect(swapped.load == nil && swapped.sets == 3 && swapped.repRange == 15...25)
        #expect(revision.plan.week[0].sessions[0].items.map(\.exercise) == ["glute-bridge", "split-squat"])
        #expect(revision.reason == "glute-bridge-march hurt (pain 5/10): replaced by glute-bridge on mon and thu")
        #expect(revision.plan.notes.last == revision.reason)
    }

    @Test func withoutAFittingEasierVariantAnExerciseOfTheSamePatternTakesItsPlace() throws {
        // The easier variant (glute-bridge) is already in the session, and the banded bridge is
        // its variant: the one bridge left that fits comes in.
        let plan = Self.plan([
            (.mon, .strength, [Self.item("glute-bridge"), Self.item("glute-bridge-march")])
        ])
        let revision = try #require(try Self.swap(plan, "glute-bridge-march", equipment: [.band]))
        #expect(revision.swaps.first?.replacement == "single-leg-glute-bridge")
        #expect(revision.plan.week[0].sessions[0].items.map(\.exercise) == ["glute-bridge", "single-leg-glute-bridge"])
        // A split squat has no easier variant: the easiest other lunge of one side at a time.
        let lunge = Self.plan([(.mon, .strength, [Self.item("split-squat", side: .leftFirst)])])
        #expect(try Self.swap(lunge, "split-squat")?.swaps.first?.replacement == "reverse-lunge")
        #expect(try Self.swap(lunge, "split-squat", equipment: [.box])?.swaps.first?.replacement == "step-up")
    }

    /// A unilateral exercise: the replacement keeps the weaker side first when it is unilateral
    /// too, and works both sides together when it is not.
    @Test(arguments: [(SideOrder.leftFirst, "left"), (.rightFirst, "right")])
    func aUnilateralExerciseKeepsTheWeakerSideFirst(side: SideOrder, name: String) throws {
        let plan = Self.plan([
            (.mon, .strength, [Self.item("split-squat", side: side, load: Load(8, .kg))]),
            (.wed, .activation, [Self.item("single-leg-glute-bridge", side: side)]),
        ])
        let lunge = try #require(try Self.swap(plan, "split-squat"))
        let replaced = try #require(lunge.plan.week[0].sessions[0].items.first)
        #expect(replaced.exercise == "reverse-lunge", "same pattern, same laterality")
        #expect(replaced.side == side && replaced.load == nil && replaced.implement == nil)
        #expect(replaced.repRange == 12...20)
        let bridge = try #require(try Self.swap(plan, "single-leg-glute-bridge"))
        let march = try #require(bridge.plan.week[1].sessions[0].items.first)
        #expect(march.exercise == "glute-bridge-march" && march.side == .both)
        #expect(march.repRange == 8...12, "an activation item keeps its range")
    }

    @Test func aBilateralExerciseReplacedByAUnilateralOneGoesWeakerSideFirst() throws {
        let plan = Self.plan([
            (.mon, .strength, [Self.item("clamshell", side: .rightFirst), Self.item("lateral-band-walk")])
        ])
        // The band walk's easier variant is the standing hip abduction, one side at a time: it
        // starts on the side the plan puts first.
        let revision = try #require(try Self.swap(plan, "lateral-band-walk", equipment: [.band]))
        let item = try #require(revision.plan.week[0].sessions[0].items.last)
        #expect(item.exercise == "standing-hip-abduction" && item.side == .rightFirst)
    }

    @Test func whenNothingFitsTheItemIsDroppedAndAnEmptySessionGoes() throws {
        let plan = Self.plan([
            (.mon, .activation, [Self.item("clamshell", side: .leftFirst), Self.item("glute-bridge")]),
            (.tue, .activation, [Self.item("clamshell", side: .leftFirst)]),
        ])
        // Without a band no other rotation exercise fits.
        let revision = try #require(try Self.swap(plan, "clamshell"))
        #expect(revision.swaps.map(\.replacement) == [nil, nil])
        #expect(revision.plan.week.map(\.day) == [.mon])
        #expect(revision.plan.week[0].sessions[0].items.map(\.exercise) == ["glute-bridge"])
        #expect(revision.reason.contains("dropped on mon and tue"))
        // With a band the banded clamshell fits.
        let banded = try #require(try Self.swap(plan, "clamshell", equipment: [.band]))
        #expect(banded.swaps.map(\.replacement) == ["banded-clamshell", "banded-clamshell"])
    }

    @Test func painfulExercisesAndNeuralProvocationAreNotReplacements() throws {
        let plan = Self.plan([(.mon, .strength, [Self.item("glute-bridge-march")])])
        let revision = try #require(try Self.swap(plan, "glute-bridge-march", painful: ["glute-bridge"]))
        #expect(revision.swaps.first?.replacement == "single-leg-glute-bridge")
        // The hinge drill hurt too: without the neural gate the banded good morning comes in; with
        // it no hinge fits (good mornings and Romanian deadlifts stretch the sciatic nerve).
        let gate = PlanGate(code: "no-neural-provocation", until: "", blocks: "", why: [])
        let sessions: [(Weekday, Session.Kind, [PlanItem])] = [(.mon, .strength, [Self.item("band-pull-through")])]
        let free = try #require(
            try Self.swap(
                Self.plan(sessions), "band-pull-through", equipment: [.band], painful: ["hip-hinge-wall-drill"]))
        #expect(free.swaps.first?.replacement == "banded-good-morning")
        let cautious = try #require(
            try Self.swap(
                Self.plan(sessions, gates: [gate]), "band-pull-through", equipment: [.band],
                painful: ["hip-hinge-wall-drill"]))
        #expect(cautious.swaps.first?.replacement == nil)
    }

    @Test func aWakeUpOptionThatHurtIsLeftOutWhileAnotherRemains() throws {
        let plan = Self.plan([(.mon, .activation, [Self.item("glute-bridge")])])
        let revision = try #require(try Self.swap(plan, "glute-bridge"))
        #expect(revision.plan.wakeUpCalls.options.map(\.exercise) == ["standing-glute-squeeze"])
        #expect(revision.reason.hasSuffix("left out of the wake-up calls"))
    }

    @Test(arguments: [0, 3])
    func painBelowFourChangesNothing(pain: Int) throws {
        let plan = Self.plan([(.mon, .strength, [Self.item("split-squat")])])
        #expect(try Self.swap(plan, "split-squat", pain: pain) == nil)
        #expect(try Self.swap(plan, "split-squat", pain: 4) != nil)
    }

    @Test func anExerciseThatIsNotInThePlanChangesNothing() throws {
        let plan = Self.plan([(.mon, .strength, [Self.item("split-squat")])])
        #expect(try Self.swap(plan, "step-up") == nil)
        #expect(try Self.swap(plan, "no-such-exercise") == nil)
    }

    @Test func theRevisionIsDeterministicOnGeneratedPlans() throws {
        let knowledge = try Fixtures.knowledge()
        var generator = AssessmentGenerator(random: SeededGenerator(seed: 4))
        var revised = 0
        for _ in 0..<200 {
            let assessment = generator.next()
            guard
                let plan = AssessmentEngine.evaluate(assessment, knowledge: knowledge, startingOn: Fixtures.start).plan,
                let id = plan.sessions.flatMap(\.session.items).last?.exercise
            else { continue }
            let first = PlanRevision.painSwap(
                in: plan, exercise: id, pain: 6, equipment: assessment.profile.equipment, knowledge: knowledge)
            let again = PlanRevision.painSwap(
                in: plan, exercise: id, pain: 6, equipment: assessment.profile.equipment, knowledge: knowledge)
            let revision = try #require(first)
            #expect(first == again)
            revised += 1
            let items = revision.plan.sessions.flatMap(\.session.items)
            #expect(!items.contains { $0.exercise == id })
            for item in items where item.why.first == "pain-swap" {
                let exercise = try #require(knowledge.exercise(item.exercise))
                #expect(exercise.isPossible(with: assessment.profile.equipment))
                #expect(item.load == nil)
            }
            for (_, session) in revision.plan.sessions {
                let exercises = session.items.compactMap { knowledge.exercise($0.exercise) }
                #expect(Set(exercises.map(\.id)).count == exercises.count, "an exercise twice in a session")
            }
        }
        #expect(revised > 100)
    }
}

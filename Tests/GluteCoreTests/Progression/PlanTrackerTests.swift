import Testing

@testable import GluteCore

/// The tracker of a generated plan: its keys, its weaker side, its gates, and logs moving its items.
@Suite struct PlanTrackerTests {
    /// A plan for a person with a left-side recruitment deficit who has a kettlebell and a band.
    func deskPlan() throws -> Plan {
        var assessment = Fixtures.healthy()
        assessment.tests.singleLegBridge?.left = BridgeResult(reps: 12, feltIn: .lowerBack, pelvisLevel: true)
        assessment.profile.equipment = [.band, .kettlebell]
        return try #require(
            AssessmentEngine.evaluate(assessment, knowledge: try Fixtures.knowledge(), startingOn: Fixtures.start).plan)
    }

    @Test func theWeakerSideIsReadFromThePlan() throws {
        #expect(PlanTracker(plan: try deskPlan(), knowledge: try Fixtures.knowledge()).weakerSide == .left)
        let even = TrackerFixtures.plan(mwf: [
            TrackerFixtures.session(.strength, [TrackerFixtures.item("split-squat", side: .both)])
        ])
        #expect(PlanTracker(plan: even, knowledge: try Fixtures.knowledge()).weakerSide == nil)
    }

    @Test func everyItemHasAKeyPerSideItTrainsAndEveryKeyAStart() throws {
        let knowledge = try Fixtures.knowledge()
        let plan = try deskPlan()
        let tracker = PlanTracker(plan: plan, knowledge: knowledge)
        #expect(Set(tracker.keys).count == tracker.keys.count, "no key twice")
        for (_, session) in plan.sessions {
            for item in session.items {
                let unilateral = try #require(knowledge.exercise(item.exercise)).isUnilateral
                let sides = tracker.keys.filter { $0.kind == session.kind && $0.exercise == item.exercise }.map(\.side)
                #expect(Set(sides) == (unilateral ? [.left, .right] : [nil]), "\(item.exercise)")
            }
        }
        let states = tracker.initialStates(carryingOver: [:])
        #expect(Set(states.keys) == Set(tracker.keys))
        for key in tracker.keys {
            let state = try #require(states[key])
            #expect(state.key == key)
            #expect(state.current.side == key.side)
            #expect(state.current.exerciseID == key.exercise)
            #expect(state.decision == nil && state.sessions == 0 && state.recent.isEmpty && state.retestDue == nil)
            #expect(tracker.item(key) != nil)
        }
        #expect(tracker.startingState(ItemKey(kind: .strength, exercise: "not-planned", side: nil)) == nil)
    }

    @Test(arguments: Side.allCases)
    func topOfTheRangeOnBothSidesRaisesTheLoadWhenTheWeakerSideLeads(weaker: Side) throws {
        let item = TrackerFixtures.item(
            "split-squat", side: .weakerFirst(weaker), load: Load(8, .kg), implement: .dumbbells)
        let tracker = PlanTracker(
            plan: TrackerFixtures.plan(mwf: [TrackerFixtures.session(.strength, [item])]),
            knowledge: try Fixtures.knowledge())
        var run = TrackerRun(tracker)
        for (day, reps) in [(0, 8), (2, 10), (4, 12)] {
            for side in [weaker, weaker.opposite] {
                let entry = TrackerFixtures.entry("split-squat", side, [reps, reps, reps], load: Load(8, .kg))
                run.log(entry, on: TrackerFixtures.day(day))
            }
        }
        for side in Side.allCases {
            let state = try run.state(ItemKey(kind: .strength, exercise: "split-squat", side: side))
            #expect(state.sessions == 3)
            #expect(state.decision?.action == .increaseLoad, "\(state.decision?.reason.text ?? "")")
            #expect(state.current.load == Load(9, .kg))
            #expect(state.current.target == 8)
        }
    }

    @Test func lowerBackTwiceRegressesThenAsksForTheBridgeRetest() throws {
        let tracker = PlanTracker(
            plan: TrackerFixtures.plan(mwf: [
                TrackerFixtures.session(.activation, [TrackerFixtures.item("glute-bridge", sets: 2, reps: 12)])
            ]),
            knowledge: try Fixtures.knowledge())
        var run = TrackerRun(tracker)
        let key = ItemKey(kind: .activation, exercise: "glute-bridge", side: nil)
        let firstStep = run.log(
            TrackerFixtures.entry("glute-bridge", nil, [12, 12], felt: .lowerBack), on: TrackerFixtures.day(0))
        let first = try #require(firstStep)
        #expect(first.decision.reason.code == .lowerBack)
        #expect(first.decision.addPelvicTiltCue)
        #expect(first.decision.retest == nil)
        #expect(first.state.retestDue == nil)
        let secondStep = run.log(
            TrackerFixtures.entry("glute-bridge", nil, [12, 12], felt: .lowerBack), on: TrackerFixtures.day(2))
        let second = try #require(secondStep)
        #expect(second.decision.action == .retest)
        #expect(second.decision.reason.code == .lowerBackRepeated)
        #expect(second.decision.retest == .singleLegBridge)
        #expect(try run.state(key).retestDue == .singleLegBridge)
    }

    @Test(arguments: [(5, ProgressionDecision.Action.stopAndSwap), (8, .seeClinician)])
    func painStopsTheItemAndLeavesItsPrescription(pain: Int, action: ProgressionDecision.Action) throws {
        let tracker = PlanTracker(
            plan: TrackerFixtures.plan(mwf: [
                TrackerFixtures.session(.activation, [TrackerFixtures.item("glute-bridge", sets: 2, reps: 12)])
            ]),
            knowledge: try Fixtures.knowledge())
        var run = TrackerRun(tracker)
        let key = ItemKey(kind: .activation, exercise: "glute-bridge", side: nil)
        let before = try run.state(key)
        let logged = run.log(
            TrackerFixtures.entry("glute-bridge", nil, [12, 12], pain: pain), on: TrackerFixtures.day(0))
        let step = try #require(logged)
        #expect(step.decision.action == action)
        #expect(step.decision.next == nil)
        #expect(step.state.current == before.current, "the plan swaps the exercise; the state keeps what it was")
        #expect(step.state.sessions == 1)
    }

    @Test func thePlansGatesHoldTheirExercisesAndLeaveTheOthersOpen() throws {
        let plan = try deskPlan()
        let tracker = PlanTracker(plan: plan, knowledge: try Fixtures.knowledge())
        #expect(plan.gates.contains { $0.code == "no-loaded-hinge" })
        #expect(!tracker.openGates.contains(.noLoadedHinge))
        #expect(tracker.openGates.contains(.noLoadSingleLeg))
        #expect(tracker.progressionExercise("romanian-deadlift", implement: .kettlebell).gate == .noLoadedHinge)
        #expect(tracker.progressionExercise("romanian-deadlift", implement: .kettlebell).isLoadable)
        #expect(!tracker.progressionExercise("romanian-deadlift", implement: nil).isLoadable, "no implement, no load")
        #expect(tracker.progressionExercise("split-squat", implement: .kettlebell).gate == nil)

        let wobbly = PlanTracker(
            plan: TrackerFixtures.plan(mwf: [], gates: ["no-load-single-leg"]), knowledge: try Fixtures.knowledge())
        #expect(wobbly.openGates == [.noLoadedHinge, .noBarbellHinge])
        #expect(wobbly.progressionExercise("split-squat", implement: .dumbbells).gate == .noLoadSingleLeg)
        #expect(wobbly.progressionExercise("clamshell", implement: nil).gate == nil, "low balance demand")
        #expect(wobbly.progressionExercise("romanian-deadlift", implement: .dumbbells).gate == nil, "two-legged")
        #expect(wobbly.progressionExercise("split-squat", implement: .dumbbells).increment == .fine)
        #expect(wobbly.progressionExercise("split-squat", implement: .kettlebell).increment == .standard)
    }
}

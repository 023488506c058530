import Testing

@testable import GluteCore

/// A new plan version keeps what continues and starts what is new at its own prescription.
///
/// Each row is an item in the old and the new version and what one side had earned on it; every
/// row runs on both sides, with the other side left at its start, so a carried value can only
/// have come from its own side.
@Suite struct PlanTrackerCarryOverTests {
    struct Row: Sendable, CustomStringConvertible {
        var label: String
        var old: PlanItem
        var new: PlanItem
        /// What the side had reached in the old version.
        var target: Int
        var load: Load?
        var exercise: String? = nil
        /// What it starts the new version with.
        var carried: Bool
        var expectedTarget: Int
        var expectedLoad: Load?
        var expectedExercise: String
        var expectedSets = 3
        var description: String { label }
    }

    static let dumbbells = TrackerFixtures.item("split-squat", load: Load(8, .kg), implement: .dumbbells)
    static let bodyweight = TrackerFixtures.item("split-squat")

    static let rows: [Row] = [
        Row(
            label: "the target moves down into a lower range", old: dumbbells,
            new: TrackerFixtures.item("split-squat", reps: 6, range: 6...10, load: Load(8, .kg), implement: .dumbbells),
            target: 12, load: Load(10, .kg), carried: true, expectedTarget: 10, expectedLoad: Load(10, .kg),
            expectedExercise: "split-squat"),
        Row(
            label: "the target moves up to the bottom of a higher range", old: dumbbells,
            new: TrackerFixtures.item(
                "split-squat", reps: 10, range: 10...15, load: Load(8, .kg), implement: .dumbbells),
            target: 9, load: Load(9, .kg), carried: true, expectedTarget: 10, expectedLoad: Load(9, .kg),
            expectedExercise: "split-squat"),
        Row(
            label: "a target inside the new range stays", old: dumbbells,
            new: TrackerFixtures.item("split-squat", reps: 8, range: 8...15, load: Load(6, .kg), implement: .dumbbells),
            target: 11, load: Load(12, .kg), carried: true, expectedTarget: 11, expectedLoad: Load(12, .kg),
            expectedExercise: "split-squat"),
        Row(
            label: "the new version's sets apply", old: dumbbells,
            new: TrackerFixtures.item("split-squat", sets: 4, load: Load(8, .kg), implement: .dumbbells),
            target: 10, load: Load(9, .kg), carried: true, expectedTarget: 10, expectedLoad: Load(9, .kg),
            expectedExercise: "split-squat", expectedSets: 4),
        Row(
            label: "a harder variant stays", old: bodyweight, new: bodyweight, target: 9, load: nil,
            exercise: "reverse-lunge", carried: true, expectedTarget: 9, expectedLoad: nil,
            expectedExercise: "reverse-lunge"),
        Row(
            label: "an easier variant stays when the new version adds load",
            old: TrackerFixtures.item("step-up", load: Load(8, .kg), implement: .dumbbells),
            new: TrackerFixtures.item("step-up", load: Load(10, .kg), implement: .dumbbells), target: 11, load: nil,
            exercise: "split-squat", carried: true, expectedTarget: 11, expectedLoad: nil,
            expectedExercise: "split-squat"),
        Row(
            label: "a load the new version unlocks starts at its prescription", old: bodyweight, new: dumbbells,
            target: 12, load: nil, carried: false, expectedTarget: 8, expectedLoad: Load(8, .kg),
            expectedExercise: "split-squat"),
        Row(
            label: "a load the new version takes away starts without load", old: dumbbells, new: bodyweight,
            target: 11, load: Load(12, .kg), carried: false, expectedTarget: 8, expectedLoad: nil,
            expectedExercise: "split-squat"),
        Row(
            label: "a variant's load goes when the new version takes load away",
            old: TrackerFixtures.item("step-up", load: Load(8, .kg), implement: .dumbbells),
            new: TrackerFixtures.item("step-up"), target: 9, load: Load(4, .kg), exercise: "split-squat",
            carried: false, expectedTarget: 8, expectedLoad: nil, expectedExercise: "step-up"),
    ]

    @Test(arguments: rows, Side.allCases)
    func aNewVersionKeepsWhatContinues(_ row: Row, side: Side) throws {
        let knowledge = try Fixtures.knowledge()
        let old = PlanTracker(
            plan: TrackerFixtures.plan(mwf: [TrackerFixtures.session(.strength, [row.old])]), knowledge: knowledge)
        let key = ItemKey(kind: .strength, exercise: row.old.exercise, side: side)
        let other = ItemKey(kind: .strength, exercise: row.old.exercise, side: side.opposite)
        var earlier = old.initialStates(carryingOver: [:])
        var earned = try TrackerFixtures.state(old, key, target: row.target, load: row.load, exercise: row.exercise)
        earned.sessions = 7
        earned.recent = [
            SessionLog(
                date: TrackerFixtures.day(0), exerciseID: earned.current.exerciseID, side: side, sets: [row.target],
                feltIn: .glutes)
        ]
        earned.decision = ProgressionDecision(
            current: earned.current, action: .hold, next: earned.current,
            reason: ProgressionReason(.targetNotReached, "Not yet."))
        earlier[key] = earned

        let new = PlanTracker(
            plan: TrackerFixtures.plan(mwf: [TrackerFixtures.session(.strength, [row.new])]), knowledge: knowledge)
        let states = new.initialStates(carryingOver: earlier)
        let state = try #require(states[key])
        #expect(state.key == key)
        #expect(state.current.side == side)
        #expect(state.current.target == row.expectedTarget)
        #expect(state.current.load == row.expectedLoad)
        #expect(state.current.exerciseID == row.expectedExercise)
        #expect(state.current.sets == row.expectedSets)
        #expect(state.current.range == new.startingState(key)?.current.range)
        if row.carried {
            #expect(state.sessions == 7)
            #expect(state.recent == earned.recent)
            #expect(state.decision == earned.decision)
        } else {
            #expect(state == new.startingState(key), "starts exactly at the new prescription")
        }
        // The other side had earned nothing: it never takes this side's values.
        let untouched = try #require(states[other])
        #expect(untouched.sessions == 0)
        #expect(untouched.current.exerciseID == row.new.exercise)
        #expect(untouched.current.side == side.opposite)
    }

    @Test(arguments: Side.allCases)
    func newItemsStartAtTheirPrescriptionAndDroppedOnesAreGone(side: Side) throws {
        let knowledge = try Fixtures.knowledge()
        let old = PlanTracker(
            plan: TrackerFixtures.plan(mwf: [
                TrackerFixtures.session(.activation, [TrackerFixtures.item("clamshell", reps: 12, range: 10...15)]),
                TrackerFixtures.session(.strength, [Self.dumbbells]),
            ]),
            knowledge: knowledge)
        var earlier = old.initialStates(carryingOver: [:])
        let clamshell = ItemKey(kind: .activation, exercise: "clamshell", side: side)
        earlier[clamshell] = try TrackerFixtures.state(old, clamshell, target: 14)
        let new = PlanTracker(
            plan: TrackerFixtures.plan(mwf: [
                TrackerFixtures.session(.strength, [TrackerFixtures.item("clamshell", reps: 10, range: 10...15)]),
                TrackerFixtures.session(.strength, [TrackerFixtures.item("single-leg-glute-bridge")]),
            ]),
            knowledge: knowledge)
        let states = new.initialStates(carryingOver: earlier)
        #expect(Set(states.keys) == Set(new.keys))
        #expect(states[clamshell] == nil, "the activation item is gone")
        let moved = ItemKey(kind: .strength, exercise: "clamshell", side: side)
        #expect(states[moved] == new.startingState(moved), "another kind of session is another item")
        #expect(states[moved]?.current.target == 10)
        let bridge = ItemKey(kind: .strength, exercise: "single-leg-glute-bridge", side: side)
        #expect(states[bridge] == new.startingState(bridge))
        #expect(states[ItemKey(kind: .strength, exercise: "split-squat", side: side)] == nil)
    }

    /// A person who reached the top of a bodyweight hip thrust behind the loaded-hinge gate, and a
    /// new version that opens the gate with 8 kg: the 8 kg is where the loaded work starts, and only
    /// a loaded set can move it on.
    @Test(arguments: [Side?.none, .left, .right])
    func anUnlockedLoadStartsAtItsPrescriptionUntilALoadedSet(side: Side?) throws {
        let knowledge = try Fixtures.knowledge()
        let exercise = side == nil ? "hip-thrust" : "single-leg-hip-thrust"
        let gated = PlanTracker(
            plan: TrackerFixtures.plan(
                mwf: [TrackerFixtures.session(.strength, [TrackerFixtures.item(exercise)])], gates: ["no-loaded-hinge"]),
            knowledge: knowledge)
        var run = TrackerRun(gated)
        for day in [0, 2, 4, 7, 9, 11] {
            run.log(TrackerFixtures.entry(exercise, side, [12, 12, 12]), on: TrackerFixtures.day(day))
        }
        let key = ItemKey(kind: .strength, exercise: exercise, side: side)
        #expect(try run.state(key).current.target == 12)
        #expect(try run.state(key).current.load == nil)
        #expect(try run.state(key).decision?.reason.code == .gateClosed)

        let open = PlanTracker(
            plan: TrackerFixtures.plan(mwf: [
                TrackerFixtures.session(
                    .strength, [TrackerFixtures.item(exercise, load: Load(8, .kg), implement: .dumbbells)])
            ]),
            knowledge: knowledge)
        var unlocked = TrackerRun(open, states: open.initialStates(carryingOver: run.states))
        let start = try unlocked.state(key)
        #expect(start == open.startingState(key))
        #expect(start.current.load == Load(8, .kg))
        #expect(start.current.target == 8)
        #expect(start.recent.isEmpty && start.decision == nil && start.sessions == 0)
        #expect(open.prescription(for: key, states: unlocked.states)?.load == Load(8, .kg))

        // A set at the top without the load is not a loaded rep: the load stays at 8 kg.
        let bodyweight = unlocked.log(TrackerFixtures.entry(exercise, side, [12, 12, 12]), on: TrackerFixtures.day(14))
        #expect(bodyweight?.decision.action == .hold)
        #expect(bodyweight?.decision.loadChange == nil)
        #expect(try unlocked.state(key).current.load == Load(8, .kg))
        // A loaded set at the top moves it on.
        let loaded = unlocked.log(
            TrackerFixtures.entry(exercise, side, [12, 12, 12], load: Load(8, .kg)), on: TrackerFixtures.day(16))
        #expect(loaded?.decision.action == .increaseLoad)
        #expect(try unlocked.state(key).current.load == Load(9, .kg))
    }
}

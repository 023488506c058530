import Testing

@testable import GluteCore

/// Weaker side first: each side has its own state; the stronger side is shown the weaker side's
/// reps at most, and does not move to more load or a harder variant before it.
///
/// Every test runs with the left and with the right side as the weaker one (the plan's
/// `left-first` or `right-first`).
@Suite struct PlanTrackerSideTests {
    /// A tracker whose only item is `item` with the weaker side first.
    static func tracker(_ item: PlanItem, weaker: Side?) throws -> PlanTracker {
        var item = item
        item.side = .weakerFirst(weaker)
        return PlanTracker(
            plan: TrackerFixtures.plan(mwf: [TrackerFixtures.session(.strength, [item])]),
            knowledge: try Fixtures.knowledge())
    }

    static let loaded = TrackerFixtures.item("split-squat", load: Load(8, .kg), implement: .dumbbells)
    static let bodyweight = TrackerFixtures.item("split-squat")

    static func key(_ exercise: String, _ side: Side) -> ItemKey {
        ItemKey(kind: .strength, exercise: exercise, side: side)
    }

    static func key(_ side: Side) -> ItemKey { key("split-squat", side) }

    @Test(arguments: Side.allCases, Side.allCases)
    func aSetForOneSideMovesOnlyThatSide(weaker: Side, logged: Side) throws {
        let tracker = try Self.tracker(Self.loaded, weaker: weaker)
        var run = TrackerRun(tracker)
        let before = run.states
        let step = run.log(
            TrackerFixtures.entry("split-squat", logged, [8, 8, 8], load: Load(8, .kg)), on: TrackerFixtures.day(0))
        #expect(step?.state.key == Self.key(logged))
        #expect(try run.state(Self.key(logged)).sessions == 1)
        #expect(run.states[Self.key(logged.opposite)] == before[Self.key(logged.opposite)])
    }

    /// The shown target of each side for stored targets; the weaker side's is never changed.
    @Test(
        arguments: Side.allCases,
        [
            (weaker: 9, stronger: 11, shown: 9), (weaker: 11, stronger: 9, shown: 9),
            (weaker: 10, stronger: 10, shown: 10), (weaker: 8, stronger: 12, shown: 8),
        ])
    func theStrongerSideIsShownTheWeakerSidesRepsAndNeverMore(
        weaker: Side, targets: (weaker: Int, stronger: Int, shown: Int)
    ) throws {
        let tracker = try Self.tracker(Self.loaded, weaker: weaker)
        var states = tracker.initialStates(carryingOver: [:])
        states[Self.key(weaker)] = try TrackerFixtures.state(
            tracker, Self.key(weaker), target: targets.weaker, load: Load(8, .kg))
        states[Self.key(weaker.opposite)] = try TrackerFixtures.state(
            tracker, Self.key(weaker.opposite), target: targets.stronger, load: Load(8, .kg))
        #expect(tracker.prescription(for: Self.key(weaker.opposite), states: states)?.target == targets.shown)
        #expect(tracker.prescription(for: Self.key(weaker), states: states)?.target == targets.weaker)
    }

    @Test(arguments: Side.allCases)
    func withoutAWeakerSideNeitherSideIsCapped(side: Side) throws {
        let tracker = try Self.tracker(Self.loaded, weaker: nil)
        #expect(tracker.weakerSide == nil)
        var states = tracker.initialStates(carryingOver: [:])
        states[Self.key(side)] = try TrackerFixtures.state(tracker, Self.key(side), target: 9, load: Load(8, .kg))
        states[Self.key(side.opposite)] = try TrackerFixtures.state(
            tracker, Self.key(side.opposite), target: 12, load: Load(8, .kg))
        #expect(tracker.prescription(for: Self.key(side.opposite), states: states)?.target == 12)
    }

    @Test(arguments: Side.allCases)
    func aCappedRepProgressionOfTheStrongerSideHolds(weaker: Side) throws {
        let tracker = try Self.tracker(Self.loaded, weaker: weaker)
        var run = TrackerRun(tracker)
        let monday = TrackerFixtures.day(0)
        let strong = run.log(
            TrackerFixtures.entry("split-squat", weaker.opposite, [11, 11, 11], load: Load(8, .kg)), on: monday)
        #expect(strong?.decision.action == .hold)
        #expect(strong?.decision.reason.code == .matchedToWeakerSide)
        #expect(try run.state(Self.key(weaker.opposite)).current.target == 8)
        // Once the weaker side climbs, the stronger side may follow up to it, not beyond.
        run.log(
            TrackerFixtures.entry("split-squat", weaker, [10, 10, 10], load: Load(8, .kg)), on: TrackerFixtures.day(2))
        #expect(try run.state(Self.key(weaker)).current.target == 11)
        let follow = run.log(
            TrackerFixtures.entry("split-squat", weaker.opposite, [12, 11, 12], load: Load(8, .kg)),
            on: TrackerFixtures.day(2))
        #expect(follow?.decision.action == .progressReps)
        #expect(try run.state(Self.key(weaker.opposite)).current.target == 11)
    }

    @Test(arguments: Side.allCases)
    func theStrongerSideGetsMoreLoadOnlyAfterTheWeakerSide(weaker: Side) throws {
        let tracker = try Self.tracker(Self.loaded, weaker: weaker)
        var states = tracker.initialStates(carryingOver: [:])
        for side in Side.allCases {
            states[Self.key(side)] = try TrackerFixtures.state(tracker, Self.key(side), target: 12, load: Load(8, .kg))
        }
        var run = TrackerRun(tracker, states: states)
        let top = { (side: Side) in TrackerFixtures.entry("split-squat", side, [12, 12, 12], load: Load(8, .kg)) }
        let early = run.log(top(weaker.opposite), on: TrackerFixtures.day(0))
        #expect(early?.decision.action == .hold)
        #expect(early?.decision.reason.code == .matchedToWeakerSide)
        #expect(early?.decision.loadChange == nil)
        #expect(try run.state(Self.key(weaker.opposite)).current.load == Load(8, .kg))

        let lead = run.log(top(weaker), on: TrackerFixtures.day(2))
        #expect(lead?.decision.action == .increaseLoad)
        #expect(try run.state(Self.key(weaker)).current.load == Load(9, .kg))
        let follow = run.log(top(weaker.opposite), on: TrackerFixtures.day(2))
        #expect(follow?.decision.action == .increaseLoad)
        #expect(try run.state(Self.key(weaker.opposite)).current.load == Load(9, .kg))
    }

    /// When the weaker side has moved up a load, the stronger side's reps at its lighter load are
    /// not held to the weaker side's reps at the heavier one: it climbs to the top and follows.
    @Test(arguments: Side.allCases)
    func theStrongerSideCatchesUpWithTheWeakerSidesLoad(weaker: Side) throws {
        let tracker = try Self.tracker(Self.loaded, weaker: weaker)
        var states = tracker.initialStates(carryingOver: [:])
        states[Self.key(weaker)] = try TrackerFixtures.state(tracker, Self.key(weaker), target: 8, load: Load(9, .kg))
        states[Self.key(weaker.opposite)] = try TrackerFixtures.state(
            tracker, Self.key(weaker.opposite), target: 11, load: Load(8, .kg))
        #expect(tracker.prescription(for: Self.key(weaker.opposite), states: states)?.target == 11)
        var run = TrackerRun(tracker, states: states)
        let step = run.log(
            TrackerFixtures.entry("split-squat", weaker.opposite, [12, 12, 12], load: Load(8, .kg)),
            on: TrackerFixtures.day(0))
        #expect(step?.decision.action == .increaseLoad)
        #expect(try run.state(Self.key(weaker.opposite)).current.load == Load(9, .kg))
        // ... but never past it.
        let past = run.log(
            TrackerFixtures.entry("split-squat", weaker.opposite, [12, 12, 12], load: Load(9, .kg)),
            on: TrackerFixtures.day(2))
        #expect(past?.decision.action == .hold)
        #expect(try run.state(Self.key(weaker.opposite)).current.load == Load(9, .kg))
    }

    @Test(arguments: Side.allCases)
    func theStrongerSideMovesToTheHarderVariantOnlyAfterTheWeakerSide(weaker: Side) throws {
        let tracker = try Self.tracker(Self.bodyweight, weaker: weaker)
        var states = tracker.initialStates(carryingOver: [:])
        for side in Side.allCases {
            states[Self.key(side)] = try TrackerFixtures.state(tracker, Self.key(side), target: 12)
        }
        var run = TrackerRun(tracker, states: states)
        let top = { (side: Side) in TrackerFixtures.entry("split-squat", side, [12, 12, 12]) }
        let early = run.log(top(weaker.opposite), on: TrackerFixtures.day(0))
        #expect(early?.decision.action == .hold)
        #expect(try run.state(Self.key(weaker.opposite)).current.exerciseID == "split-squat")
        let lead = run.log(top(weaker), on: TrackerFixtures.day(2))
        #expect(lead?.decision.action == .moveToHarder)
        #expect(try run.state(Self.key(weaker)).current.exerciseID == "reverse-lunge")
        let follow = run.log(top(weaker.opposite), on: TrackerFixtures.day(2))
        #expect(follow?.decision.action == .moveToHarder)
        #expect(try run.state(Self.key(weaker.opposite)).current.exerciseID == "reverse-lunge")
    }

    /// The weaker side regressed to the easier variant: the stronger side, still on the planned
    /// exercise, neither moves to the harder variant nor adds load until the weaker side is back.
    @Test(arguments: Side.allCases, [Load?.none, Load(8, .kg)])
    func theStrongerSideWaitsWhileTheWeakerSideIsOnTheEasierVariant(weaker: Side, load: Load?) throws {
        let item = TrackerFixtures.item("step-up", load: load, implement: load == nil ? nil : .dumbbells)
        let tracker = try Self.tracker(item, weaker: weaker)
        var states = tracker.initialStates(carryingOver: [:])
        states[Self.key("step-up", weaker)] = try TrackerFixtures.state(
            tracker, Self.key("step-up", weaker), target: 10, exercise: "split-squat")
        states[Self.key("step-up", weaker.opposite)] = try TrackerFixtures.state(
            tracker, Self.key("step-up", weaker.opposite), target: 12, load: load)
        var run = TrackerRun(tracker, states: states)
        let step = run.log(
            TrackerFixtures.entry("step-up", weaker.opposite, [12, 12, 12], load: load), on: TrackerFixtures.day(0))
        #expect(step?.decision.action == .hold, "\(step?.decision.reason.text ?? "")")
        #expect(step?.decision.reason.code == .matchedToWeakerSide)
        let stronger = try run.state(Self.key("step-up", weaker.opposite))
        #expect(stronger.current.exerciseID == "step-up")
        #expect(stronger.current.load == load)
    }

    @Test(arguments: Side.allCases)
    func theStrongerSideStillRegressesOnItsOwn(weaker: Side) throws {
        let tracker = try Self.tracker(Self.loaded, weaker: weaker)
        var run = TrackerRun(tracker)
        for day in [0, 2] {
            run.log(
                TrackerFixtures.entry("split-squat", weaker.opposite, [8, 8, 8], load: Load(8, .kg), balance: .lost),
                on: TrackerFixtures.day(day))
        }
        let stronger = try run.state(Self.key(weaker.opposite))
        #expect(stronger.decision?.action == .regressLoad)
        #expect(stronger.current.load == Load(7, .kg))
        #expect(try run.state(Self.key(weaker)).current.load == Load(8, .kg))
    }
}

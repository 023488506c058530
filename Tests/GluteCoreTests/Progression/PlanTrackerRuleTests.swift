import Testing

@testable import GluteCore

/// The rules as a kept state sees them, log by log: the retest windows, the closed gate, a wobble.
///
/// Every row runs on both sides of a split squat (no weaker side, so the sides do not wait for
/// each other); the other side is logged with clean sessions in between and must not be touched.
@Suite struct PlanTrackerRuleTests {
    /// One session of a row: where it was felt and how balance held, at the shown target.
    struct Log: Sendable {
        var felt: FeltIn = .glutes
        var balance: Balance = .steady
    }

    struct WindowRow: Sendable, CustomStringConvertible {
        var label: String
        var sessions: [Log]
        /// The retest due after each session.
        var due: [RetestKind?]
        var description: String { label }
    }

    static let windowRows: [WindowRow] = [
        WindowRow(
            label: "felt elsewhere three sessions running",
            sessions: [.init(felt: .hamstrings), .init(felt: .quads), .init(felt: .nowhere)],
            due: [nil, nil, .singleLegBridge]),
        WindowRow(
            label: "felt elsewhere twice, then in the glutes",
            sessions: [.init(felt: .hamstrings), .init(felt: .quads), .init()],
            due: [nil, nil, nil]),
        WindowRow(
            label: "a glutes session breaks the run",
            sessions: [
                .init(felt: .hamstrings), .init(felt: .quads), .init(), .init(felt: .nowhere), .init(felt: .quads),
            ],
            due: [nil, nil, nil, nil, nil]),
        WindowRow(
            label: "balance lost in two of the last three",
            sessions: [.init(balance: .lost), .init(), .init(balance: .lost)], due: [nil, nil, .singleLegDeadlift]),
        WindowRow(
            label: "balance lost twice in a row", sessions: [.init(balance: .lost), .init(balance: .lost)],
            due: [nil, .singleLegDeadlift]),
        WindowRow(
            label: "balance lost with two sessions between",
            sessions: [.init(balance: .lost), .init(), .init(), .init(balance: .lost)], due: [nil, nil, nil, nil]),
        WindowRow(
            label: "a wobble is not a loss",
            sessions: [.init(balance: .wobble), .init(balance: .lost), .init(balance: .wobble)],
            due: [nil, nil, nil]),
        WindowRow(
            label: "the lower back twice", sessions: [.init(felt: .lowerBack), .init(felt: .lowerBack)],
            due: [nil, .singleLegBridge]),
        WindowRow(
            label: "the lower back twice with a good session between",
            sessions: [.init(felt: .lowerBack), .init(), .init(felt: .lowerBack)], due: [nil, nil, .singleLegBridge]),
        WindowRow(
            label: "a request stays due until the retest",
            sessions: [.init(felt: .lowerBack), .init(felt: .lowerBack), .init(), .init()],
            due: [nil, .singleLegBridge, .singleLegBridge, .singleLegBridge]),
    ]

    static func tracker(
        _ item: PlanItem = TrackerFixtures.item("split-squat", load: Load(8, .kg), implement: .dumbbells),
        gates: [String] = []
    )
        throws -> PlanTracker
    {
        PlanTracker(
            plan: TrackerFixtures.plan(mwf: [TrackerFixtures.session(.strength, [item])], gates: gates),
            knowledge: try Fixtures.knowledge())
    }

    static func key(_ side: Side) -> ItemKey { ItemKey(kind: .strength, exercise: "split-squat", side: side) }

    /// Logs `sessions` on `side` (the other side gets a clean session each day) and returns the states after each.
    static func fold(_ sessions: [Log], side: Side, into run: inout TrackerRun) -> [ItemState?] {
        var after: [ItemState?] = []
        for (index, session) in sessions.enumerated() {
            let date = TrackerFixtures.day(index * 2)
            let shown = run.tracker.prescription(for: key(side), states: run.states)
            let reps = Array(repeating: shown?.target ?? 8, count: shown?.sets ?? 3)
            run.log(
                TrackerFixtures.entry(
                    "split-squat", side, reps, load: shown?.load, felt: session.felt, balance: session.balance),
                on: date)
            after.append(run.states[key(side)])
            run.log(TrackerFixtures.entry("split-squat", side.opposite, [8, 8, 8], load: Load(8, .kg)), on: date)
        }
        return after
    }

    @Test(arguments: windowRows, Side.allCases)
    func repeatedProblemsAskForTheirRetest(_ row: WindowRow, side: Side) throws {
        var run = TrackerRun(try Self.tracker())
        let after = Self.fold(row.sessions, side: side, into: &run)
        #expect(after.map { $0?.retestDue } == row.due)
        #expect(after.map { $0?.sessions } == Array(1...row.sessions.count))
        let other = try run.state(Self.key(side.opposite))
        #expect(other.retestDue == nil)
        #expect(other.recent.allSatisfy { $0.side == side.opposite && $0.feltIn == .glutes })
        #expect(try run.state(Self.key(side)).recent.allSatisfy { $0.side == side })
    }

    @Test(arguments: RetestKind.allCases, Side.allCases)
    func theRetestAskedForAnswersTheRequestAndRestartsTheWindow(answer: RetestKind, side: Side) throws {
        var run = TrackerRun(try Self.tracker())
        let elsewhere = [Log(felt: .hamstrings), .init(felt: .quads), .init(felt: .nowhere)]
        _ = Self.fold(elsewhere, side: side, into: &run)
        let asked = try run.state(Self.key(side))
        #expect(asked.retestDue == .singleLegBridge)
        let answered = asked.answering(answer)
        guard answer == .singleLegBridge else {
            #expect(answered == asked, "another test leaves the request")
            return
        }
        #expect(answered.retestDue == nil)
        #expect(answered.recent.isEmpty, "problems before the retest no longer count")
        #expect(answered.current == asked.current)
        #expect(answered.sessions == asked.sessions)
        #expect(answered.answering(.singleLegBridge).recent.isEmpty, "answering twice changes nothing more")
        // After the retest it takes three sessions running again.
        run.states[Self.key(side)] = answered
        let again = Self.fold(elsewhere, side: side, into: &run)
        #expect(again.map { $0?.retestDue } == [nil, nil, .singleLegBridge])
    }

    @Test(arguments: Side.allCases)
    func aStateWithNothingAskedIgnoresRetests(side: Side) throws {
        let tracker = try Self.tracker()
        var run = TrackerRun(tracker)
        _ = Self.fold([.init(), .init(felt: .hamstrings)], side: side, into: &run)
        let state = try run.state(Self.key(side))
        for kind in RetestKind.allCases { #expect(state.answering(kind) == state) }
    }

    @Test(arguments: Side.allCases)
    func aClosedGateHoldsTheLoadWhileRepsClimbToTheTop(side: Side) throws {
        var run = TrackerRun(try Self.tracker(gates: ["no-load-single-leg"]))
        let after = Self.fold(Array(repeating: Log(), count: 7), side: side, into: &run)
        #expect(after.map { $0?.current.target } == [9, 10, 11, 12, 12, 12, 12])
        #expect(after.map { $0?.current.load } == Array(repeating: Load(8, .kg), count: 7))
        #expect(
            after.map { $0?.decision?.reason.code } == [
                .progressReps, .progressReps, .progressReps, .progressReps, .gateClosed, .gateClosed, .gateClosed,
            ])
        // A set straight at the top climbs the target to the top too, and the load still waits.
        var jump = TrackerRun(try Self.tracker(gates: ["no-load-single-leg"]))
        let step = jump.log(
            TrackerFixtures.entry("split-squat", side, [12, 12, 12], load: Load(8, .kg)), on: TrackerFixtures.day(0))
        #expect(step?.decision.reason.code == .gateClosed)
        #expect(step?.state.current.target == 12)
        #expect(step?.state.current.load == Load(8, .kg))
        // A version without the gate carries the state over, and the next top set raises the load.
        let open = try Self.tracker()
        var unlocked = TrackerRun(open, states: open.initialStates(carryingOver: run.states))
        let up = unlocked.log(
            TrackerFixtures.entry("split-squat", side, [12, 12, 12], load: Load(8, .kg)), on: TrackerFixtures.day(14))
        #expect(up?.decision.action == .increaseLoad)
        #expect(try unlocked.state(Self.key(side)).current.load == Load(9, .kg))
    }

    @Test(arguments: Side.allCases)
    func aClosedGateHoldsTheHarderVariantToo(side: Side) throws {
        var run = TrackerRun(try Self.tracker(TrackerFixtures.item("split-squat"), gates: ["no-load-single-leg"]))
        let step = run.log(TrackerFixtures.entry("split-squat", side, [12, 12, 12]), on: TrackerFixtures.day(0))
        #expect(step?.decision.reason.code == .gateClosed)
        #expect(try run.state(Self.key(side)).current.exerciseID == "split-squat")
    }

    @Test(arguments: Side.allCases, [8, 10, 12])
    func aWobbleHoldsRepsAndLoad(side: Side, target: Int) throws {
        let tracker = try Self.tracker()
        var states = tracker.initialStates(carryingOver: [:])
        states[Self.key(side)] = try TrackerFixtures.state(tracker, Self.key(side), target: target, load: Load(8, .kg))
        var run = TrackerRun(tracker, states: states)
        let step = run.log(
            TrackerFixtures.entry("split-squat", side, [12, 12, 12], load: Load(8, .kg), balance: .wobble),
            on: TrackerFixtures.day(0))
        #expect(step?.decision.action == .hold)
        #expect(step?.decision.reason.code == .balanceWobble)
        #expect(step?.state.current.target == target)
        #expect(step?.state.current.load == Load(8, .kg))
        #expect(step?.state.retestDue == nil)
    }

    @Test(arguments: Side.allCases)
    func steadySessionsProgressRepsThenLoad(side: Side) throws {
        var run = TrackerRun(try Self.tracker())
        let after = Self.fold(Array(repeating: Log(), count: 6), side: side, into: &run)
        #expect(after.map { $0?.current.target } == [9, 10, 11, 12, 8, 9])
        #expect(after.map { $0?.current.load?.value } == [8, 8, 8, 8, 9, 9])
        #expect(after[4]?.decision?.action == .increaseLoad)
        #expect(after[4]?.decision?.loadChange?.from == Load(8, .kg))
        #expect(after[4]?.decision?.loadChange?.to == Load(9, .kg))
    }
}

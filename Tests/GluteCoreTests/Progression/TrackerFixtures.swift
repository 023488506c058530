import Testing

@testable import GluteCore

/// Hand-built plans, sets and a small driver for the ``PlanTracker`` tests.
///
/// Every date is fixed (the week of Monday 2026-11-02) and every timestamp is derived from it,
/// so nothing depends on the clock, the machine's time zone or the order tests run in.
enum TrackerFixtures {
    /// Monday 2026-11-02.
    static let monday = CivilDate(daysSinceEpoch: 20_759)

    /// The day `offset` days after ``monday``.
    static func day(_ offset: Int) -> CivilDate { monday.adding(days: offset) }

    static func knowledge() throws -> KnowledgeBase { try KnowledgeBase.bundled() }

    /// A plan item; reps items default to 3 x 8 in 8...12.
    static func item(
        _ exercise: String, side: SideOrder = .both, sets: Int = 3, reps: Int? = 8,
        range: ClosedRange<Int>? = 8...12, seconds: Int? = nil, load: Load? = nil, implement: Equipment? = nil
    ) -> PlanItem {
        PlanItem(
            exercise: exercise, side: side, sets: sets, reps: reps, repRange: reps == nil ? nil : range,
            seconds: seconds, load: load, implement: implement, restSeconds: 60, why: ["test"], note: nil)
    }

    /// A hold item: `sets` x `seconds`, no reps.
    static func hold(_ exercise: String, side: SideOrder = .both, sets: Int = 2, seconds: Int = 30) -> PlanItem {
        item(exercise, side: side, sets: sets, reps: nil, seconds: seconds)
    }

    static func session(_ kind: Session.Kind, _ items: [PlanItem]) -> Session {
        Session(kind: kind, minutes: 10, focus: "test", items: items)
    }

    /// A plan with `days` (weekday and its sessions, activation first) and the given gate codes.
    static func plan(_ days: [(Weekday, [Session])], gates: [String] = []) -> Plan {
        Plan(
            startsOn: monday,
            wakeUpCalls: WakeUpCalls(
                everyMinutes: 60, start: ClockTime(minutes: 9 * 60) ?? .midnight,
                end: ClockTime(minutes: 17 * 60) ?? .endOfDay, days: [.mon, .tue, .wed, .thu, .fri]),
            week: days.sorted { $0.0 < $1.0 }.map { PlanDay(day: $0.0, sessions: $0.1) },
            gates: gates.map { PlanGate(code: $0, until: "a retest", blocks: "load", why: ["test"]) },
            reassessOn: monday.adding(days: 28), ergonomics: [], notes: [])
    }

    /// The same sessions on Monday, Wednesday and Friday.
    static func plan(mwf sessions: [Session], gates: [String] = []) -> Plan {
        plan([(.mon, sessions), (.wed, sessions), (.fri, sessions)], gates: gates)
    }

    /// A logged set of reps (or of a hold, with `seconds` and no reps: two sets unless `sets` says).
    static func entry(
        _ exercise: String, _ side: Side?, _ reps: [Int], load: Load? = nil, seconds: Int? = nil, sets: Int? = nil,
        felt: FeltIn = .glutes, balance: Balance = .steady, pain: Int = 0, session: Session.Kind? = nil,
        on date: CivilDate = monday
    ) -> SetEntry {
        SetEntry(
            exerciseID: exercise, side: side, setCount: sets ?? (reps.isEmpty ? 2 : reps.count), reps: reps, load: load,
            durationSeconds: seconds, felt: felt, balance: balance, pain: pain,
            performedAt: Timestamp(date: date, hour: 12), session: session)
    }

    /// A state at `target` (and `load`, on `exercise`) for the item behind `key`.
    static func state(
        _ tracker: PlanTracker, _ key: ItemKey, target: Int, load: Load? = nil, exercise: String? = nil
    ) throws -> ItemState {
        var state = try #require(tracker.startingState(key))
        state.current.target = target
        state.current.load = load
        if let exercise { state.current.exerciseID = exercise }
        return state
    }
}

/// Folds logs into a tracker's states the way the app does: one day's items remember what was
/// already logged that day.
struct TrackerRun {
    let tracker: PlanTracker
    var states: [ItemKey: ItemState]
    private var logged: [CivilDate: Set<ItemKey>] = [:]

    init(_ tracker: PlanTracker, states: [ItemKey: ItemState]? = nil) {
        self.tracker = tracker
        self.states = states ?? tracker.initialStates(carryingOver: [:])
    }

    /// Logs `entry` on `date`: the step it made, or `nil` when it counted for no item or was not judged.
    @discardableResult
    mutating func log(_ entry: SetEntry, on date: CivilDate) -> PlanTracker.Step? {
        guard
            let key = tracker.key(for: entry, on: date, alreadyLogged: logged[date] ?? [], states: states),
            let state = states[key]
        else { return nil }
        logged[date, default: []].insert(key)
        guard let step = tracker.apply(entry, on: date, to: state, states: states) else { return nil }
        states[key] = step.state
        return step
    }

    /// The state of `key`, failing the test when there is none.
    func state(_ key: ItemKey, sourceLocation: SourceLocation = #_sourceLocation) throws -> ItemState {
        try #require(states[key], sourceLocation: sourceLocation)
    }
}

/// The progression of every item of one plan version: where each starts, which item a log
/// counts for, how a log moves an item on, and what to prescribe.
///
/// Each item has its own state, keyed by session kind, exercise and side (``ItemKey``). The
/// tracker is pure: the caller keeps the states (the store holds them) and hands them back.
///
/// ```swift
/// let tracker = PlanTracker(plan: plan, knowledge: knowledge)
/// var states = tracker.initialStates(carryingOver: [:])
/// if let key = tracker.key(for: entry, on: date, alreadyLogged: [], states: states),
///    let step = tracker.apply(entry, on: date, to: states[key]!, states: states) {
///     states[key] = step.state
/// }
/// ```
public struct PlanTracker: Sendable {
    /// What a log did to its item.
    public struct Step: Sendable, Hashable {
        /// The item's state after the log.
        public var state: ItemState
        /// The decision the log led to.
        public var decision: ProgressionDecision
    }

    /// The plan version tracked.
    public let plan: Plan
    /// The catalogue the plan's exercises come from.
    public let knowledge: KnowledgeBase
    /// Every item key of the plan, in plan order (Monday first, sessions and items in order).
    public let keys: [ItemKey]
    /// The side the plan works first because it lags, if any.
    public let weakerSide: Side?
    private let items: [ItemKey: PlanItem]
    /// The gates this plan leaves open (every standard gate it does not list).
    public let openGates: Set<Gate.Code>
    /// The equipment the plan's items use: what the person is known to have at hand.
    private let equipment: Set<Equipment>

    /// Creates the tracker of `plan`.
    public init(plan: Plan, knowledge: KnowledgeBase) {
        self.plan = plan
        self.knowledge = knowledge
        var keys: [ItemKey] = []
        var items: [ItemKey: PlanItem] = [:]
        var equipment: Set<Equipment> = []
        for (_, session) in plan.sessions {
            for item in session.items {
                equipment.formUnion(knowledge.exercise(item.exercise)?.equipment ?? [])
                if let implement = item.implement { equipment.insert(implement) }
                for side in Self.sides(of: item, knowledge: knowledge) {
                    let key = ItemKey(kind: session.kind, exercise: item.exercise, side: side)
                    if items[key] == nil {
                        keys.append(key)
                        items[key] = item
                    }
                }
            }
        }
        self.keys = keys
        self.items = items
        self.weakerSide = Self.weakerSide(of: plan)
        let closed = Set(plan.gates.map(\.code))
        self.openGates = Set(Gate.standard.map(\.code).filter { !closed.contains($0.rawValue) })
        self.equipment = equipment
    }

    /// The sides an item trains: `[nil]` for two-legged work, else the sides it names.
    public static func sides(of item: PlanItem, knowledge: KnowledgeBase) -> [Side?] {
        guard knowledge.exercise(item.exercise)?.isUnilateral == true else { return [nil] }
        switch item.side {
        case .left: return [.left]
        case .right: return [.right]
        case .rightFirst: return [.right, .left]
        case .leftFirst, .both: return [.left, .right]
        }
    }

    /// The plan item behind `key`.
    public func item(_ key: ItemKey) -> PlanItem? { items[key] }

    /// The plan item behind `key` in the session due on `date`, else in the last session due
    /// before it (a session done a day late), else the first in the week.
    ///
    /// An exercise in two sessions of a kind may have other sets in each (4 sets of hip thrusts
    /// as the main lift on Wednesday, 3 on Monday); its state is one, its sets are the day's.
    public func item(_ key: ItemKey, on date: CivilDate) -> PlanItem? {
        for back in 0...6 {
            if let item = itemDue(key, on: date.adding(days: -back)) { return item }
        }
        return items[key]
    }

    /// The first date from `date` on (within a week) whose sessions hold `key`.
    public func nextDate(of key: ItemKey, from date: CivilDate) -> CivilDate? {
        (0...6).lazy.map { date.adding(days: $0) }.first { itemDue(key, on: $0) != nil }
    }

    /// The item of `key` in a session on `date`'s weekday, if any.
    private func itemDue(_ key: ItemKey, on date: CivilDate) -> PlanItem? {
        let sessions = plan.week.first { $0.day == date.weekday }?.sessions ?? []
        return sessions.lazy.filter { $0.kind == key.kind }.compactMap { session in
            session.items.first { $0.exercise == key.exercise }
        }.first
    }

    /// The side `plan` works first because it lags, if any.
    static func weakerSide(of plan: Plan) -> Side? {
        for (_, session) in plan.sessions {
            for item in session.items {
                if item.side == .leftFirst { return .left }
                if item.side == .rightFirst { return .right }
            }
        }
        return plan.wakeUpCalls.options.compactMap(\.weakerSide).first
    }

    // MARK: Starting and carrying over

    /// The state an item starts from: the plan's own prescription, nothing judged yet.
    ///
    /// It is in the measure a log of the exercise is checked in (``Exercise/logMeasure``): an
    /// item that gives a short hold only its seconds (a 5-second pelvic tilt put in by a pain
    /// swap) is prescribed in reps of that hold, a timed hold given reps in seconds.
    public func startingState(_ key: ItemKey) -> ItemState? {
        guard let item = items[key] else { return nil }
        var start = Self.prescription(item, side: key.side)
        if let logged = knowledge.exercise(item.exercise)?.logMeasure, logged != start.measure {
            let range = logged == .reps ? item.repRange ?? 10...15 : (item.seconds ?? 30)...((item.seconds ?? 30) + 15)
            start = Prescription(
                exerciseID: item.exercise, side: key.side, sets: item.sets, measure: logged, range: range,
                target: (logged == .reps ? item.reps : item.seconds) ?? range.lowerBound, load: item.load)
        }
        return ItemState(key: key, current: start)
    }

    /// The prescription a plan item starts from.
    ///
    /// An item with reps is judged in reps (even when it also has a hold time, like the
    /// pelvic-tilt drill); an item with only a hold time in seconds, unless the hold is one the
    /// catalogue counts in reps (at most ``Exercise/longestCountedHold`` seconds, see
    /// ``Exercise/logMeasure``): such a drill is logged in reps, so it is judged in reps, in
    /// ``countedHoldReps``.
    public static func prescription(_ item: PlanItem, side: Side?) -> Prescription {
        let countedHold = item.reps == nil && (item.seconds ?? .max) <= Exercise.longestCountedHold
        let measure: Prescription.Measure = item.reps != nil || item.seconds == nil || countedHold ? .reps : .seconds
        let range: ClosedRange<Int>
        if measure == .reps {
            range = item.repRange ?? (countedHold ? countedHoldReps : (item.reps ?? 10)...(item.reps ?? 10))
        } else {
            let seconds = item.seconds ?? 30
            range = seconds...(seconds + 15)
        }
        return Prescription(
            exerciseID: item.exercise, side: side, sets: item.sets, measure: measure, range: range,
            target: (measure == .reps ? item.reps : item.seconds) ?? range.lowerBound, load: item.load)
    }

    /// The reps of a short hold the plan gives only its hold time (the activation range).
    public static let countedHoldReps = 10...15

    /// The states of every item when this version starts.
    ///
    /// An item that continues from an earlier version (same key) keeps what the person achieved on
    /// it: the exercise or variant, the target (moved into the new range) and the load, per side,
    /// with the new version's sets. A new item, one counted in another measure, or one whose load
    /// the new version unlocks or takes away, starts at the new version's prescription: sessions
    /// logged before the change are never judged again as if done at the new prescription. A side
    /// that moved to a variant without load keeps it when the new version adds load to the planned
    /// exercise (the load waits for its return).
    ///
    /// - Parameter earlier: the latest known state of each key from earlier versions.
    public func initialStates(carryingOver earlier: [ItemKey: ItemState]) -> [ItemKey: ItemState] {
        var states: [ItemKey: ItemState] = [:]
        for key in keys {
            guard let start = startingState(key) else { continue }
            guard let old = earlier[key], Self.carries(old.current, into: start.current) else {
                states[key] = start
                continue
            }
            var carried = old
            carried.current.sets = start.current.sets
            carried.current.range = start.current.range
            carried.current.target = min(
                max(old.current.target, start.current.range.lowerBound),
                start.current.range.upperBound)
            states[key] = carried
        }
        return states
    }

    /// Whether what a side earned carries into its item's new starting prescription.
    private static func carries(_ old: Prescription, into start: Prescription) -> Bool {
        guard old.measure == start.measure else { return false }
        switch (old.load, start.load) {
        case (.some, nil): return false  // the new version takes the load away
        case (nil, .some): return old.exerciseID != start.exerciseID  // unlocked, unless on a variant
        default: return true
        }
    }

    // MARK: Which item a log is for

    /// The item a logged set counts for, or `nil` when the plan has none for its exercise and side.
    ///
    /// The candidates prescribe the set's exercise (or have moved to it as a variant) on the set's
    /// side. When the set names its kind of session, only that kind counts. Then the session due
    /// that day wins, the first one not yet logged that day (so an exercise in both the
    /// activation and the strength session of one day counts once for each), or the last one due
    /// that day once each has a log; on a day without it, the last session due before.
    ///
    /// - Parameters:
    ///   - entry: the logged set.
    ///   - date: its local date.
    ///   - alreadyLogged: the items that already have a log on `date`.
    ///   - states: the current states (to follow variants).
    public func key(
        for entry: SetEntry, on date: CivilDate, alreadyLogged: Set<ItemKey>, states: [ItemKey: ItemState]
    ) -> ItemKey? {
        let candidates = keys.filter { key in
            key.side == entry.side && (entry.session == nil || key.kind == entry.session)
                && (key.exercise == entry.exerciseID || states[key]?.current.exerciseID == entry.exerciseID)
        }
        guard !candidates.isEmpty else { return nil }
        let due = dueOn(date, candidates)
        if let first = due.first(where: { !alreadyLogged.contains($0) }) ?? due.last { return first }
        for back in 1...6 {
            if let key = dueOn(date.adding(days: -back), candidates).last { return key }
        }
        return candidates.first
    }

    /// The candidates whose session is on `date`'s weekday, in the day's order.
    private func dueOn(_ date: CivilDate, _ candidates: [ItemKey]) -> [ItemKey] {
        let sessions = plan.week.first { $0.day == date.weekday }?.sessions ?? []
        return sessions.flatMap { session in
            candidates.filter { key in
                key.kind == session.kind && session.items.contains { $0.exercise == key.exercise }
            }
        }
    }

    // MARK: Judging a log

    /// The decision a log leads to and the item's next state, or `nil` when the log cannot be
    /// judged against the item (a hold logged in reps or the other way round).
    ///
    /// The log is judged against what was shown on its date: the sets of that day's session
    /// (see ``item(_:on:)``); the stronger side's target capped to the weaker side's, and it
    /// does not move on to more load or a harder variant before the weaker side has.
    public func apply(_ entry: SetEntry, on date: CivilDate, to state: ItemState, states: [ItemKey: ItemState])
        -> Step?
    {
        let shown = prescription(for: state.key, states: states, on: date) ?? state.current
        guard let session = Self.session(entry, measure: shown.measure, date: date) else { return nil }
        let exercise = progressionExercise(shown.exerciseID, implement: items[state.key]?.implement)
        var decision = ProgressionEngine().judge(
            session, recent: state.recent, prescription: shown, exercise: exercise, openGates: openGates)
        if let weaker = weakerState(of: state.key, states) { decision = match(decision, toWeaker: weaker) }
        var next = state
        if let prescription = decision.next { next.current = prescription }
        next.decision = decision
        next.sessions += 1
        next.recent = Array((state.recent + [session]).suffix(ProgressionRules.repeatWindow))
        if let retest = decision.retest { next.retestDue = retest }
        return Step(state: next, decision: decision)
    }

    /// The session the engine judges: reps, or seconds per set for a hold; `nil` when the entry
    /// has no value in that measure.
    public static func session(_ entry: SetEntry, measure: Prescription.Measure, date: CivilDate) -> SessionLog? {
        let sets: [Int]
        switch measure {
        case .reps:
            guard !entry.reps.isEmpty else { return nil }
            sets = entry.reps
        case .seconds:
            guard let seconds = entry.durationSeconds else { return nil }
            sets = Array(repeating: seconds, count: entry.setCount)
        }
        return SessionLog(
            date: date, exerciseID: entry.exerciseID, side: entry.side, sets: sets, load: entry.load,
            feltIn: entry.felt, balance: entry.balance, rpe: entry.rpe.map(Double.init), pain: entry.pain,
            newNumbness: entry.numbness)
    }

    // MARK: What to prescribe

    /// The prescription to show for `key`: its state's, with the stronger side's target capped to
    /// the weaker side's reps (never raised by them).
    ///
    /// The cap applies while both sides do the same exercise in the same measure and the weaker
    /// side carries no more load: once it has moved up a load, the stronger side's reps at the
    /// lighter load do not compare, and it climbs on its own to follow.
    public func prescription(for key: ItemKey, states: [ItemKey: ItemState]) -> Prescription? {
        guard var current = states[key]?.current ?? startingState(key)?.current else { return nil }
        if let weaker = weakerState(of: key, states)?.current, Self.caps(weaker, current),
            weaker.target < current.target
        {
            current.target = max(weaker.target, current.range.lowerBound)
        }
        return current
    }

    /// The prescription to show for `key` in the session due on `date`: as
    /// ``prescription(for:states:)``, with the sets of that day's plan item.
    public func prescription(for key: ItemKey, states: [ItemKey: ItemState], on date: CivilDate) -> Prescription? {
        guard var current = prescription(for: key, states: states) else { return nil }
        if let item = item(key, on: date) { current.sets = max(1, item.sets) }
        return current
    }

    /// The weaker side's state when `key` is the stronger side of a one-legged item.
    private func weakerState(of key: ItemKey, _ states: [ItemKey: ItemState]) -> ItemState? {
        guard let side = key.side, let weaker = weakerSide, side == weaker.opposite else { return nil }
        return states[ItemKey(kind: key.kind, exercise: key.exercise, side: weaker)]
    }

    /// Whether the weaker side's reps cap the stronger side's: the same exercise and measure, and
    /// no more load on the weaker side.
    private static func caps(_ weaker: Prescription, _ stronger: Prescription) -> Bool {
        weaker.exerciseID == stronger.exerciseID && weaker.measure == stronger.measure
            && kilograms(weaker.load) <= kilograms(stronger.load) + loadTolerance
    }

    /// A load in kilograms, 0 for none.
    private static func kilograms(_ load: Load?) -> Double { load?.kilograms ?? 0 }

    /// Loads closer than this (in kilograms) are the same load.
    private static let loadTolerance = 1e-6

    /// Whether `id` is reached from `other` through easier variants: a side on it is behind one on `other`.
    private func isEasier(_ id: String, than other: String) -> Bool {
        var seen: Set<String> = [other]
        var frontier = [other]
        while let current = frontier.popLast() {
            for easier in knowledge.exercise(current)?.easier ?? [] where seen.insert(easier).inserted {
                if easier == id { return true }
                frontier.append(easier)
            }
        }
        return false
    }

    /// The stronger side waits for the weaker: no more reps than it has, no load or variant ahead
    /// of it.
    ///
    /// A weaker side on an easier variant is behind whatever the stronger side does.
    private func match(_ decision: ProgressionDecision, toWeaker weaker: ItemState) -> ProgressionDecision {
        guard let next = decision.next else { return decision }
        var matched = decision
        let mine = decision.current.exerciseID
        let behind = isEasier(weaker.current.exerciseID, than: mine)
        let lighter =
            weaker.current.exerciseID == next.exerciseID
            && Self.kilograms(weaker.current.load) + Self.loadTolerance < Self.kilograms(next.load)
        switch decision.action {
        case .progressReps where Self.caps(weaker.current, next) && next.target > weaker.current.target:
            let capped = max(weaker.current.target, next.range.lowerBound)
            matched.next = next.with(target: capped)
            matched.reason = ProgressionReason(
                capped <= decision.current.target ? .matchedToWeakerSide : decision.reason.code,
                "Every set reached \(decision.current.amount(decision.current.target)): the "
                    + "\(Side.name(of: next.side)) side aims for \(next.amount(capped)), no more than the "
                    + "\(Side.name(of: weaker.key.side)) side, which works first.")
            if capped <= decision.current.target { matched.action = .hold }
        case .increaseLoad where lighter || behind, .moveToHarder where weaker.current.exerciseID == mine || behind:
            matched.action = .hold
            matched.next = decision.current
            matched.loadChange = nil
            matched.reason = ProgressionReason(
                .matchedToWeakerSide,
                "Every set reached the top of the range, but the \(Side.name(of: weaker.key.side)) side works first: "
                    + "the \(Side.name(of: next.side)) side keeps \(decision.current.amount(decision.current.target))"
                    + "\(decision.current.load.map { " with \($0)" } ?? "") until it has caught up.")
        default:
            break
        }
        return matched
    }

    // MARK: The engine's view of an exercise

    /// The engine's view of a catalogue exercise within this plan: load and its step, variants,
    /// and the plan gate that holds its load back.
    ///
    /// The variants are the first easier and harder ones the item can move to: logged in the same
    /// measure, on the same number of legs, with equipment the plan already uses.
    public func progressionExercise(_ id: String, implement: Equipment?) -> ProgressionExercise {
        guard let exercise = knowledge.exercise(id) else {
            return ProgressionExercise(id: id, isLoadable: false, isUnilateral: false)
        }
        let gateCodes = Set(plan.gates.map(\.code))
        var gate: Gate.Code?
        if [.hinge, .thrust, .bridge].contains(exercise.pattern), gateCodes.contains(Gate.Code.noLoadedHinge.rawValue) {
            gate = .noLoadedHinge
        } else if exercise.isUnilateral, exercise.balanceDemand != .low,
            gateCodes.contains(Gate.Code.noLoadSingleLeg.rawValue)
        {
            gate = .noLoadSingleLeg
        }
        let increment: LoadIncrement = implement == .dumbbells ? .fine : exercise.loadable ? .standard : .fine
        return ProgressionExercise(
            id: id, isLoadable: exercise.loadable && implement != nil, increment: increment,
            easier: variant(among: exercise.easier, of: exercise),
            harder: variant(among: exercise.harder, of: exercise),
            isUnilateral: exercise.isUnilateral, gate: gate)
    }

    /// The first of `ids` that can take `exercise`'s place on its item: counted in the same measure
    /// (a log for it is judged), on the same number of legs (its sets have the item's side), and
    /// needing no equipment beyond what the plan uses.
    private func variant(among ids: [String], of exercise: Exercise) -> String? {
        ids.first { id in
            guard let variant = knowledge.exercise(id) else { return false }
            return variant.isUnilateral == exercise.isUnilateral && variant.logMeasure == exercise.logMeasure
                && variant.equipment.allSatisfy(equipment.contains)
        }
    }
}

/// Works out where each exercise of a plan stands now, per side, by replaying the logs through
/// the ``ProgressionEngine`` session by session from the plan's own prescription.
///
/// Nothing but the plan, the logs and the retests is needed: the current prescription is derived,
/// never stored, so it cannot drift from the history it comes from.
///
/// ```swift
/// let tracks = PlanProgression(plan: plan, knowledge: knowledge).tracks(history: logs, retests: retests)
/// tracks.first?.decision?.reason.text
/// ```
public struct PlanProgression: Sendable {
    /// One exercise of the plan on one side (or both sides together for bilateral work).
    public struct Track: Sendable, Hashable {
        /// The exercise id as the plan names it.
        public var planExercise: String
        /// `nil` for bilateral exercises.
        public var side: Side?
        /// The prescription in force now (the exercise may have moved to a variant).
        public var current: Prescription
        /// The decision after the latest logged session, or `nil` before the first one.
        public var decision: ProgressionDecision?
        /// How many sessions were logged.
        public var sessions: Int
    }

    /// The plan being replayed.
    public let plan: Plan
    /// The catalogue the plan's exercises come from.
    public let knowledge: KnowledgeBase
    private let engine = ProgressionEngine()

    /// Creates a replay for `plan`.
    public init(plan: Plan, knowledge: KnowledgeBase) {
        self.plan = plan
        self.knowledge = knowledge
    }

    /// The weaker side the plan works first, if any.
    public var weakerSide: Side? {
        for (_, session) in plan.sessions {
            for item in session.items {
                if item.side == .leftFirst { return .left }
                if item.side == .rightFirst { return .right }
            }
        }
        return plan.wakeUpCalls.options.compactMap(\.weakerSide).first
    }

    /// Every distinct exercise of the plan, with the first item that prescribes it (strength
    /// items win over activation items, since they carry load).
    public var plannedItems: [PlanItem] {
        var seen: [String: PlanItem] = [:]
        var order: [String] = []
        for (_, session) in plan.sessions {
            for item in session.items {
                if seen[item.exercise] == nil { order.append(item.exercise) }
                if seen[item.exercise] == nil || (seen[item.exercise]?.load == nil && item.load != nil) {
                    seen[item.exercise] = item
                }
            }
        }
        return order.compactMap { seen[$0] }
    }

    /// The tracks of every planned exercise, replayed through `history`.
    public func tracks(history: [SessionLog], retests: [RetestResult]) -> [Track] {
        plannedItems.flatMap { item -> [Track] in
            guard let exercise = knowledge.exercise(item.exercise) else { return [] }
            if exercise.isUnilateral {
                return replayPair(item, history: history, retests: retests)
            }
            return [replay(item, side: nil, history: history, retests: retests)]
        }
    }

    /// The engine's view of a catalogue exercise within this plan: load and its step, variants,
    /// and the plan gate that holds its load back.
    public func progressionExercise(_ id: String, implement: Equipment?) -> ProgressionExercise {
        guard let exercise = knowledge.exercise(id) else {
            return ProgressionExercise(id: id, isLoadable: false, isUnilateral: false)
        }
        let gateCodes = Set(plan.gates.map(\.code))
        var gate: Gate.Code?
        if [.hinge, .thrust, .bridge].contains(exercise.pattern), gateCodes.contains(Gate.Code.noLoadedHinge.rawValue) {
            gate = .noLoadedHinge
        } else if exercise.isUnilateral, gateCodes.contains(Gate.Code.noLoadSingleLeg.rawValue) {
            gate = .noLoadSingleLeg
        }
        let increment: LoadIncrement = implement == .dumbbells ? .fine : exercise.loadable ? .standard : .fine
        return ProgressionExercise(
            id: id, isLoadable: exercise.loadable && implement != nil, increment: increment,
            easier: exercise.easier.first, harder: exercise.harder.first, isUnilateral: exercise.isUnilateral,
            gate: gate)
    }

    /// The prescription a plan item starts from.
    public func prescription(_ item: PlanItem, side: Side?) -> Prescription {
        let range = item.repRange ?? item.seconds.map { $0...($0 + 15) } ?? (item.reps ?? 10)...(item.reps ?? 10)
        return Prescription(
            exerciseID: item.exercise, side: side, sets: item.sets, measure: item.seconds == nil ? .reps : .seconds,
            range: range, target: item.reps ?? item.seconds ?? range.lowerBound,
            load: item.load.map { Load($0.value, $0.unit == .kg ? .kg : .lb) })
    }

    private func gatesOpen(on date: CivilDate, _ retests: [RetestResult]) -> (open: Set<Gate.Code>, since: CivilDate?) {
        let upToDate = retests.filter { $0.date <= date }
        let open = GateEvaluator().openGates(from: upToDate)
        return (open, open.isEmpty ? nil : upToDate.map(\.date).max())
    }

    private func replay(_ item: PlanItem, side: Side?, history: [SessionLog], retests: [RetestResult]) -> Track {
        var current = prescription(item, side: side)
        var decision: ProgressionDecision?
        let family = familyIDs(item.exercise)
        let relevant = history.filter { $0.side == side && family.contains($0.exerciseID) }
        let dates = Array(Set(relevant.map(\.date))).sorted()
        for date in dates {
            let gates = gatesOpen(on: date, retests)
            let made = engine.next(
                for: current, exercise: progressionExercise(current.exerciseID, implement: item.implement),
                history: relevant.filter { $0.date <= date }, openGates: gates.open, countingFrom: gates.since)
            decision = made
            if let next = made.next { current = next }
        }
        return Track(
            planExercise: item.exercise, side: side, current: current, decision: decision, sessions: dates.count)
    }

    private func replayPair(_ item: PlanItem, history: [SessionLog], retests: [RetestResult]) -> [Track] {
        var current = PerSide(left: prescription(item, side: .left), right: prescription(item, side: .right))
        var decisions: PerSide<ProgressionDecision>?
        let family = familyIDs(item.exercise)
        let relevant = history.filter { $0.side != nil && family.contains($0.exerciseID) }
        let dates = Array(Set(relevant.map(\.date))).sorted()
        for date in dates {
            let gates = gatesOpen(on: date, retests)
            let made = engine.next(
                for: current,
                exercises: current.map { progressionExercise($0.exerciseID, implement: item.implement) },
                history: relevant.filter { $0.date <= date }, openGates: gates.open, countingFrom: gates.since,
                weakerSide: weakerSide)
            decisions = made
            current = PerSide(left: made.left.next ?? current.left, right: made.right.next ?? current.right)
        }
        return Side.allCases.map { side in
            Track(
                planExercise: item.exercise, side: side, current: current[side], decision: decisions?[side],
                sessions: Set(relevant.filter { $0.side == side }.map(\.date)).count)
        }
    }

    /// The exercise and every variant reachable through easier and harder links, leaving out
    /// exercises the plan prescribes in their own right (their logs belong to their own track).
    private func familyIDs(_ id: String) -> Set<String> {
        let planned = Set(plannedItems.map(\.exercise)).subtracting([id])
        var family: Set<String> = [id]
        var frontier = [id]
        while let next = frontier.popLast() {
            guard let exercise = knowledge.exercise(next) else { continue }
            for link in [exercise.easier.first, exercise.harder.first].compactMap({ $0 })
            where !family.contains(link) && !planned.contains(link) {
                family.insert(link)
                frontier.append(link)
            }
        }
        return family
    }
}

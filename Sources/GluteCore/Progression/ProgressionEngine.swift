/// Decides, per exercise and per side, what the next session looks like.
///
/// The engine is pure: it reads the current prescription, the exercise's description and the
/// logged history, and returns a ``ProgressionDecision`` with the next prescription and its
/// reason. Nothing is stored; the caller keeps the decision's ``ProgressionDecision/next`` as
/// the new current prescription. The same input always gives the same decision.
///
/// The rules, in the order they apply, are listed in `docs/progression.md`; the thresholds are
/// in ``ProgressionRules``.
///
/// ```swift
/// let engine = ProgressionEngine()
/// let decision = engine.next(for: current, exercise: splitSquat, history: logs,
///                            openGates: GateEvaluator().openGates(from: retests))
/// print(decision.action, decision.reason.text)
/// ```
///
/// ## Topics
/// - ``next(for:exercise:history:openGates:countingFrom:)``
/// - ``next(for:exercise:history:openGates:countingFrom:weakerSide:)``
/// - ``next(for:exercises:history:openGates:countingFrom:weakerSide:)``
public struct ProgressionEngine: Sendable {
    /// Creates an engine.
    public init() {}

    /// The decision for one side (or one bilateral exercise) after the latest logged session.
    ///
    /// The session judged is the latest log for the prescription's side whose exercise is the
    /// exercise or one of its variants (``ProgressionExercise/easier``,
    /// ``ProgressionExercise/harder``), so that a problem that comes back after a regression
    /// still counts as "twice". Logs of the same day keep their order in `history`.
    ///
    /// - Parameters:
    ///   - prescription: What the person was doing: the current prescription.
    ///   - exercise: The exercise's load step, variants and gate.
    ///   - history: Logged sessions, in any order; other exercises and sides are ignored.
    ///   - openGates: The gates open now (from ``GateEvaluator/openGates(from:gates:)``); a closed
    ///     ``ProgressionExercise/gate`` holds the exercise at the top of its range.
    ///   - countingFrom: Sessions before this day do not count toward "twice" (pass the date of
    ///     the latest passed retest, so old problems are forgiven).
    /// - Returns: The decision, never `nil`; with no matching log it is ``ProgressionDecision/Action/hold``
    ///   with reason `no-history`.
    public func next(
        for prescription: Prescription,
        exercise: ProgressionExercise,
        history: [SessionLog],
        openGates: Set<Gate.Code> = [],
        countingFrom: CivilDate? = nil
    ) -> ProgressionDecision {
        let family = exercise.family.union([prescription.exerciseID])
        let logs = history.enumerated()
            .filter { $0.element.side == prescription.side && family.contains($0.element.exerciseID) }
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element)
        guard let last = logs.last else {
            return ProgressionDecision(
                current: prescription, action: .hold, next: prescription,
                reason: ProgressionReason(
                    .noHistory,
                    "Nothing logged yet: start with "
                        + "\(prescription.amount(prescription.target))\(prescription.load.map { " with \($0)" } ?? "")."
                ))
        }
        let window = logs.suffix(ProgressionRules.repeatWindow).filter { log in
            countingFrom.map { log.date >= $0 } ?? true
        }
        let judgement = ProgressionJudgement(
            prescription: prescription, exercise: exercise, last: last,
            window: Array(window), openGates: openGates)
        return judgement.decide()
    }

    /// The decisions for both sides of a unilateral exercise, with the weaker side's reps capping
    /// the stronger side's (see ``SideCoupling``).
    ///
    /// - Parameters:
    ///   - prescriptions: The current prescription of each side.
    ///   - exercise: The exercise, the same on both sides.
    ///   - history: Logged sessions of both sides, in any order.
    ///   - openGates: The gates open now.
    ///   - countingFrom: Sessions before this day do not count toward "twice".
    ///   - weakerSide: The weaker side when known (from the assessment's `asymmetry` finding);
    ///     `nil` lets ``SideCoupling`` work it out from the decisions.
    /// - Returns: One decision per side.
    public func next(
        for prescriptions: PerSide<Prescription>,
        exercise: ProgressionExercise,
        history: [SessionLog],
        openGates: Set<Gate.Code> = [],
        countingFrom: CivilDate? = nil,
        weakerSide: Side? = nil
    ) -> PerSide<ProgressionDecision> {
        next(
            for: prescriptions, exercises: PerSide(left: exercise, right: exercise), history: history,
            openGates: openGates, countingFrom: countingFrom, weakerSide: weakerSide)
    }

    /// The decisions for both sides when the sides may be on different variants.
    ///
    /// One side may have regressed to the easier variant, say. Reps are only capped while both sides do the same
    /// exercise; a stop on either side still stops both.
    ///
    /// - Parameters:
    ///   - prescriptions: The current prescription of each side.
    ///   - exercises: The description of each side's current exercise.
    ///   - history: Logged sessions of both sides, in any order.
    ///   - openGates: The gates open now.
    ///   - countingFrom: Sessions before this day do not count toward "twice".
    ///   - weakerSide: The weaker side when known, or `nil` to infer it.
    /// - Returns: One decision per side.
    public func next(
        for prescriptions: PerSide<Prescription>,
        exercises: PerSide<ProgressionExercise>,
        history: [SessionLog],
        openGates: Set<Gate.Code> = [],
        countingFrom: CivilDate? = nil,
        weakerSide: Side? = nil
    ) -> PerSide<ProgressionDecision> {
        let decisions = PerSide(
            left: next(
                for: prescriptions.left, exercise: exercises.left, history: history, openGates: openGates,
                countingFrom: countingFrom),
            right: next(
                for: prescriptions.right, exercise: exercises.right, history: history,
                openGates: openGates, countingFrom: countingFrom))
        return SideCoupling(weakerSide: weakerSide).couple(decisions)
    }
}

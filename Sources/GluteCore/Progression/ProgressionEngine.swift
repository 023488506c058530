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
/// - ``judge(_:recent:prescription:exercise:openGates:)``
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

    /// The decision after `session`, given the sessions judged before it on the same item.
    ///
    /// This is what a kept progression state calls for each new log: `recent` holds the last
    /// sessions of the item (oldest first, at most ``ProgressionRules/repeatWindow`` - 1 of them
    /// count), so nothing older is read again.
    ///
    /// - Parameters:
    ///   - session: The session just logged, in the prescription's measure.
    ///   - recent: The item's earlier judged sessions, oldest first.
    ///   - prescription: What the person was asked to do.
    ///   - exercise: The exercise's load step, variants and gate.
    ///   - openGates: The gates open now; a closed gate holds the load, not the reps.
    /// - Returns: The decision.
    public func judge(
        _ session: SessionLog, recent: [SessionLog], prescription: Prescription, exercise: ProgressionExercise,
        openGates: Set<Gate.Code>
    ) -> ProgressionDecision {
        let window = Array((recent + [session]).suffix(ProgressionRules.repeatWindow))
        return ProgressionJudgement(
            prescription: prescription, exercise: exercise, last: session, window: window, openGates: openGates
        ).decide()
    }
}

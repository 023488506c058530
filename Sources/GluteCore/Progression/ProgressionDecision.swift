/// What the engine decided for one exercise and side after the latest session.
///
/// ```swift
/// let decision = ProgressionEngine().next(for: current, exercise: splitSquat, history: logs)
/// if decision.action == .stopAndSwap { ... }
/// decision.next?.target      // the reps to aim for next time
/// decision.reason.text       // why
/// ```
public struct ProgressionDecision: Sendable, Hashable {
    /// The kind of decision, from most progressive to most protective.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        /// Same load, one more rep (or second) per set.
        case progressReps
        /// More load, target back to the bottom of the range.
        case increaseLoad
        /// The harder variant, at the bottom of the range.
        case moveToHarder
        /// Same exercise, same load, same target.
        case hold
        /// Less load (about 10 %).
        case regressLoad
        /// Same bodyweight exercise, target back to the bottom of the range.
        case regressReps
        /// The easier variant, at the bottom of the range without load.
        case moveToEasier
        /// A retest of the screening tests is due; keep the current prescription until then.
        case retest
        /// Stop this exercise and swap it for a pain-free one (the plan chooses which).
        case stopAndSwap
        /// Stop and see a clinician before training on.
        case seeClinician
    }

    /// The prescription the decision was made for: what the person was doing.
    public var current: Prescription
    /// The exercise this decision is about (the current prescription's).
    public var exerciseID: String { current.exerciseID }
    /// The side, or `nil` for bilateral work.
    public var side: Side? { current.side }
    /// What to do.
    public var action: Action
    /// The prescription for the next session; `nil` for ``Action/stopAndSwap`` and
    /// ``Action/seeClinician``.
    public var next: Prescription?
    /// Why, as a code and a sentence.
    public var reason: ProgressionReason
    /// Whether to show the pelvic-tilt cue ("tuck the pelvis, ribs down, squeeze before lifting").
    public var addPelvicTiltCue: Bool
    /// The self-test to repeat now, when the repeated problem asks for one.
    public var retest: RetestKind?
    /// Whether a retest is asked for.
    public var requestRetest: Bool { retest != nil }
    /// The load change behind ``Action/increaseLoad`` or ``Action/regressLoad``.
    public var loadChange: LoadAdjustment?

    /// Creates a decision.
    ///
    /// - Parameters:
    ///   - current: The prescription the decision was made for.
    ///   - action: What to do.
    ///   - next: The next prescription, or `nil` when the exercise stops.
    ///   - reason: Why.
    ///   - addPelvicTiltCue: Whether to show the pelvic-tilt cue.
    ///   - retest: The retest that is due, if any.
    ///   - loadChange: The load change, when the load changes.
    public init(
        current: Prescription,
        action: Action,
        next: Prescription?,
        reason: ProgressionReason,
        addPelvicTiltCue: Bool = false,
        retest: RetestKind? = nil,
        loadChange: LoadAdjustment? = nil
    ) {
        self.current = current
        self.action = action
        self.next = next
        self.reason = reason
        self.addPelvicTiltCue = addPelvicTiltCue
        self.retest = retest
        self.loadChange = loadChange
    }
}

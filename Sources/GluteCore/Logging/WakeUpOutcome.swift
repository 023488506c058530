/// What happened when a wake-up call came.
public enum WakeUpOutcome: String, Sendable, CaseIterable, Hashable {
    /// The person did the wake-up exercise.
    case done
    /// The person skipped it.
    case skip
}

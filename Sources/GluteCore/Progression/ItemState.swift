/// Where one plan item stands for one person: what to do next time and what the last sessions
/// showed.
///
/// The state is kept (the store holds one per item and plan version) and moved on by each log
/// with ``PlanTracker/apply(_:on:to:)``, so `today`, `next` and `log` read a bounded amount however
/// long the history is. Replaying the item's logs from its starting state gives the same state:
/// that is how a correction of the past is folded in.
public struct ItemState: Sendable, Hashable {
    /// The item.
    public var key: ItemKey
    /// The prescription for the next session (the exercise may be a variant of the planned one).
    public var current: Prescription
    /// The decision after the latest judged session, `nil` before the first.
    public var decision: ProgressionDecision?
    /// How many sessions were judged on this item.
    public var sessions: Int
    /// The latest judged sessions, oldest first, at most ``ProgressionRules/repeatWindow``.
    public var recent: [SessionLog]
    /// The self-test a repeated problem asks for, until it is done.
    public var retestDue: RetestKind?

    /// Creates a state.
    public init(
        key: ItemKey, current: Prescription, decision: ProgressionDecision? = nil, sessions: Int = 0,
        recent: [SessionLog] = [], retestDue: RetestKind? = nil
    ) {
        self.key = key
        self.current = current
        self.decision = decision
        self.sessions = sessions
        self.recent = recent
        self.retestDue = retestDue
    }

    /// The state after a retest of `kind`: a request for it is answered, and the problems seen
    /// before it no longer count toward "twice" (the retest is the fresh look).
    public func answering(_ kind: RetestKind) -> ItemState {
        guard retestDue == kind || decision?.retest == kind else { return self }
        var copy = self
        copy.retestDue = nil
        copy.recent = []
        return copy
    }
}

/// The results of one retest: the screening tests that decide the gates, each optional.
///
/// A retest need not repeat every test; a test left `nil` was not done that day, and the
/// ``GateEvaluator`` takes the latest result of each test across retests.
///
/// ```swift
/// let retest = RetestResult(
///     date: CivilDate("2026-12-24")!,
///     bridgeFeltIn: PerSide(left: .glutes, right: .glutes))
/// ```
public struct RetestResult: Sendable, Equatable {
    /// The day of the retest.
    public var date: CivilDate
    /// Where the single-leg bridge was felt, per side.
    public var bridgeFeltIn: PerSide<FeltIn>?
    /// Balance in the single-leg deadlift reach, per side.
    public var deadliftBalance: PerSide<Balance>?
    /// Whether the hip-hinge wall test was passed.
    public var hipHingePassed: Bool?

    /// Creates a retest result.
    ///
    /// - Parameters:
    ///   - date: The day of the retest.
    ///   - bridgeFeltIn: Where the single-leg bridge was felt, if tested.
    ///   - deadliftBalance: Single-leg deadlift balance, if tested.
    ///   - hipHingePassed: The hip-hinge wall test, if tested.
    public init(
        date: CivilDate,
        bridgeFeltIn: PerSide<FeltIn>? = nil,
        deadliftBalance: PerSide<Balance>? = nil,
        hipHingePassed: Bool? = nil
    ) {
        self.date = date
        self.bridgeFeltIn = bridgeFeltIn
        self.deadliftBalance = deadliftBalance
        self.hipHingePassed = hipHingePassed
    }
}

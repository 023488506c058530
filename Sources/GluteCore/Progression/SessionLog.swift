/// What one side did on one exercise in one session, as the person logged it.
///
/// ```swift
/// let log = SessionLog(date: CivilDate("2026-11-26")!, exerciseID: "split-squat", side: .left,
///                      sets: [12, 12, 11], load: Load(10, .kg),
///                      feltIn: .glutes, balance: .steady, pain: 1)
/// ```
public struct SessionLog: Sendable, Hashable {
    /// The day of the session.
    public var date: CivilDate
    /// The catalogue id of the exercise done.
    public var exerciseID: String
    /// The side, or `nil` for bilateral work.
    public var side: Side?
    /// Reps (or seconds, for holds) reached in each set, in order.
    public var sets: [Int]
    /// The external load used, or `nil` for bodyweight.
    public var load: Load?
    /// Where it was felt.
    public var feltIn: FeltIn
    /// How balance held.
    public var balance: Balance
    /// Rating of perceived exertion (1-10), when logged.
    ///
    /// Recorded for reports; the rules do not use it.
    public var rpe: Double?
    /// Pain during or after the exercise, 0 (none) to 10.
    public var pain: Int
    /// Whether new numbness or tingling appeared.
    public var newNumbness: Bool

    /// Creates a log entry.
    ///
    /// - Parameters:
    ///   - date: The day of the session.
    ///   - exerciseID: The catalogue id.
    ///   - side: The side, or `nil` for bilateral work.
    ///   - sets: Reps or seconds per set.
    ///   - load: The load used, or `nil`.
    ///   - feltIn: Where it was felt.
    ///   - balance: How balance held.
    ///   - rpe: Perceived exertion, if logged.
    ///   - pain: Pain 0-10 (values outside are clamped).
    ///   - newNumbness: Whether new numbness or tingling appeared.
    public init(
        date: CivilDate,
        exerciseID: String,
        side: Side?,
        sets: [Int],
        load: Load? = nil,
        feltIn: FeltIn,
        balance: Balance = .steady,
        rpe: Double? = nil,
        pain: Int = 0,
        newNumbness: Bool = false
    ) {
        self.date = date
        self.exerciseID = exerciseID
        self.side = side
        self.sets = sets
        self.load = load
        self.feltIn = feltIn
        self.balance = balance
        self.rpe = rpe
        self.pain = min(max(pain, 0), 10)
        self.newNumbness = newNumbness
    }
}

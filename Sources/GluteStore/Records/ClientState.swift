public import GluteCore

/// What a coach's dashboard needs to know about one person, kept up to date by every write that
/// changes it, so that the dashboard reads one row per client instead of their history.
///
/// It holds facts with their times; reasons that depend on the time ("pain this week", "no log
/// for 7 days", "activation sessions missed") are worked out when the dashboard is read, from
/// these fields, the person's time zone and the clock.
public struct ClientState: Sendable, Hashable {
    /// The person.
    public var personID: Person.ID
    /// The reason of the plan version in force when it is a stop (a red flag, pain of 7 or more,
    /// numbness); `nil` while a plan is active or before the first assessment.
    public var stopReason: String?
    /// The weekdays the plan in force has an activation session on.
    public var activationDays: Set<Weekday>
    /// The week (its Monday, in the person's zone) that ``activationDaysDone`` and
    /// ``painfulSetAt`` describe.
    public var week: CivilDate?
    /// The days of ``week`` with an activation session logged.
    public var activationDaysDone: Set<Weekday>
    /// The latest set of ``week`` logged with pain of 4 or more.
    public var painfulSetAt: Timestamp?
    /// The highest pain logged in ``week``, when it was 4 or more.
    public var highestPain: Int?
    /// The latest logged entry (set, wake-up call or retest).
    public var lastLogAt: Timestamp?
    /// The items of the plan in force whose latest decision held them where they were.
    public var stalledItems: [ItemKey]
    /// The items of the plan in force whose latest decision made them easier.
    public var regressedItems: [ItemKey]
    /// The retests the plan's items ask for, in ``GluteCore/RetestKind`` order.
    public var retestsDue: [RetestKind]
    /// When the plan in force asks for a new assessment.
    public var reassessOn: CivilDate?
    /// How many entries the person has deleted in all.
    public var deletions: Int
    /// When the person last deleted an entry.
    public var lastDeletionAt: Timestamp?
    /// When this state was last written.
    public var updatedAt: Timestamp

    /// Creates a state; a person with nothing recorded has only an identifier and a time.
    public init(
        personID: Person.ID, stopReason: String? = nil, activationDays: Set<Weekday> = [], week: CivilDate? = nil,
        activationDaysDone: Set<Weekday> = [], painfulSetAt: Timestamp? = nil, highestPain: Int? = nil,
        lastLogAt: Timestamp? = nil, stalledItems: [ItemKey] = [], regressedItems: [ItemKey] = [],
        retestsDue: [RetestKind] = [], reassessOn: CivilDate? = nil, deletions: Int = 0,
        lastDeletionAt: Timestamp? = nil, updatedAt: Timestamp
    ) {
        self.personID = personID
        self.stopReason = stopReason
        self.activationDays = activationDays
        self.week = week
        self.activationDaysDone = activationDaysDone
        self.painfulSetAt = painfulSetAt
        self.highestPain = highestPain
        self.lastLogAt = lastLogAt
        self.stalledItems = stalledItems
        self.regressedItems = regressedItems
        self.retestsDue = retestsDue
        self.reassessOn = reassessOn
        self.deletions = deletions
        self.lastDeletionAt = lastDeletionAt
        self.updatedAt = updatedAt
    }
}

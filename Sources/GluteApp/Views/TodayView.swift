public import GluteCore
public import GluteStore

/// What is due on one day: the sessions at their current prescription, the wake-up calls done
/// against planned, what is still locked and what is due to retest; or, after a stop, only the
/// advice to see a clinician.
public struct TodayView: Sendable {
    /// One exercise of a session.
    public struct Item: Sendable {
        /// The plan item.
        public var item: PlanItem
        /// The prescription to follow per side (one, without a side, for two-legged work).
        public var prescriptions: [Prescription]
        /// What was done for this item today, in order, as its progression judged it (sets in the
        /// prescription's measure: reps, or seconds for a hold).
        public var logged: [SessionLog]
        /// The item keys, one per side.
        public var keys: [ItemKey]

        /// Whether every side has something logged today.
        public var isDone: Bool {
            keys.allSatisfy { key in logged.contains { $0.side == key.side } }
        }
    }

    /// One session of the day.
    public struct SessionToday: Sendable {
        /// Activation, strength or mobility.
        public var kind: Session.Kind
        /// Estimated minutes.
        public var minutes: Int
        /// What the session concentrates on.
        public var focus: String
        /// The exercises.
        public var items: [Item]
    }

    /// Wake-up calls of the day.
    public struct WakeUps: Sendable {
        /// Whether the day has calls (a working day, or the morning after a night shift).
        public var isWorkDay: Bool
        /// Calls planned today.
        public var planned: Int
        /// Calls whose time has come.
        public var dueSoFar: Int
        /// Calls answered as done (each call counts once).
        public var done: Int
        /// Calls answered as skipped.
        public var skipped: Int
        /// The plan's wake-up calls (interval, hours, options).
        public var calls: WakeUpCalls
        /// The next call still to come today, if any.
        public var next: LocalDateTime?
    }

    /// The local date.
    public var date: CivilDate
    /// The plan version shown.
    public var version: PlanVersion
    /// The stop, when the plan is stopped: then nothing else is filled.
    public var stop: StopNotice?
    /// The sessions of the day.
    public var sessions: [SessionToday]
    /// The wake-up calls, `nil` after a stop.
    public var wakeUps: WakeUps?
    /// Gates still closed.
    public var closedGates: [PlanGate]
    /// Retests that repeated problems ask for, with the items that asked.
    public var retestsDue: [(kind: RetestKind, items: [ItemKey])]
    /// When the next reassessment is due.
    public var reassessOn: CivilDate?

    /// Whether the four-weekly reassessment is due.
    public var reassessDue: Bool { reassessOn.map { date >= $0 } ?? false }
}

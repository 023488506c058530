/// Who the person is, how they sit, and what time and equipment they have for training.
public struct Profile: Sendable, Equatable {
    /// Age in years, 14...100.
    public var age: Int
    /// Self-reported sex, if given.
    public var sex: Sex?
    /// Units for loads.
    public var units: LoadUnit
    /// Hours sitting on a usual day, 0...24.
    public var sittingHoursPerDay: Double
    /// The longest stretch without standing up, in minutes.
    public var longestSittingMinutes: Int
    /// Working hours, when wake-up calls ring.
    public var workHours: WorkHours
    /// Minutes of sitting between wake-up calls, 30...90 (60 when not given).
    public var wakeUpEveryMinutes: Int
    /// The person's IANA time-zone name ("Europe/Berlin"), when given; `nil` means the machine's
    /// zone (CLI) or the account's (API).
    ///
    /// The decoder accepts only names that Foundation's `TimeZone(identifier:)` knows.
    public var timeZone: String?
    /// The main aim.
    public var goal: Goal
    /// Training experience.
    public var experience: Experience
    /// Equipment at hand, without repeats.
    public var equipment: [Equipment]
    /// Days available for strength sessions, without repeats, in the order given.
    public var trainingDays: [Weekday]
    /// Minutes available per session, 5...180.
    public var minutesPerSession: Int
    /// Femur length, if the person knows it.
    public var femurLength: FemurLength?

    /// Creates a profile.
    public init(
        age: Int, sex: Sex? = nil, units: LoadUnit = .kg, sittingHoursPerDay: Double,
        longestSittingMinutes: Int, workHours: WorkHours, goal: Goal = .stability,
        experience: Experience = .novice, equipment: [Equipment] = [], trainingDays: [Weekday],
        minutesPerSession: Int, femurLength: FemurLength? = nil,
        wakeUpEveryMinutes: Int = PlanGenerator.defaultWakeUpMinutes, timeZone: String? = nil
    ) {
        self.age = age
        self.sex = sex
        self.units = units
        self.sittingHoursPerDay = sittingHoursPerDay
        self.longestSittingMinutes = longestSittingMinutes
        self.workHours = workHours
        self.wakeUpEveryMinutes = wakeUpEveryMinutes
        self.timeZone = timeZone
        self.goal = goal
        self.experience = experience
        self.equipment = equipment
        self.trainingDays = trainingDays
        self.minutesPerSession = minutesPerSession
        self.femurLength = femurLength
    }

    /// Whether the person has `item`.
    public func has(_ item: Equipment) -> Bool { equipment.contains(item) }
}

/// The working day: start and end time and the days worked.
///
/// An end before the start is a night shift: it ends the next morning, and `days` are the days
/// it starts on (22:00 to 06:00 on `fri` runs from Friday evening to Saturday morning).
public struct WorkHours: Sendable, Equatable {
    /// When work starts.
    public var start: ClockTime
    /// When work ends: later the same day, or, when earlier than `start`, the next morning.
    public var end: ClockTime
    /// The days a working period starts on, without repeats.
    public var days: [Weekday]

    /// Whether the working period runs past midnight into the next morning.
    public var isNightShift: Bool { end < start }

    /// Creates working hours.
    public init(start: ClockTime, end: ClockTime, days: [Weekday]) {
        self.start = start
        self.end = end
        self.days = days
    }
}

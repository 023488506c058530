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
        minutesPerSession: Int, femurLength: FemurLength? = nil
    ) {
        self.age = age
        self.sex = sex
        self.units = units
        self.sittingHoursPerDay = sittingHoursPerDay
        self.longestSittingMinutes = longestSittingMinutes
        self.workHours = workHours
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
public struct WorkHours: Sendable, Equatable {
    /// When work starts.
    public var start: ClockTime
    /// When work ends; after `start`.
    public var end: ClockTime
    /// The days worked, without repeats.
    public var days: [Weekday]

    /// Creates working hours.
    public init(start: ClockTime, end: ClockTime, days: [Weekday]) {
        self.start = start
        self.end = end
        self.days = days
    }
}

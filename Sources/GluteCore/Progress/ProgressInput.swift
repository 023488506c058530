public import GluteJSON

/// Everything ``ProgressCalculator`` reads, as plain values: the plans, the logged sets and
/// wake-up calls, the assessments and the bridge retests, each already dated in local time.
///
/// The CLI and the server fill it from their store; GluteCore never reads a store itself.
///
/// ```swift
/// let input = ProgressInput(today: today, weeks: 8, plans: [period], sets: sets)
/// let report = ProgressCalculator.report(input)
/// ```
public struct ProgressInput: Sendable, Equatable {
    /// One plan and the first day it applies to.
    public struct PlanPeriod: Sendable, Equatable {
        /// The first day this plan applies to; it applies until the next period starts.
        public var startsOn: CivilDate
        /// The exercise ids of the plan's activation sessions.
        public var activationExercises: Set<String>
        /// The plan's wake-up calls.
        public var wakeUpCalls: WakeUpCalls

        /// Creates a period.
        public init(startsOn: CivilDate, activationExercises: Set<String>, wakeUpCalls: WakeUpCalls) {
            self.startsOn = startsOn
            self.activationExercises = activationExercises
            self.wakeUpCalls = wakeUpCalls
        }

        /// The period of `plan`: its start, the exercises of its activation sessions and its calls.
        public init(plan: Plan) {
            let activation = plan.sessions.filter { $0.session.kind == .activation }
            self.init(
                startsOn: plan.startsOn,
                activationExercises: Set(activation.flatMap { $0.session.items.map(\.exercise) }),
                wakeUpCalls: plan.wakeUpCalls)
        }
    }

    /// One logged set, reduced to what progress needs.
    public struct LoggedSet: Sendable, Equatable {
        /// The local date it was done.
        public var date: CivilDate
        /// The exercise id.
        public var exerciseID: String
        /// The side, or `nil` for both sides together.
        public var side: Side?
        /// Reps of each set; empty for holds.
        public var reps: [Int]
        /// The external load, if any.
        public var load: Load?

        /// Creates a set.
        public init(date: CivilDate, exerciseID: String, side: Side?, reps: [Int], load: Load? = nil) {
            self.date = date
            self.exerciseID = exerciseID
            self.side = side
            self.reps = reps
            self.load = load
        }
    }

    /// One answered wake-up call.
    public struct WakeUpAnswer: Sendable, Equatable {
        /// The local date it was logged.
        public var date: CivilDate
        /// When it was logged, in local time; `nil` when only the date is known.
        ///
        /// With the time, the answer counts for the call it answers (``WakeUpCalls/nearestCall(to:)``),
        /// once per call, and not at all outside working hours; with the date alone it counts
        /// for that date, never beyond the calls the date has.
        public var at: LocalDateTime?
        /// Whether it was done (`false`: skipped).
        public var done: Bool

        /// Creates an answer known by its date only.
        public init(date: CivilDate, done: Bool) {
            self.date = date
            self.at = nil
            self.done = done
        }

        /// Creates an answer logged at `at`, local time.
        public init(at: LocalDateTime, done: Bool) {
            self.date = at.date
            self.at = at
            self.done = done
        }
    }

    /// One stored assessment: the tested values and the finding codes of its output.
    public struct AssessmentPoint: Sendable, Equatable {
        /// The local date it was taken.
        public var date: CivilDate
        /// Single-leg bridge reps per side, when tested.
        public var bridgeReps: PerSide<Int>?
        /// Glute squeeze strength (0-10) per side, when tested.
        public var squeezeStrength: PerSide<Int>?
        /// The finding codes in the output.
        public var findingCodes: [String]
        /// The test whose retest made this assessment (a retest that changes the findings keeps
        /// the latest assessment with that one test replaced), as `glute retest` names it
        /// (`single-leg-bridge`, `glute-squeeze`, ...); `nil` for an assessment taken in full,
        /// or when it is not known.
        ///
        /// A known retest adds only its own test's measurement; the other tests are copies of
        /// the assessment before. When it is not known, a measurement equal to the one before
        /// it is taken for such a copy.
        public var retestOf: String?

        /// Creates an assessment point.
        public init(
            date: CivilDate, bridgeReps: PerSide<Int>? = nil, squeezeStrength: PerSide<Int>? = nil,
            findingCodes: [String] = [], retestOf: String? = nil
        ) {
            self.date = date
            self.bridgeReps = bridgeReps
            self.squeezeStrength = squeezeStrength
            self.findingCodes = findingCodes
            self.retestOf = retestOf
        }

        /// Reads the tested values from an assessment input document and the codes from its output.
        ///
        /// Missing or malformed parts are left out rather than reported: old documents still chart.
        public init(date: CivilDate, input: JSONValue, output: JSONValue, retestOf: String? = nil) {
            let tests = input.objectValue?["tests"]?.objectValue
            func perSide(_ test: String, _ key: String) -> PerSide<Int>? {
                let object = tests?[test]?.objectValue
                guard let left = object?["left"]?.objectValue?[key]?.numberValue,
                    let right = object?["right"]?.objectValue?[key]?.numberValue
                else { return nil }
                return PerSide(left: Int(left), right: Int(right))
            }
            let codes = (output.objectValue?["findings"]?.arrayValue ?? [])
                .compactMap { $0.objectValue?["code"]?.stringValue }
            self.init(
                date: date, bridgeReps: perSide("singleLegBridge", "reps"),
                squeezeStrength: perSide("gluteSqueeze", "strength"), findingCodes: codes, retestOf: retestOf)
        }
    }

    /// A single-leg bridge retest: reps per side.
    public struct BridgeRetest: Sendable, Equatable {
        /// The local date it was taken.
        public var date: CivilDate
        /// Reps per side.
        public var reps: PerSide<Int>

        /// Creates a retest point.
        public init(date: CivilDate, reps: PerSide<Int>) {
            self.date = date
            self.reps = reps
        }
    }

    /// The last day to report on (usually today).
    public var today: CivilDate
    /// How many weeks, counting this one, the time series cover.
    public var weeks: Int
    /// The plans, oldest version first (a later version starting the same day wins).
    public var plans: [PlanPeriod]
    /// The logged sets.
    public var sets: [LoggedSet]
    /// The answered wake-up calls.
    public var wakeUps: [WakeUpAnswer]
    /// The assessments, in any order.
    public var assessments: [AssessmentPoint]
    /// The single-leg bridge retests.
    public var bridgeRetests: [BridgeRetest]

    /// Creates an input.
    public init(
        today: CivilDate, weeks: Int, plans: [PlanPeriod] = [], sets: [LoggedSet] = [],
        wakeUps: [WakeUpAnswer] = [], assessments: [AssessmentPoint] = [], bridgeRetests: [BridgeRetest] = []
    ) {
        self.today = today
        self.weeks = weeks
        self.plans = plans
        self.sets = sets
        self.wakeUps = wakeUps
        self.assessments = assessments
        self.bridgeRetests = bridgeRetests
    }
}

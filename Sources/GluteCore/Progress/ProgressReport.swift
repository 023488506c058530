/// What the progress view shows: adherence, asymmetry, bridge reps, loads and resolved findings.
///
/// Made by ``ProgressCalculator``; written as JSON by ``ProgressReport/jsonValue``. Every series
/// is in date order and covers the report's period (``from`` to ``to``), except ``findings``,
/// which always compares the first assessment with the latest.
public struct ProgressReport: Sendable, Equatable {
    /// Activation sessions in one week (Monday first) against the target.
    public struct WeekAdherence: Sendable, Equatable {
        /// The Monday of the week.
        public var weekOf: CivilDate
        /// Days of the week with at least one activation exercise logged.
        public var sessions: Int
        /// The weekly target.
        public var target: Int
    }

    /// Wake-up calls answered on one day against the plan's count for that day.
    public struct DayWakeUps: Sendable, Equatable {
        /// The day.
        public var date: CivilDate
        /// Calls the plan has on this day (0 on a day without calls; a night shift's calls after
        /// midnight count for the day they ring).
        public var planned: Int
        /// Calls answered as done; never more than ``planned``.
        public var done: Int
        /// Calls answered as skipped (and not also as done); with ``done`` never more than
        /// ``planned``.
        public var skipped: Int
        /// Answers logged this day that counted for no call; they stay in the log.
        ///
        /// Answers outside working hours, second answers to one call, or more answers than the
        /// day has calls.
        public var uncounted: Int = 0
    }

    /// Where a left/right measurement came from.
    public enum Source: String, Sendable, Equatable, CaseIterable {
        /// A full assessment.
        case assessment
        /// A retest of one self-test.
        case retest
        /// The best logged set of the day.
        ///
        /// No longer produced: logged sets follow the prescription (the stronger side matches
        /// the weaker side's reps), so they do not measure what a side can do.
        case log
    }

    /// One left/right measurement and its asymmetry index.
    public struct SidePoint: Sendable, Equatable {
        /// The day it was measured.
        public var date: CivilDate
        /// Where it came from.
        public var source: Source
        /// The left and right values.
        public var values: PerSide<Int>
        /// |L-R| / max(L,R), from 0 (even) to 1.
        public var index: Double
    }

    /// The measurements of one test over time.
    public struct AsymmetrySeries: Sendable, Equatable {
        /// `single-leg-bridge` (reps) or `glute-squeeze` (strength 0-10).
        public var test: String
        /// The points, oldest first.
        public var points: [SidePoint]
    }

    /// The heaviest load of one exercise on one day.
    public struct LoadPoint: Sendable, Equatable {
        /// The day.
        public var date: CivilDate
        /// The heaviest load logged that day.
        public var load: Load
    }

    /// Single-leg bridge reps of one test occasion; a side is `nil` when it was not measured.
    public struct RepsPoint: Sendable, Equatable {
        /// The day.
        public var date: CivilDate
        /// Where it came from.
        public var source: Source
        /// Left reps, if measured.
        public var left: Int?
        /// Right reps, if measured.
        public var right: Int?
    }

    /// The loads of one exercise over time.
    public struct LoadSeries: Sendable, Equatable {
        /// The exercise id.
        public var exerciseID: String
        /// The points, oldest first.
        public var points: [LoadPoint]
    }

    /// Findings of the first assessment against the latest.
    public struct FindingChanges: Sendable, Equatable {
        /// The date of the first assessment, if there is one.
        public var firstOn: CivilDate?
        /// The date of the latest assessment, if there is one.
        public var latestOn: CivilDate?
        /// Codes in the first assessment.
        public var first: [String]
        /// Codes in the latest assessment.
        public var latest: [String]
        /// Codes in the first and not in the latest, in the first's order.
        public var resolved: [String]
        /// Codes in the latest and not in the first.
        public var new: [String]
    }

    /// The first day covered.
    public var from: CivilDate
    /// The last day covered.
    public var to: CivilDate
    /// One entry per week from the first planned week in the period, oldest first.
    public var weeks: [WeekAdherence]
    /// One entry per day with planned or answered calls, oldest first.
    public var wakeUps: [DayWakeUps]
    /// The asymmetry of each test with data (bridge first, then squeeze), from tested values only.
    public var asymmetry: [AsymmetrySeries]
    /// Single-leg bridge reps per side, one point per test occasion (assessment or retest).
    public var bridgeReps: [RepsPoint]
    /// The loads per exercise, by exercise id.
    public var loads: [LoadSeries]
    /// Findings resolved since the first assessment.
    public var findings: FindingChanges
}

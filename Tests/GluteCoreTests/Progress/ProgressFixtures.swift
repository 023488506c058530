@testable import GluteCore

/// Dates, wake-up calls and plan periods shared by the progress and reminder tests.
enum ProgressFixtures {
    /// Monday 2026-11-02.
    static let monday = CivilDate(year: 2026, month: 11, day: 2)!

    /// The day `offset` days after ``monday``.
    static func day(_ offset: Int) -> CivilDate { monday.adding(days: offset) }

    /// Calls every 60 minutes from 09:00 to 17:00, Monday to Friday: 10:00 to 16:00, seven a day.
    static let officeCalls = WakeUpCalls(
        everyMinutes: 60, start: ClockTime("09:00")!, end: ClockTime("17:00")!,
        days: [.mon, .tue, .wed, .thu, .fri], options: [], why: [])

    /// A plan starting on ``monday`` whose activation session is a bridge and a clamshell.
    static let plan = ProgressInput.PlanPeriod(
        startsOn: monday, activationExercises: ["glute-bridge", "clamshell"],
        wakeUpCalls: officeCalls)

    /// A set of `exercise` on day `offset`.
    static func set(
        _ offset: Int, _ exercise: String, side: Side? = nil, reps: [Int] = [12, 12],
        load: Load? = nil
    ) -> ProgressInput.LoggedSet {
        ProgressInput.LoggedSet(date: day(offset), exerciseID: exercise, side: side, reps: reps, load: load)
    }

    /// A local date-time on day `offset` at `hour:minute`.
    static func at(_ offset: Int, _ hour: Int, _ minute: Int = 0, _ second: Int = 0) -> LocalDateTime {
        LocalDateTime(date: day(offset), hour: hour, minute: minute, second: second)
    }
}

import GluteApp
import GluteCore
import GluteJSON
import GluteStore
import Testing

/// Rule 6: wake-up calls count per call, inside working hours only, never beyond the plan; a
/// night shift's calls after midnight count on the date they ring; the interval of the profile
/// sets the calls.
@Suite struct WakeUpCountingTests {
    static let monday = CivilDate.on("2026-11-02")
    static let berlin: [(String, JSONValue?)] = [("profile.timeZone", "Europe/Berlin")]
    static let zone = TimeZoneRules.named("Europe/Berlin")

    /// The instant of local `hour:minute` on `date` in Berlin.
    static func local(_ date: CivilDate, _ hour: Int, _ minute: Int = 0) -> Timestamp {
        zone.instant(LocalDateTime(date: date, hour: hour, minute: minute))
    }

    /// Logs `outcome` at local `hour:minute` on `date`, with the clock there.
    @discardableResult
    static func call(
        _ me: Trainee, _ date: CivilDate, _ hour: Int, _ minute: Int, _ outcome: WakeUpOutcome = .done
    ) async throws -> WakeUpLogged {
        me.clock.set(local(date, hour, minute))
        return try await me.app.logWakeUpCall(me.id, outcome: outcome)
    }

    /// The progress row of `date`, if any.
    static func progressDay(_ me: Trainee, _ date: CivilDate) async throws -> ProgressReport.DayWakeUps? {
        try await me.app.progress(me.id, weeks: 2).wakeUps.first { $0.date == date }
    }

    /// Five taps within five minutes answer one call, wherever they fall in the interval.
    @Test(arguments: [(10, 1), (10, 26), (10, 28), (16, 40)])
    func fiveLogsWithinFiveMinutesAreOneCall(_ hour: Int, _ minute: Int) async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk, Self.berlin)
            var logged: [WakeUpLogged] = []
            for tap in 0..<5 { logged.append(try await Self.call(me, Self.monday, hour, minute + tap)) }
            #expect(logged.map(\.alreadyAnswered) == [false, true, true, true, true])
            #expect(
                Set(logged.compactMap(\.answered)).count == 1,
                "five taps answered \(Set(logged.compactMap(\.answered)))")
            let today = try #require(try await me.app.today(me.id).wakeUps)
            #expect(today.planned == 7 && today.done == 1)
            let day = try #require(try await Self.progressDay(me, Self.monday))
            #expect(day.done == 1 && day.uncounted == 4)
        }
    }

    /// A log outside working hours is kept and shown in the history, and counts for nothing.
    @Test(arguments: [
        (Self.monday, 8, 30), (Self.monday, 17, 0), (Self.monday, 21, 15), (Self.monday.adding(days: 5), 11, 0),
    ])
    func aLogOutsideWorkingHoursIsKeptButNotCounted(_ date: CivilDate, _ hour: Int, _ minute: Int) async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk, Self.berlin)
            let logged = try await Self.call(me, date, hour, minute)
            #expect(logged.answered == nil && logged.log.answers == nil)
            #expect(logged.jsonValue[path: "counted"] == false)
            #expect(try await me.app.history(me.id, limit: 5).map(\.id) == [logged.log.id.rawValue])
            let today = try await me.app.today(me.id)
            #expect(today.wakeUps?.done == 0 && today.wakeUps?.skipped == 0)
            let day = try #require(try await Self.progressDay(me, date))
            #expect(day.done == 0 && day.skipped == 0 && day.uncounted == 1)
        }
    }

    /// However many answers are logged, no day shows more done (or done and skipped) than planned.
    @Test func progressNeverShowsMoreThanPlanned() async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk, Self.berlin)
            for hour in 9...16 {
                for minute in [0, 10, 29, 31, 50] {
                    try await Self.call(me, Self.monday, hour, minute, minute == 29 ? .skip : .done)
                }
            }
            for hour in [10, 12, 14] { try await Self.call(me, Self.monday.adding(days: 1), hour, 5, .skip) }
            let report = try await me.app.progress(me.id, weeks: 2)
            #expect(!report.wakeUps.isEmpty)
            for day in report.wakeUps {
                #expect(
                    day.done + day.skipped <= day.planned, "\(day.date): \(day.done)+\(day.skipped) of \(day.planned)")
            }
            let monday = try #require(report.wakeUps.first { $0.date == Self.monday })
            #expect(monday.planned == 7 && monday.done == 7 && monday.skipped == 0)
            #expect(monday.uncounted == 8 * 5 - 7)
            let tuesday = try #require(report.wakeUps.first { $0.date == Self.monday.adding(days: 1) })
            #expect(tuesday.done == 0 && tuesday.skipped == 3)
            me.clock.set(Self.local(Self.monday, 18))
            let today = try #require(try await me.app.today(me.id).wakeUps)
            #expect(today.done == 7 && today.dueSoFar == 7 && today.planned == 7)
        }
    }

    /// 22:00-06:00 from Monday night: the calls after midnight are Tuesday's, and the 23:00
    /// call is Monday's; answers count on the date of the call they answer.
    @Test func aNightShiftCountsAfterMidnightCallsOnTheirDate() async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.nightShift)
            let tuesday = Self.monday.adding(days: 1)
            let first = try await Self.call(me, Self.monday, 22, 50)
            #expect(first.answered == LocalDateTime(date: Self.monday, hour: 23, minute: 0))
            let late = try await Self.call(me, tuesday, 0, 2)
            #expect(late.answered == LocalDateTime(date: tuesday, hour: 0, minute: 0))
            try await Self.call(me, tuesday, 3, 1)
            try await Self.call(me, tuesday, 3, 4)
            try await Self.call(me, tuesday, 5, 40, .skip)
            let after = try await Self.call(me, tuesday, 6, 10)
            #expect(after.answered == nil, "the shift ended at 06:00")
            me.clock.set(Self.local(tuesday, 6, 30))
            let today = try await me.app.today(me.id)
            #expect(today.date == tuesday)
            let calls = try #require(today.wakeUps)
            #expect(calls.planned == 7, "00:00-05:00 from Monday's shift and 23:00 of Tuesday's")
            #expect(calls.dueSoFar == 6 && calls.done == 2 && calls.skipped == 1)
            let report = try await me.app.progress(me.id, weeks: 1)
            let mondayRow = try #require(report.wakeUps.first { $0.date == Self.monday })
            #expect(mondayRow.planned == 1 && mondayRow.done == 1)
            let tuesdayRow = try #require(report.wakeUps.first { $0.date == tuesday })
            #expect(
                tuesdayRow.planned == 7 && tuesdayRow.done == 2 && tuesdayRow.skipped == 1 && tuesdayRow.uncounted == 2)
            // Monday has the 23:00 call only: the morning after Sunday has none.
            me.clock.set(Self.local(Self.monday, 12))
            #expect(try await me.app.today(me.id).wakeUps?.planned == 1)
        }
    }

    /// `profile.wakeUpEveryMinutes` sets the calls of 09:00-17:00.
    @Test(arguments: [(30, 15), (45, 10), (60, 7), (90, 5)])
    func theProfilesIntervalSetsThePlannedCalls(_ minutes: Int, _ calls: Int) async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(
                Cases.every45, [("profile.wakeUpEveryMinutes", .int(minutes)), ("profile.timeZone", "Europe/Berlin")])
            me.clock.set(Self.local(Self.monday, 12))
            let today = try #require(try await me.app.today(me.id).wakeUps)
            #expect(today.calls.everyMinutes == minutes)
            #expect(today.planned == calls)
            #expect(
                today.next
                    == LocalDateTime(
                        date: Self.monday,
                        time: try #require(ClockTime(minutes: 9 * 60 + (180 / minutes + 1) * minutes))))
            let report = try await me.app.progress(me.id, weeks: 1)
            #expect(report.wakeUps.first { $0.date == Self.monday }?.planned == calls)
        }
    }
}

import GluteApp
import GluteCore
import GluteJSON
import GluteStore
import Testing

/// Rule 7: every date is the person's: `profile.timeZone` becomes their zone and `today`, logs,
/// wake-up calls, progress and the calendar follow it; the application's default zone (here a
/// deliberately odd one) is used only for a person without a zone, and the machine's never.
@Suite struct TimeZoneTests {
    static let oddDefault = "America/St_Johns"  // UTC-03:30 in November
    static let auckland: [(String, JSONValue?)] = [("profile.timeZone", "Pacific/Auckland")]  // UTC+13

    @Test(arguments: [
        ("2026-11-02T10:59:00Z", "2026-11-02", "2026-11-02"),
        ("2026-11-02T11:00:00Z", "2026-11-03", "2026-11-02"),
        ("2026-11-02T23:30:00Z", "2026-11-03", "2026-11-02"),
        ("2026-11-03T03:00:00Z", "2026-11-03", "2026-11-02"),
        ("2026-11-03T03:30:00Z", "2026-11-03", "2026-11-03"),
    ])
    func todayIsTheDateInThePersonsZone(_ instant: String, _ inAuckland: String, _ inDefault: String) async throws {
        try await AppFixture.with(start: .at("2026-11-01T20:00:00Z"), defaultTimeZone: Self.oddDefault) { fixture in
            let kiwi = try await fixture.assessedPerson(Cases.desk, Self.auckland)
            #expect(try await kiwi.app.person(kiwi.id)?.timeZone == "Pacific/Auckland")
            let local = try await fixture.assessedPerson(Cases.desk)
            #expect(try await local.app.person(local.id)?.timeZone == nil)
            fixture.clock.set(.at(instant))
            for (me, date) in [(kiwi, inAuckland), (local, inDefault)] {
                let logged = try await me.log("glute-bridge", reps: [12, 12])
                let today = try await me.app.today(me.id)
                #expect(today.date == .on(date))
                let bridge = today.sessions.first { $0.kind == .activation }?.items.first {
                    $0.item.exercise == "glute-bridge"
                }
                #expect(bridge?.logged.map(\.sets) == [logged.set.reps], "the set is not on \(date)")
                let csv = try await me.app.setsCSV(me.id)
                #expect(csv.split(separator: "\r\n").dropFirst().first?.hasPrefix(date) == true)
            }
        }
    }

    /// 23:30 UTC on a Monday is Tuesday 12:30 in Auckland: a working hour, whose call counts on
    /// Tuesday in today and in progress.
    @Test func aWakeUpCallCountsOnTheLocalDate() async throws {
        try await AppFixture.with(start: .at("2026-11-01T20:00:00Z"), defaultTimeZone: Self.oddDefault) { fixture in
            let me = try await fixture.assessedPerson(Cases.desk, Self.auckland)
            fixture.clock.set(.at("2026-11-02T23:30:00Z"))
            let logged = try await me.app.logWakeUpCall(me.id, outcome: .done)
            let tuesday = CivilDate.on("2026-11-03")
            #expect(logged.answered == LocalDateTime(date: tuesday, hour: 12, minute: 0))
            #expect(logged.log.answers == .at("2026-11-02T23:00:00Z"))
            let today = try await me.app.today(me.id)
            #expect(today.date == tuesday && today.wakeUps?.done == 1)
            #expect(today.wakeUps?.dueSoFar == 3, "10:00, 11:00 and 12:00 have rung")
            let row = try await me.app.progress(me.id, weeks: 1).wakeUps.first { $0.done > 0 }
            #expect(row?.date == tuesday)
        }
    }

    /// The calendar is written in the person's zone.
    @Test func theCalendarUsesThePersonsZone() async throws {
        try await AppFixture.with(start: .at("2026-11-01T20:00:00Z"), defaultTimeZone: Self.oddDefault) { fixture in
            let me = try await fixture.assessedPerson(Cases.desk, Self.auckland)
            let calendar = try await me.app.calendar(me.id, sessionTime: try #require(ClockTime("18:00")))
            #expect(calendar.contains("TZID:Pacific/Auckland"))
            #expect(!calendar.contains(Self.oddDefault))
        }
    }
}

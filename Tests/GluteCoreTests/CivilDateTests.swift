import Testing

@testable import GluteCore

@Suite struct CivilDateTests {
    @Test func roundTripsDaysAndWeekdays() {
        for days in stride(from: -700_000, through: 800_000, by: 997) {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            #expect(CivilDate(date.description) == date)
        }
        #expect(CivilDate("2026-11-26")?.weekday == .thu)
        #expect(CivilDate("2024-02-29")?.adding(days: 365).description == "2025-02-28")
        #expect(CivilDate("2025-02-29") == nil)
    }

    @Test func datesParseStrictly() {
        #expect(CivilDate("0001-01-01") == CivilDate(year: 1, month: 1, day: 1))
        for bad in [
            "", "2026-1-26", "2026-11-2", "20261126", "2026-11-260", "2026/11/26", "-026-11-26", "2026-11-2a",
            "\u{FF12}026-11-26", "2026-13-01", "2026-00-10", "2026-11-00", " 2026-11-26", "2026-11-26 ",
        ] {
            #expect(CivilDate(bad) == nil, "\(bad)")
        }
    }

    @Test func clockTimesParseStrictly() {
        #expect(ClockTime("09:30")?.minutes == 570)
        #expect(ClockTime("24:00")?.minutes == 1440)
        for bad in ["9:30", "24:01", "12:60", "ab:cd", "12-30", "123:0"] { #expect(ClockTime(bad) == nil) }
    }
}

import Foundation
import Testing

@testable import GluteCore

/// The calendar export's wake-up events for day and night shifts.
@Suite struct PlanCalendarTests {
    /// The wake-up events of the export: DTSTART value and RRULE BYDAY, in file order.
    static func wakeUpEvents(_ assessment: Assessment) throws -> [(start: String, byDay: String)] {
        let plan = try #require(
            AssessmentEngine.evaluate(assessment, knowledge: try Fixtures.knowledge(), startingOn: Fixtures.start).plan)
        let ics = PlanCalendar(
            plan: plan, calendarID: "p1", timeZone: try #require(TimeZone(identifier: "Europe/Berlin")),
            sessionTime: ClockTime("18:00")!
        ).render(now: Date(timeIntervalSince1970: 0))
        var events: [(String, String)] = []
        for block in ics.components(separatedBy: "BEGIN:VEVENT").dropFirst() where block.contains("-wakeup-") {
            let lines = block.components(separatedBy: "\r\n")
            let start = lines.first { $0.hasPrefix("DTSTART") }?.components(separatedBy: ":").last ?? ""
            let rule = lines.first { $0.hasPrefix("RRULE") } ?? ""
            let byDay = rule.components(separatedBy: ";").first { $0.hasPrefix("BYDAY=") }?.dropFirst(6) ?? ""
            events.append((start, String(byDay)))
        }
        return events
    }

    @Test func aDayShiftHasOneEventPerCallOnTheWorkingDays() throws {
        var assessment = Fixtures.healthy()
        assessment.profile.wakeUpEveryMinutes = 90
        let events = try Self.wakeUpEvents(assessment)
        // 09:00 to 17:00 every 90 minutes; Fixtures.start is Thursday 2026-11-26.
        #expect(
            events.map(\.start) == [
                "20261126T103000", "20261126T120000", "20261126T133000", "20261126T150000", "20261126T163000",
            ])
        #expect(events.allSatisfy { $0.byDay == "MO,TU,WE,TH,FR" })
    }

    @Test func aNightShiftsMorningCallsRecurOnTheDayAfterEachWorkingDay() throws {
        var assessment = Fixtures.healthy()
        assessment.profile.workHours = WorkHours(
            start: ClockTime("22:00")!, end: ClockTime("06:00")!, days: [.mon, .tue, .wed, .thu, .fri])
        let events = try Self.wakeUpEvents(assessment)
        #expect(events.count == 7)
        #expect(events.first?.start == "20261126T230000" && events.first?.byDay == "MO,TU,WE,TH,FR")
        #expect(events.dropFirst().map(\.start) == (0...5).map { "20261127T0\($0)0000" })
        #expect(events.dropFirst().allSatisfy { $0.byDay == "TU,WE,TH,FR,SA" })
        #expect(!events.contains { $0.start.hasSuffix("T060000") }, "a call at the end of the shift")
    }

    @Test func aSundayNightShiftWrapsToMonday() throws {
        var assessment = Fixtures.healthy()
        assessment.profile.workHours = WorkHours(
            start: ClockTime("23:30")!, end: ClockTime("01:00")!, days: [.sun])
        assessment.profile.wakeUpEveryMinutes = 30
        let events = try Self.wakeUpEvents(assessment)
        // Sunday 2026-11-29: calls at 00:00 and 00:30 on Monday the 30th.
        #expect(events.map(\.start) == ["20261130T000000", "20261130T003000"])
        #expect(events.allSatisfy { $0.byDay == "MO" })
    }
}

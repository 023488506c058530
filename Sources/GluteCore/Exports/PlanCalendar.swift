public import Foundation

/// The plan as an iCalendar file: one recurring event per wake-up call time of a working period
/// (on the working days, or on the mornings after them for the after-midnight calls of a night
/// shift) and one per session on its weekday, each with an alarm, until the reassessment date.
///
/// UIDs are derived from `calendarID` and what the event is, so exporting the same plan again
/// updates events in a calendar instead of duplicating them. Times carry the time zone's TZID
/// with a VTIMEZONE built from the zone's transitions.
///
/// ```swift
/// let ics = PlanCalendar(plan: plan, calendarID: "person-1", timeZone: .current, sessionTime: ClockTime("18:00")!)
///     .render(now: Date())
/// ```
public struct PlanCalendar: Sendable {
    /// The plan being replayed.
    public let plan: Plan
    /// A stable name for this person's calendar, part of every UID.
    public let calendarID: String
    /// The time zone event times are given in.
    public let timeZone: TimeZone
    /// When sessions start on their day.
    public let sessionTime: ClockTime
    /// Minutes before a session that its alarm rings.
    public static let sessionAlarmMinutes = 10

    /// Creates a calendar for `plan`.
    public init(plan: Plan, calendarID: String, timeZone: TimeZone, sessionTime: ClockTime) {
        self.plan = plan
        self.calendarID = calendarID
        self.timeZone = timeZone
        self.sessionTime = sessionTime
    }

    /// The wake-up call times of one working period, in the order they ring (for a night shift
    /// the after-midnight ones last; their events recur on the mornings after the working days).
    public var wakeUpTimes: [ClockTime] { plan.wakeUpCalls.times }

    /// The calendar text, with `now` as the DTSTAMP of every event.
    public func render(now: Date) -> String {
        var ics = ICalendarWriter()
        ics.beginCalendar()
        let zone = timeZone.identifier
        TimeZoneComponent(timeZone: timeZone, around: plan.startsOn).write(to: &ics)
        let stamp = Self.utcStamp(now)
        let until = Self.utcStamp(
            localDate: plan.reassessOn, time: ClockTime(minutes: 1439) ?? sessionTime, timeZone: timeZone)
        let calls = plan.wakeUpCalls
        let options = calls.options.map(\.text).joined(separator: "\n")
        // One weekly event per call of a working period; after-midnight calls of a night shift
        // recur on the day after each working day.
        if let first = firstDate(on: calls.days), let period = calls.workingPeriod(startingOn: first) {
            for call in period.calls {
                let shift = first.days(until: call.date)
                ics.begin("VEVENT")
                ics.line("UID", "\(calendarID)-wakeup-\(Self.compact(call.time))@glutecoach")
                ics.line("DTSTAMP", stamp)
                ics.line("DTSTART;TZID=\(zone)", Self.local(call.date, call.time))
                ics.line("DURATION", "PT2M")
                let byDay = Self.byDay(calls.days.map { Weekday(index: $0.index + shift) })
                ics.line("RRULE", "FREQ=WEEKLY;BYDAY=\(byDay);UNTIL=\(until)")
                ics.line("SUMMARY", ICalendarWriter.escape("Glute wake-up call"))
                ics.line("DESCRIPTION", ICalendarWriter.escape("Stand up. Take turns:\n" + options))
                ics.line("CATEGORIES", "GLUTECOACH,WAKE-UP")
                alarm(&ics, minutesBefore: 0, text: "Glute wake-up call")
                ics.end("VEVENT")
            }
        }
        for day in plan.week {
            guard let date = firstDate(on: [day.day]) else { continue }
            var start = sessionTime.minutes
            for (index, session) in day.sessions.enumerated() {
                ics.begin("VEVENT")
                ics.line("UID", "\(calendarID)-\(day.day.rawValue)-\(index)-\(session.kind.rawValue)@glutecoach")
                ics.line("DTSTAMP", stamp)
                ics.line("DTSTART;TZID=\(zone)", Self.local(date, ClockTime(minutes: min(start, 1439)) ?? sessionTime))
                ics.line("DURATION", "PT\(session.minutes)M")
                ics.line("RRULE", "FREQ=WEEKLY;BYDAY=\(Self.byDay([day.day]));UNTIL=\(until)")
                ics.line(
                    "SUMMARY",
                    ICalendarWriter.escape("GluteCoach \(session.kind.rawValue) session (\(session.minutes) min)"))
                let items = session.items.map { item in
                    let dose = item.reps.map { "\(item.sets) x \($0)" } ?? "\(item.sets) x \(item.seconds ?? 0) s"
                    return "- \(item.exercise): \(dose)" + (item.side == .both ? "" : " (\(item.side.rawValue))")
                }
                ics.line("DESCRIPTION", ICalendarWriter.escape(session.focus + "\n" + items.joined(separator: "\n")))
                ics.line("CATEGORIES", "GLUTECOACH,\(session.kind.rawValue.uppercased())")
                alarm(
                    &ics, minutesBefore: Self.sessionAlarmMinutes, text: "GluteCoach \(session.kind.rawValue) session")
                ics.end("VEVENT")
                start += session.minutes
            }
        }
        ics.end("VCALENDAR")
        return ics.text
    }

    private func alarm(_ ics: inout ICalendarWriter, minutesBefore: Int, text: String) {
        ics.begin("VALARM")
        ics.line("ACTION", "DISPLAY")
        ics.line("TRIGGER", minutesBefore == 0 ? "PT0M" : "-PT\(minutesBefore)M")
        ics.line("DESCRIPTION", ICalendarWriter.escape(text))
        ics.end("VALARM")
    }

    /// The first date on or after the plan's start that falls on one of `days`.
    private func firstDate(on days: [Weekday]) -> CivilDate? {
        (0..<7).map { plan.startsOn.adding(days: $0) }.first { days.contains($0.weekday) }
    }

    static func byDay(_ days: [Weekday]) -> String {
        days.sorted().map { String($0.rawValue.prefix(2)).uppercased() }.joined(separator: ",")
    }

    static func compact(_ time: ClockTime) -> String {
        time.description.replacingOccurrences(of: ":", with: "")
    }

    /// `YYYYMMDDTHHMMSS` local time.
    static func local(_ date: CivilDate, _ time: ClockTime) -> String {
        date.description.replacingOccurrences(of: "-", with: "") + "T" + compact(time) + "00"
    }

    static func utcStamp(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let date = CivilDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
        let inDay = seconds - date.daysSinceEpoch * 86_400
        let time = String(format: "%02d%02d%02d", inDay / 3600, inDay % 3600 / 60, inDay % 60)
        return date.description.replacingOccurrences(of: "-", with: "") + "T" + time + "Z"
    }

    static func utcStamp(localDate: CivilDate, time: ClockTime, timeZone: TimeZone) -> String {
        let localSeconds = localDate.daysSinceEpoch * 86_400 + time.minutes * 60
        let guess = Date(timeIntervalSince1970: Double(localSeconds))
        let offset = timeZone.secondsFromGMT(for: guess)
        return utcStamp(Date(timeIntervalSince1970: Double(localSeconds - offset)))
    }
}

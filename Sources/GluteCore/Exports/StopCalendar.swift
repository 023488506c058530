public import Foundation

/// The calendar of a stopped plan: no wake-up calls and no sessions, one all-day note to see a
/// clinician.
///
/// A phone subscribed to the person's calendar feed then drops every training event (their UIDs
/// are gone) and shows the advice instead.
public struct StopCalendar: Sendable {
    /// A stable name for this person's calendar, part of the UID.
    public let calendarID: String
    /// Why the plan stopped.
    public let reason: String
    /// The day the note is on.
    public let date: CivilDate

    /// Creates the calendar.
    public init(calendarID: String, reason: String, date: CivilDate) {
        self.calendarID = calendarID
        self.reason = reason
        self.date = date
    }

    /// The calendar text, with `now` as the DTSTAMP.
    public func render(now: Date) -> String {
        var ics = ICalendarWriter()
        ics.beginCalendar()
        ics.begin("VEVENT")
        ics.line("UID", "\(calendarID)-stop@glutecoach")
        ics.line("DTSTAMP", PlanCalendar.utcStamp(now))
        ics.line("DTSTART;VALUE=DATE", date.description.replacingOccurrences(of: "-", with: ""))
        ics.line("SUMMARY", ICalendarWriter.escape("GluteCoach: see a clinician before training again"))
        ics.line(
            "DESCRIPTION",
            ICalendarWriter.escape(
                "\(reason). Nothing is scheduled until a new assessment passes the safety screen."))
        ics.line("CATEGORIES", "GLUTECOACH,STOP")
        ics.end("VEVENT")
        ics.end("VCALENDAR")
        return ics.text
    }
}

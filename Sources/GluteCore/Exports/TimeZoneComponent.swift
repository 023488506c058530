internal import Foundation

/// A VTIMEZONE for one zone: a STANDARD or DAYLIGHT observance for each offset change from two
/// years before to five years after the plan's start, read from the zone's own transitions.
struct TimeZoneComponent {
    let timeZone: TimeZone
    let around: CivilDate

    func write(to ics: inout ICalendarWriter) {
        ics.begin("VTIMEZONE")
        ics.line("TZID", timeZone.identifier)
        let from = Date(timeIntervalSince1970: Double(around.adding(days: -730).daysSinceEpoch) * 86_400)
        let to = Date(timeIntervalSince1970: Double(around.adding(days: 5 * 365).daysSinceEpoch) * 86_400)
        var transitions: [Date] = []
        var cursor = from
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next < to, transitions.count < 40 {
            transitions.append(next)
            cursor = next
        }
        if transitions.isEmpty {
            let offset = timeZone.secondsFromGMT(for: from)
            observance(
                &ics, daylight: false, onsetLocal: "19700101T000000", from: offset, to: offset,
                name: timeZone.abbreviation(for: from) ?? timeZone.identifier)
        }
        for transition in transitions {
            let before = timeZone.secondsFromGMT(for: transition.addingTimeInterval(-1))
            let after = timeZone.secondsFromGMT(for: transition)
            // DTSTART of an observance is the local time of the onset in the offset before it.
            let onset = PlanCalendar.utcStamp(transition.addingTimeInterval(Double(before))).dropLast()
            observance(
                &ics, daylight: timeZone.isDaylightSavingTime(for: transition), onsetLocal: String(onset),
                from: before, to: after, name: timeZone.abbreviation(for: transition) ?? "")
        }
        ics.end("VTIMEZONE")
    }

    private func observance(
        _ ics: inout ICalendarWriter, daylight: Bool, onsetLocal: String, from: Int, to: Int, name: String
    ) {
        let kind = daylight ? "DAYLIGHT" : "STANDARD"
        ics.begin(kind)
        ics.line("DTSTART", onsetLocal)
        ics.line("TZOFFSETFROM", Self.offset(from))
        ics.line("TZOFFSETTO", Self.offset(to))
        if !name.isEmpty { ics.line("TZNAME", ICalendarWriter.escape(name)) }
        ics.end(kind)
    }

    /// `+HHMM` or `-HHMM` (with seconds when the offset has them).
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let value = abs(seconds)
        var text = sign + String(format: "%02d%02d", value / 3600, value % 3600 / 60)
        if value % 60 != 0 { text += String(format: "%02d", value % 60) }
        return text
    }
}

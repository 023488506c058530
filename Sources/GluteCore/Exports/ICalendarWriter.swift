/// Writes iCalendar (RFC 5545) content lines: escaping of TEXT values (section 3.3.11), folding
/// of lines longer than 75 octets (section 3.1) and CRLF line ends.
struct ICalendarWriter {
    private(set) var text = ""

    /// Appends `NAME[;PARAMS]:VALUE`, folded.
    ///
    /// `value` is written as given; use ``escape(_:)``
    /// for TEXT values.
    mutating func line(_ name: String, _ value: String) {
        fold(name + ":" + value)
    }

    /// Opens GluteCoach's calendar: `BEGIN:VCALENDAR` and the properties every export carries.
    mutating func beginCalendar() {
        begin("VCALENDAR")
        line("VERSION", "2.0")
        line("PRODID", "-//GluteCoach//glute export ics//EN")
        line("CALSCALE", "GREGORIAN")
        line("X-WR-CALNAME", "GluteCoach")
    }

    mutating func begin(_ component: String) { line("BEGIN", component) }
    mutating func end(_ component: String) { line("END", component) }

    /// Escapes a TEXT value: backslash, semicolon, comma and newlines.
    static func escape(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": break
            default: out.append(character)
            }
        }
        return out
    }

    /// Splits a line into chunks of at most 75 octets, never inside a UTF-8 sequence; each
    /// continuation starts with one space.
    private mutating func fold(_ line: String) {
        var chunk = ""
        var octets = 0
        var limit = 75
        for character in line {
            let size = String(character).utf8.count
            if octets + size > limit {
                text += chunk + "\r\n"
                chunk = " "
                octets = 1
                limit = 75
            }
            chunk.append(character)
            octets += size
        }
        text += chunk + "\r\n"
    }
}

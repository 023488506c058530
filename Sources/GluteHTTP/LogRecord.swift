import Glibc

/// One structured log event: a level, a message and ordered fields.
///
/// ``logfmt`` renders it as one line; a sink may instead turn the fields into JSON.
///
/// ```swift
/// record.logfmt
/// // time=2026-03-01T08:00:00.123Z level=info msg=request request_id=9f2c… method=GET path=/hello status=200 …
/// ```
public struct LogRecord: Sendable {
    /// The level.
    public var level: LogLevel
    /// The message (`request` for request lines).
    public var message: String
    /// The fields in order.
    public var fields: [LogField]
    /// When the record was made, as an RFC 3339 UTC timestamp with milliseconds.
    public var time: String

    /// Creates a record stamped with the current UTC time.
    public init(level: LogLevel, message: String, fields: [LogField]) {
        self.init(level: level, message: message, fields: fields, time: LogRecord.now())
    }

    /// Creates a record with a given timestamp.
    public init(level: LogLevel, message: String, fields: [LogField], time: String) {
        self.level = level
        self.message = message
        self.fields = fields
        self.time = time
    }

    /// The value of the first field called `key`, or `nil`.
    public subscript(key: String) -> String? { fields.first { $0.key == key }?.value }

    /// The record as one logfmt line, without the newline: `time`, `level`, `msg`, then the
    /// fields; values with spaces, quotes, `=` or control characters are quoted and escaped.
    public var logfmt: String {
        var line = ""
        line.reserveCapacity(160)
        line.append("time=")
        line.append(time)
        line.append(" level=")
        line.append(level.description)
        Self.append("msg", message, to: &line)
        for field in fields { Self.append(field.key, field.value, to: &line) }
        return line
    }

    private static func append(_ key: String, _ value: String, to line: inout String) {
        line.append(" ")
        line.append(key)
        line.append("=")
        let needsQuotes =
            value.isEmpty
            || value.utf8.contains { $0 <= 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "=") || $0 == 0x7F }
        guard needsQuotes else {
            line.append(value)
            return
        }
        line.append("\"")
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": line.append("\\\"")
            case "\\": line.append("\\\\")
            case "\n": line.append("\\n")
            case "\r": line.append("\\r")
            case "\t": line.append("\\t")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    line.append("\\u{\(String(scalar.value, radix: 16))}")
                } else {
                    line.unicodeScalars.append(scalar)
                }
            }
        }
        line.append("\"")
    }

    /// The current UTC time as `2026-03-01T08:00:00.123Z`, built without Foundation formatters
    /// (no locale, no time zone: always UTC).
    static func now() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return rfc3339(seconds: spec.tv_sec, milliseconds: Int(spec.tv_nsec / 1_000_000))
    }

    /// Formats seconds since 1970 in UTC.
    static func rfc3339(seconds: Int, milliseconds: Int) -> String {
        var time = seconds
        var parts = tm()
        gmtime_r(&time, &parts)
        var text = ""
        text.reserveCapacity(24)
        appendDigits(Int(parts.tm_year) + 1900, width: 4, to: &text)
        text.append("-")
        appendDigits(Int(parts.tm_mon) + 1, width: 2, to: &text)
        text.append("-")
        appendDigits(Int(parts.tm_mday), width: 2, to: &text)
        text.append("T")
        appendDigits(Int(parts.tm_hour), width: 2, to: &text)
        text.append(":")
        appendDigits(Int(parts.tm_min), width: 2, to: &text)
        text.append(":")
        appendDigits(Int(parts.tm_sec), width: 2, to: &text)
        text.append(".")
        appendDigits(milliseconds, width: 3, to: &text)
        text.append("Z")
        return text
    }

    static func appendDigits(_ value: Int, width: Int, to text: inout String) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            text.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "0") + UInt8((rest / divisor) % 10)))
            rest %= divisor
            divisor /= 10
        }
    }
}

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
        var line: [UInt8] = []
        line.reserveCapacity(256)
        appendLogfmt(to: &line)
        return String(decoding: line, as: UTF8.self)
    }

    /// Appends ``logfmt``'s UTF-8 bytes to `line`: a sink that buffers bytes skips making a String.
    public func appendLogfmt(to line: inout [UInt8]) {
        // Bytes, not String appends: a line is written for every request.
        line.append(contentsOf: "time=".utf8)
        Self.appendBytes(of: time, to: &line)
        line.append(contentsOf: " level=".utf8)
        Self.appendBytes(of: level.description, to: &line)
        Self.append("msg", message, to: &line)
        for field in fields { Self.append(field.key, field.value, to: &line) }
    }

    private static func append(_ key: String, _ value: String, to line: inout [UInt8]) {
        line.append(UInt8(ascii: " "))
        appendBytes(of: key, to: &line)
        line.append(UInt8(ascii: "="))
        // Scanned and copied as one buffer: a request's line has eight fields.
        var text = value
        let plain = text.withUTF8 { bytes in
            guard !bytes.isEmpty, !bytes.contains(where: needsQuoting) else { return false }
            line.append(contentsOf: bytes)
            return true
        }
        if !plain { appendQuoted(value, to: &line) }
    }

    private static func needsQuoting(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "=") || byte == 0x7F
    }

    private static func appendBytes(of text: String, to line: inout [UInt8]) {
        var text = text
        text.withUTF8 { line.append(contentsOf: $0) }
    }

    private static func appendQuoted(_ value: String, to line: inout [UInt8]) {
        var quoted = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": quoted.append("\\\"")
            case "\\": quoted.append("\\\\")
            case "\n": quoted.append("\\n")
            case "\r": quoted.append("\\r")
            case "\t": quoted.append("\\t")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    quoted.append("\\u{\(String(scalar.value, radix: 16))}")
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        quoted.append("\"")
        appendBytes(of: quoted, to: &line)
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
        let time = UTCTime(secondsSince1970: seconds)
        // Written straight into the string's storage: this runs for every request.
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var count = 0
            func put(_ value: Int, width: Int, then separator: Unicode.Scalar) {
                writeDigits(value, width: width, into: buffer, at: &count)
                buffer[count] = UInt8(ascii: separator)
                count += 1
            }
            put(time.year, width: 4, then: "-")
            put(time.month, width: 2, then: "-")
            put(time.day, width: 2, then: "T")
            put(time.hour, width: 2, then: ":")
            put(time.minute, width: 2, then: ":")
            put(time.second, width: 2, then: ".")
            put(milliseconds, width: 3, then: "Z")
            return count
        }
    }

    /// Appends `value` with exactly `width` digits (zero-padded, higher digits dropped).
    static func appendDigits(_ value: Int, width: Int, to text: inout String) {
        text += String(unsafeUninitializedCapacity: width) { buffer in
            var count = 0
            writeDigits(value, width: width, into: buffer, at: &count)
            return count
        }
    }

    /// Writes `value` with exactly `width` digits into `buffer` from `index` on, moving `index`.
    private static func writeDigits(
        _ value: Int, width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at index: inout Int
    ) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: (value / divisor) % 10)
            index += 1
            divisor /= 10
        }
    }
}

/// A moment split into UTC calendar fields by arithmetic alone.
///
/// `gmtime_r` takes glibc's time-zone lock on every call, which the request log would contend for
/// on every request; the proleptic Gregorian conversion needs no lock and no time zone.
struct UTCTime: Equatable {
    let year: Int
    let month: Int
    let day: Int
    let hour: Int
    let minute: Int
    let second: Int
    /// 0 for Sunday through 6 for Saturday.
    let weekday: Int

    init(secondsSince1970 seconds: Int) {
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        hour = rest / 3600
        minute = rest % 3600 / 60
        second = rest % 60
        weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday
        // Days to civil date (Howard Hinnant's algorithm), eras of 400 years from 0000-03-01.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }
}

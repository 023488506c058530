/// An instant in time, in whole milliseconds since 1970-01-01T00:00:00Z (UTC).
///
/// Stored as one integer column (`…_at`) in every back end, so range queries compare plain
/// integers, and written in exports as an ISO 8601 UTC text such as `2026-11-26T07:30:00Z`
/// (with `.SSS` milliseconds only when they are not zero).
///
/// ```swift
/// let start = Timestamp(iso8601: "2026-11-26T07:30:00Z")!
/// start.adding(seconds: 90).description   // "2026-11-26T07:31:30Z"
/// ```
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Milliseconds since the Unix epoch; negative before it.
    public let millisecondsSince1970: Int64

    /// Creates a timestamp from milliseconds since the Unix epoch.
    public init(millisecondsSince1970: Int64) {
        self.millisecondsSince1970 = millisecondsSince1970
    }

    /// Creates a timestamp from whole seconds since the Unix epoch.
    public init(secondsSince1970: Int64) {
        self.millisecondsSince1970 = secondsSince1970 * 1000
    }

    /// Creates the timestamp at `time` (hours and minutes) on `date`, in UTC.
    public init(date: CivilDate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.init(secondsSince1970: seconds)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.sssZ` (UTC only, as exports write it).
    public init?(iso8601 text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 24, bytes[10] == UInt8(ascii: "T"),
            bytes[bytes.count - 1] == UInt8(ascii: "Z"),
            let date = CivilDate(String(decoding: bytes[0..<10], as: UTF8.self)),
            let time = Self.parseTime(bytes[11..<bytes.count - 1])
        else { return nil }
        self.init(millisecondsSince1970: Int64(date.daysSinceEpoch) * 86_400_000 + time)
    }

    /// The calendar date in UTC.
    public var date: CivilDate {
        CivilDate(daysSinceEpoch: Int(Self.floorDivide(millisecondsSince1970, 86_400_000)))
    }

    /// The timestamp `milliseconds` later (earlier when negative).
    public func adding(milliseconds: Int64) -> Timestamp {
        Timestamp(millisecondsSince1970: millisecondsSince1970 + milliseconds)
    }

    /// The timestamp `seconds` later (earlier when negative).
    public func adding(seconds: Int64) -> Timestamp {
        Timestamp(millisecondsSince1970: millisecondsSince1970 + seconds * 1000)
    }

    /// ISO 8601 in UTC: `2026-11-26T07:30:00Z`, or `2026-11-26T07:30:00.250Z` with milliseconds.
    public var description: String {
        let milliseconds = Int(millisecondsSince1970 - Int64(date.daysSinceEpoch) * 86_400_000)
        let seconds = milliseconds / 1000
        var text = "\(date)T\(Self.pad(seconds / 3600)):\(Self.pad(seconds / 60 % 60)):\(Self.pad(seconds % 60))"
        if milliseconds % 1000 != 0 {
            let fraction = String(milliseconds % 1000)
            text += "." + String(repeating: "0", count: 3 - fraction.count) + fraction
        }
        return text + "Z"
    }

    /// Compares by instant.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    /// Milliseconds since midnight from `HH:MM:SS` or `HH:MM:SS.sss`.
    private static func parseTime(_ bytes: ArraySlice<UInt8>) -> Int64? {
        let bytes = Array(bytes)
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard (48...57).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 48)
            }
            return value
        }
        guard bytes.count == 8 || bytes.count == 12, bytes[2] == UInt8(ascii: ":"), bytes[5] == UInt8(ascii: ":"),
            let hour = number(0..<2), let minute = number(3..<5), let second = number(6..<8),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var milliseconds = 0
        if bytes.count == 12 {
            guard bytes[8] == UInt8(ascii: "."), let fraction = number(9..<12) else { return nil }
            milliseconds = fraction
        }
        return Int64(((hour * 60 + minute) * 60 + second) * 1000 + milliseconds)
    }
}

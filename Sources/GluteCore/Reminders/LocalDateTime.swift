/// A wall-clock date and time in the person's time zone, to the second, without a zone.
///
/// The reminder schedule reasons in local time only, so "the next call at 10:00 on Monday" means
/// the same thing whatever the machine's clock was doing (a suspend, a time-zone change).
///
/// ```swift
/// let now = LocalDateTime(date: CivilDate("2026-11-26")!, hour: 9, minute: 30)
/// now.adding(seconds: 1800).description   // "2026-11-26 10:00:00"
/// ```
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The calendar date.
    public let date: CivilDate
    /// Seconds since local midnight, 0..<86 400.
    public let secondOfDay: Int

    /// Creates a date-time; a `secondOfDay` outside one day rolls over into the next or previous days.
    public init(date: CivilDate, secondOfDay: Int) {
        let days = secondOfDay >= 0 ? secondOfDay / 86_400 : (secondOfDay + 1) / 86_400 - 1
        self.date = date.adding(days: days)
        self.secondOfDay = secondOfDay - days * 86_400
    }

    /// Creates a date-time from hours, minutes and seconds.
    public init(date: CivilDate, hour: Int, minute: Int, second: Int = 0) {
        self.init(date: date, secondOfDay: hour * 3600 + minute * 60 + second)
    }

    /// The date-time at `time` on `date`.
    public init(date: CivilDate, time: ClockTime) {
        self.init(date: date, secondOfDay: time.minutes * 60)
    }

    /// Seconds since 1970-01-01 00:00:00 on this local clock (not an instant).
    public var secondsSinceEpoch: Int { date.daysSinceEpoch * 86_400 + secondOfDay }

    /// The date-time `seconds` later (earlier when negative).
    public func adding(seconds: Int) -> LocalDateTime {
        LocalDateTime(date: date, secondOfDay: secondOfDay + seconds)
    }

    /// Seconds from `self` to `other` (negative when `other` is earlier).
    public func seconds(until other: LocalDateTime) -> Int { other.secondsSinceEpoch - secondsSinceEpoch }

    /// The time of day, in whole minutes.
    public var time: ClockTime { ClockTime(minutes: secondOfDay / 60) ?? .midnight }

    /// `YYYY-MM-DD HH:MM:SS`.
    public var description: String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date) \(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))"
    }

    /// Orders values as the format lists them.
    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.secondOfDay) < (rhs.date, rhs.secondOfDay)
    }
}

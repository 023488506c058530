/// A time of day in whole minutes, written `HH:MM` (00:00 to 24:00).
public struct ClockTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Minutes since midnight, 0...1440.
    public let minutes: Int

    /// 00:00.
    public static let midnight = ClockTime(checkedMinutes: 0)
    /// 24:00, the end of the day.
    public static let endOfDay = ClockTime(checkedMinutes: 1440)

    private init(checkedMinutes: Int) { minutes = checkedMinutes }

    /// Creates a time from minutes since midnight, or `nil` outside 0...1440.
    public init?(minutes: Int) {
        guard (0...1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// Parses `HH:MM` with two digits each; `24:00` is the end of the day.
    public init?(_ text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 5, utf8[2] == UInt8(ascii: ":"),
            [0, 1, 3, 4].allSatisfy({ (48...57).contains(utf8[$0]) })
        else { return nil }
        let hours = Int(utf8[0] - 48) * 10 + Int(utf8[1] - 48)
        let minutes = Int(utf8[3] - 48) * 10 + Int(utf8[4] - 48)
        guard minutes < 60, hours < 24 || (hours == 24 && minutes == 0) else { return nil }
        self.minutes = hours * 60 + minutes
    }

    /// The hour (0-24).
    public var hour: Int { minutes / 60 }
    /// The minute within the hour.
    public var minute: Int { minutes % 60 }

    /// `HH:MM`.
    public var description: String {
        let h = hour < 10 ? "0\(hour)" : "\(hour)"
        let m = minute < 10 ? "0\(minute)" : "\(minute)"
        return "\(h):\(m)"
    }

    /// Orders values as the format lists them.
    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }
}

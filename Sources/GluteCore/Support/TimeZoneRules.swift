internal import Foundation

/// A person's time zone (an IANA name such as `Europe/Berlin`) and the conversions the daily loop
/// needs: an instant to the person's wall clock and back.
///
/// Every "today", wake-up window, progress week and calendar entry is computed in the person's
/// zone, never in the machine's. Foundation's time-zone database supplies the offsets (on Linux
/// and on Apple platforms alike).
///
/// ```swift
/// let berlin = try #require(TimeZoneRules(identifier: "Europe/Berlin"))
/// berlin.localDateTime(Timestamp(iso8601: "2026-11-30T17:00:00Z")!).description  // "2026-11-30 18:00:00"
/// ```
public struct TimeZoneRules: Sendable, Hashable {
    /// The IANA name.
    public let identifier: String
    private let zone: TimeZone

    /// The zone named `identifier`, or `nil` when the name is unknown.
    public init?(identifier: String) {
        guard !identifier.isEmpty, let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = zone
    }

    /// Coordinated Universal Time.
    public static let utc = TimeZoneRules(fixedUTC: ())

    private init(fixedUTC: ()) {
        identifier = "UTC"
        zone = TimeZone(secondsFromGMT: 0) ?? TimeZone.current
    }

    /// Whether `identifier` names a time zone this machine knows.
    public static func isKnown(_ identifier: String) -> Bool { TimeZoneRules(identifier: identifier) != nil }

    /// The zone's offset from UTC, in seconds, at `instant`.
    public func offsetSeconds(at instant: Timestamp) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.millisecondsSince1970) / 1000))
    }

    /// The wall-clock date and time at `instant`, to the second.
    public func localDateTime(_ instant: Timestamp) -> LocalDateTime {
        let seconds = Self.floorDivide(instant.millisecondsSince1970, 1000) + Int64(offsetSeconds(at: instant))
        let days = Int(Self.floorDivide(seconds, 86_400))
        return LocalDateTime(date: CivilDate(daysSinceEpoch: days), secondOfDay: Int(seconds - Int64(days) * 86_400))
    }

    /// The local calendar date at `instant`.
    public func localDate(_ instant: Timestamp) -> CivilDate { localDateTime(instant).date }

    /// The instant at which the wall clock shows `local`.
    ///
    /// In a gap (clocks going forward) the time is read with the offset before the change; in an
    /// overlap (clocks going back) the earlier of the two instants is chosen.
    public func instant(_ local: LocalDateTime) -> Timestamp {
        let wall = Int64(local.secondsSinceEpoch)
        // A day either side lies beyond any single change of offset around `local`.
        let before = Int64(offsetSeconds(at: Timestamp(secondsSince1970: wall - 86_400)))
        let after = Int64(offsetSeconds(at: Timestamp(secondsSince1970: wall + 86_400)))
        for candidate in Set([wall - before, wall - after]).sorted()
        where localDateTime(Timestamp(secondsSince1970: candidate)) == local {
            return Timestamp(secondsSince1970: candidate)
        }
        return Timestamp(secondsSince1970: wall - before)
    }

    /// The instant local midnight begins `date`.
    public func startOfDay(_ date: CivilDate) -> Timestamp { instant(LocalDateTime(date: date, secondOfDay: 0)) }

    /// The instants of `date` in this zone: from its midnight up to the next.
    public func day(_ date: CivilDate) -> Range<Timestamp> { startOfDay(date)..<startOfDay(date.adding(days: 1)) }

    /// Compares by name.
    public static func == (lhs: TimeZoneRules, rhs: TimeZoneRules) -> Bool { lhs.identifier == rhs.identifier }

    /// Hashes the name.
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }
}

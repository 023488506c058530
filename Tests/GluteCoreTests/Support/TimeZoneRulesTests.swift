import Testing

@testable import GluteCore

/// The person's wall clock: instants to local time and back, across changes of offset.
///
/// Every instant and zone is named in the test, so the results do not depend on the machine's
/// own zone or clock. The offsets are those of the IANA database for 2026 (EU: last Sundays of
/// March and October at 01:00 UTC; US: second Sunday of March and first of November at 02:00 local).
@Suite struct TimeZoneRulesTests {
    static func zone(_ identifier: String) throws -> TimeZoneRules {
        try #require(TimeZoneRules(identifier: identifier), "\(identifier) is in the time-zone database")
    }

    static func instant(_ text: String) throws -> Timestamp {
        try #require(Timestamp(iso8601: text))
    }

    static func local(_ date: String, _ hour: Int, _ minute: Int, _ second: Int = 0) throws -> LocalDateTime {
        LocalDateTime(date: try #require(CivilDate(date)), hour: hour, minute: minute, second: second)
    }

    /// An instant, its zone, and the wall clock there.
    struct Reading: Sendable, CustomStringConvertible {
        var zone: String
        var instant: String
        var local: String
        var offset: Int
        var description: String { "\(instant) in \(zone)" }
    }

    static let readings: [Reading] = [
        Reading(zone: "UTC", instant: "2026-11-30T17:00:00Z", local: "2026-11-30 17:00:00", offset: 0),
        Reading(zone: "Europe/Berlin", instant: "2026-11-30T17:00:00Z", local: "2026-11-30 18:00:00", offset: 3600),
        Reading(zone: "Europe/Berlin", instant: "2026-07-01T22:30:00Z", local: "2026-07-02 00:30:00", offset: 7200),
        Reading(zone: "Europe/Berlin", instant: "2026-03-29T00:59:59Z", local: "2026-03-29 01:59:59", offset: 3600),
        Reading(zone: "Europe/Berlin", instant: "2026-03-29T01:00:00Z", local: "2026-03-29 03:00:00", offset: 7200),
        Reading(
            zone: "America/New_York", instant: "2026-03-08T06:59:59Z", local: "2026-03-08 01:59:59", offset: -18000),
        Reading(
            zone: "America/New_York", instant: "2026-03-08T07:00:00Z", local: "2026-03-08 03:00:00", offset: -14400),
        Reading(
            zone: "America/New_York", instant: "2026-01-01T03:00:00Z", local: "2025-12-31 22:00:00", offset: -18000),
        // Fourteen hours ahead of UTC: the local date is a day later for most of the UTC day.
        Reading(
            zone: "Pacific/Kiritimati", instant: "2026-11-30T10:00:00Z", local: "2026-12-01 00:00:00", offset: 50400),
        Reading(
            zone: "Pacific/Kiritimati", instant: "2026-11-30T09:59:59Z", local: "2026-11-30 23:59:59", offset: 50400),
        Reading(
            zone: "Pacific/Pago_Pago", instant: "2026-11-30T10:00:00Z", local: "2026-11-29 23:00:00", offset: -39600),
        Reading(zone: "Asia/Kathmandu", instant: "2026-11-30T18:15:00Z", local: "2026-12-01 00:00:00", offset: 20700),
        Reading(zone: "Europe/Berlin", instant: "1969-12-31T23:30:00Z", local: "1970-01-01 00:30:00", offset: 3600),
    ]

    @Test(arguments: readings)
    func anInstantReadsAsTheLocalClockAndBack(_ reading: Reading) throws {
        let zone = try Self.zone(reading.zone)
        let instant = try Self.instant(reading.instant)
        let local = zone.localDateTime(instant)
        #expect(local.description == reading.local)
        #expect(zone.offsetSeconds(at: instant) == reading.offset)
        #expect(zone.localDate(instant) == local.date)
        #expect(zone.instant(local) == instant, "a wall-clock time that occurs once names its instant")
    }

    @Test func theGapOfSpringReadsWithTheOffsetBeforeIt() throws {
        // Berlin 02:00-03:00 and New York 02:00-03:00 do not exist on these days.
        let berlin = try Self.zone("Europe/Berlin")
        let missing = try Self.local("2026-03-29", 2, 30)
        #expect(berlin.instant(missing) == (try Self.instant("2026-03-29T01:30:00Z")))
        #expect(berlin.localDateTime(berlin.instant(missing)).description == "2026-03-29 03:30:00")

        let newYork = try Self.zone("America/New_York")
        let gone = try Self.local("2026-03-08", 2, 15)
        #expect(newYork.instant(gone) == (try Self.instant("2026-03-08T07:15:00Z")))
        #expect(newYork.localDateTime(newYork.instant(gone)).description == "2026-03-08 03:15:00")
    }

    @Test func theOverlapOfAutumnTakesTheEarlierInstant() throws {
        // Berlin 02:00-03:00 on 25 October and New York 01:00-02:00 on 1 November happen twice.
        let berlin = try Self.zone("Europe/Berlin")
        let twice = try Self.local("2026-10-25", 2, 30)
        let first = try Self.instant("2026-10-25T00:30:00Z")
        let second = try Self.instant("2026-10-25T01:30:00Z")
        #expect(berlin.localDateTime(first) == twice)
        #expect(berlin.localDateTime(second) == twice)
        #expect(berlin.instant(twice) == first)
        #expect(berlin.offsetSeconds(at: first) == 7200)
        #expect(berlin.offsetSeconds(at: second) == 3600)

        let newYork = try Self.zone("America/New_York")
        let again = try Self.local("2026-11-01", 1, 30)
        #expect(newYork.instant(again) == (try Self.instant("2026-11-01T05:30:00Z")))
        #expect(newYork.localDateTime(try Self.instant("2026-11-01T06:30:00Z")) == again)
    }

    /// A zone, a date and how many hours it lasts there.
    struct DayLength: Sendable, CustomStringConvertible {
        var zone: String
        var date: String
        var hours: Double
        var start: String
        var description: String { "\(date) in \(zone)" }
    }

    static let days: [DayLength] = [
        DayLength(zone: "Europe/Berlin", date: "2026-03-29", hours: 23, start: "2026-03-28T23:00:00Z"),
        DayLength(zone: "Europe/Berlin", date: "2026-03-30", hours: 24, start: "2026-03-29T22:00:00Z"),
        DayLength(zone: "Europe/Berlin", date: "2026-10-25", hours: 25, start: "2026-10-24T22:00:00Z"),
        DayLength(zone: "Europe/Berlin", date: "2026-11-30", hours: 24, start: "2026-11-29T23:00:00Z"),
        DayLength(zone: "America/New_York", date: "2026-03-08", hours: 23, start: "2026-03-08T05:00:00Z"),
        DayLength(zone: "America/New_York", date: "2026-11-01", hours: 25, start: "2026-11-01T04:00:00Z"),
        DayLength(zone: "America/New_York", date: "2026-11-02", hours: 24, start: "2026-11-02T05:00:00Z"),
        DayLength(zone: "Pacific/Kiritimati", date: "2026-12-01", hours: 24, start: "2026-11-30T10:00:00Z"),
        DayLength(zone: "UTC", date: "2026-03-29", hours: 24, start: "2026-03-29T00:00:00Z"),
        // Havana changes at midnight: on 8 March the day begins at 01:00, on 1 November 00:00 comes twice.
        DayLength(zone: "America/Havana", date: "2026-03-08", hours: 23, start: "2026-03-08T05:00:00Z"),
        DayLength(zone: "America/Havana", date: "2026-11-01", hours: 25, start: "2026-11-01T04:00:00Z"),
        // Lord Howe Island moves by half an hour.
        DayLength(zone: "Australia/Lord_Howe", date: "2026-04-05", hours: 24.5, start: "2026-04-04T13:00:00Z"),
    ]

    @Test(arguments: days)
    func aDayRunsFromItsMidnightToTheNext(_ day: DayLength) throws {
        let zone = try Self.zone(day.zone)
        let date = try #require(CivilDate(day.date))
        let range = zone.day(date)
        #expect(range.lowerBound == (try Self.instant(day.start)))
        #expect(range.lowerBound == zone.startOfDay(date))
        #expect(range.upperBound == zone.startOfDay(date.adding(days: 1)))
        let milliseconds = range.upperBound.millisecondsSince1970 - range.lowerBound.millisecondsSince1970
        #expect(Double(milliseconds) / 3_600_000 == day.hours)
        // Every instant of the range is on that date, and the ones just outside are not.
        #expect(zone.localDate(range.lowerBound) == date)
        #expect(zone.localDate(range.upperBound.adding(seconds: -1)) == date)
        #expect(zone.localDate(range.lowerBound.adding(seconds: -1)) == date.adding(days: -1))
        #expect(zone.localDate(range.upperBound) == date.adding(days: 1))
    }

    @Test func everyInstantOfAYearReadsBackInEachZone() throws {
        // Each hour of 2026 and half an hour past it: the wall clock names that instant again,
        // except in an overlap, where it names the earlier one (which reads the same).
        for identifier in ["Europe/Berlin", "America/New_York", "Pacific/Kiritimati", "Australia/Lord_Howe"] {
            let zone = try Self.zone(identifier)
            var instant = try Self.instant("2026-01-01T00:00:00Z")
            while instant < (try Self.instant("2027-01-01T00:00:00Z")) {
                let local = zone.localDateTime(instant)
                let back = zone.instant(local)
                if back > instant || zone.localDateTime(back) != local {
                    Issue.record("\(identifier): \(instant) reads \(local), which names \(back)")
                }
                instant = instant.adding(seconds: 1800)
            }
        }
    }

    @Test func unknownNamesAreRefusedAndEqualityIsByName() throws {
        #expect(TimeZoneRules(identifier: "Mars/Olympus_Mons") == nil)
        #expect(TimeZoneRules(identifier: "") == nil)
        #expect(!TimeZoneRules.isKnown("Europe/Atlantis"))
        #expect(TimeZoneRules.isKnown("Europe/Berlin"))
        #expect(TimeZoneRules.utc.identifier == "UTC")
        #expect(TimeZoneRules.utc.offsetSeconds(at: try Self.instant("2026-07-01T12:00:00Z")) == 0)
        #expect(try Self.zone("Europe/Berlin") == (try Self.zone("Europe/Berlin")))
        #expect(try Self.zone("Europe/Berlin") != (try Self.zone("Europe/Paris")))
    }
}

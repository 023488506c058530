import Testing

@testable import GluteCore

/// The injected clock: a fixed clock answers its instant, and an unset one stops the process.
@Suite struct WallClockTests {
    @Test func aFixedClockAlwaysAnswersItsInstant() throws {
        let instant = try #require(Timestamp(iso8601: "2026-11-30T18:00:00Z"))
        let clock = WallClock.fixed(instant)
        #expect(clock.now() == instant)
        #expect(clock.now() == instant)
        #expect(clock.now().description == "2026-11-30T18:00:00Z")
        #expect(WallClock.fixed(Timestamp(millisecondsSince1970: -1)).now().description == "1969-12-31T23:59:59.999Z")
    }

    @Test func readingTheUnimplementedClockStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            _ = WallClock.unimplemented.now()
        }
    }
}

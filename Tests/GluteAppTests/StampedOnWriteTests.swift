import GluteApp
import GluteCore
import GluteStore
import Synchronization
import Testing

/// A set sent without a time is stamped when its write runs, so requests that overtake one
/// another on their way to the store are kept in the order written, none of them a correction.
@Suite struct StampedOnWriteTests {
    /// A clock one millisecond later at every reading, from 17:00 UTC on a working Monday.
    final class TickingClock: Sendable {
        private let milliseconds = Atomic<Int64>(Timestamp.at("2026-11-02T17:00:00Z").millisecondsSince1970)
        var wallClock: WallClock {
            WallClock { [self] in
                Timestamp(millisecondsSince1970: milliseconds.add(1, ordering: .relaxed).newValue)
            }
        }
    }

    static func clamshell(_ side: Side, at time: Timestamp) -> SetEntry {
        SetEntry(
            exerciseID: "clamshell", side: side, setCount: 2, reps: [12, 12], felt: .glutes, balance: .steady,
            pain: 0, performedAt: time)
    }

    @Test func aSetThatOvertakesAnotherIsNoCorrection() async throws {
        let ticking = TickingClock()
        let fixture = try AppFixture.make(
            start: .at("2026-11-02T17:00:00Z"), defaultTimeZone: "UTC", clock: ticking.wallClock)
        let me = try await fixture.assessedPerson()
        // Two requests read the clock in turn, then reach the store in the other order.
        let first = Self.clamshell(.left, at: ticking.wallClock.now())
        let second = Self.clamshell(.right, at: ticking.wallClock.now())
        let overtaking = try await fixture.app.logSet(me.id, second, stampedOnWrite: true)
        let overtaken = try await fixture.app.logSet(me.id, first, stampedOnWrite: true)
        #expect(!overtaking.recomputed && !overtaken.recomputed)
        #expect(overtaken.set.performedAt > overtaking.set.performedAt)
        #expect(overtaking.set.performedAt > second.performedAt, "stamped when written, not when asked")
        // Given its time, the same set would be a correction of the one written before it.
        let corrected = try await fixture.app.logSet(me.id, Self.clamshell(.left, at: first.performedAt))
        #expect(corrected.recomputed)
        let live = try await me.nextSignature()
        fixture.clock.set(.at("2026-11-02T17:30:00Z"))
        #expect(try await me.rebuiltNextSignature() == live)
        await fixture.close()
    }
}

internal import Foundation

/// Where every timestamp GluteCoach writes comes from: one clock, injected.
///
/// A person's creation, each plan version, each log, retest and deletion takes its time from the
/// clock the front end was built with. The command line builds it from `GLUTE_NOW` when that is
/// set; the server freezes it the same way; tests give a fixed or stepping clock. There is no
/// default: a test that forgets to set one gets ``unimplemented``, which stops the test run
/// with a message instead of reading the real time.
///
/// ```swift
/// let clock = WallClock.fixed(Timestamp(iso8601: "2026-11-30T18:00:00Z")!)
/// clock.now()   // 2026-11-30T18:00:00Z, every time
/// ```
public struct WallClock: Sendable {
    /// The current instant.
    public var now: @Sendable () -> Timestamp

    /// Creates a clock from a function.
    public init(now: @escaping @Sendable () -> Timestamp) {
        self.now = now
    }

    /// The machine's clock, to the millisecond.
    public static let system = WallClock {
        Timestamp(millisecondsSince1970: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }

    /// A clock that always answers `instant`.
    public static func fixed(_ instant: Timestamp) -> WallClock { WallClock { instant } }

    /// A clock that must not be read.
    ///
    /// Reading it stops the process with a message naming the missing set-up: for tests that
    /// mean to prove nothing reads the time.
    public static let unimplemented = WallClock {
        preconditionFailure("WallClock.unimplemented was read: give this test a fixed clock")
    }
}

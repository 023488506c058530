import GluteCore
import Synchronization

/// A clock the test moves by hand: it answers the instant last set, every time it is read.
///
/// The application only sees the ``wallClock`` (a `Mutex<Timestamp>` behind a `WallClock`), so
/// every timestamp it writes is one the test chose.
final class SteppingClock: Sendable {
    private let instant: Mutex<Timestamp>

    init(_ start: Timestamp) { instant = Mutex(start) }

    /// The clock the application is given.
    var wallClock: WallClock { WallClock { [self] in now } }

    /// The instant the clock shows.
    var now: Timestamp { instant.withLock { $0 } }

    /// Sets the clock to `time`.
    func set(_ time: Timestamp) { instant.withLock { $0 = time } }

    /// Moves the clock on by `seconds`.
    func advance(seconds: Int64) { instant.withLock { $0 = $0.adding(seconds: seconds) } }

    /// Sets the clock to `hour:minute` UTC on `date`.
    func set(_ date: CivilDate, _ hour: Int, _ minute: Int = 0) {
        set(Timestamp(date: date, hour: hour, minute: minute))
    }
}

extension CivilDate {
    /// A date from its text; the tests only write valid ones.
    static func on(_ text: String) -> CivilDate {
        guard let date = CivilDate(text) else { preconditionFailure("not a date: \(text)") }
        return date
    }
}

extension Timestamp {
    /// An instant from its ISO 8601 UTC text; the tests only write valid ones.
    static func at(_ text: String) -> Timestamp {
        guard let instant = Timestamp(iso8601: text) else { preconditionFailure("not an instant: \(text)") }
        return instant
    }
}

extension TimeZoneRules {
    /// The zone named `identifier`; the tests only name zones every machine knows.
    static func named(_ identifier: String) -> TimeZoneRules {
        guard let zone = TimeZoneRules(identifier: identifier) else {
            preconditionFailure("unknown zone \(identifier)")
        }
        return zone
    }
}

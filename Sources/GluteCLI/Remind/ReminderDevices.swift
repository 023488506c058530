internal import Foundation
internal import GluteCore

/// What the terminal reminder touches outside itself: the wall clock, sleeping, the keyboard,
/// the desktop notification and the time zone.
///
/// ``ReminderDevices/live(environment:)`` is the real
/// machine; tests pass a fake clock whose `sleep` only moves the clock on.
struct ReminderDevices: Sendable {
    /// The current instant on the wall clock.
    var now: @Sendable () -> Date
    /// Sleeps for a short while (one poll); may return late, for example after a suspend.
    var sleep: @Sendable (Duration) async -> Void
    /// Waits up to the timeout for one key press; `nil` when none came.
    var readKey: @Sendable (Duration) async -> Character?
    /// Shows a desktop notification with a title and a body; failures are ignored.
    var notify: @Sendable (String, String) -> Void
    /// The person's time zone, for working hours.
    var timeZone: TimeZone

    /// The wall-clock instant as a local date and time.
    func local(_ date: Date) -> LocalDateTime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day =
            CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CivilDate(daysSinceEpoch: 0)
        return LocalDateTime(date: day, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0)
    }

    /// The real machine in the person's zone: the system clock (or `GLUTE_NOW`'s fixed instant through `io.now`),
    /// `Task.sleep`, the terminal's keyboard and `notify-send` when it is on `PATH`.
    static func live(io: CommandIO, zone: TimeZoneRules) -> ReminderDevices {
        let notifier = DesktopNotifier(environment: io.environment)
        return ReminderDevices(
            now: io.now,
            sleep: { duration in try? await Task.sleep(for: duration) },
            readKey: { timeout in TerminalKeyReader.readKey(timeout: timeout) },
            notify: { title, body in notifier.send(title: title, body: body) },
            timeZone: TimeZone(identifier: zone.identifier) ?? .current)
    }
}

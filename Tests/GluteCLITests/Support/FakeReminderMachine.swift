import Foundation

@testable import GluteCLI

/// A fake machine for the reminder loop: a wall clock that only moves when the loop sleeps or
/// waits for a key, suspends that swallow time, scripted key presses, and captured output.
///
/// Safe to share across tasks because every property is read and written under `lock`.
final class FakeReminderMachine: @unchecked Sendable {
    private let lock = NSLock()
    private var clock: Date
    private var suspends: [(from: Date, to: Date)]
    private var keys: [Character?]
    private var text = ""
    private(set) var longestSleep: Duration = .zero
    private(set) var notifications: [String] = []

    /// - Parameters:
    ///   - start: the wall-clock instant the loop starts at.
    ///   - keys: the answers, in order; `nil` lets the answer time out.
    ///   - suspends: intervals during which the machine is asleep; a poll sleeping into one returns at its end.
    init(start: Date, keys: [Character?] = [], suspends: [(from: Date, to: Date)] = []) {
        clock = start
        self.keys = keys
        self.suspends = suspends
    }

    /// Everything the loop printed.
    var output: String { lock.withLock { text } }

    /// The injected devices, in UTC.
    var devices: ReminderDevices {
        ReminderDevices(
            now: { self.lock.withLock { self.clock } },
            sleep: { duration in self.sleep(duration) },
            readKey: { timeout in self.readKey(timeout) },
            notify: { title, body in self.lock.withLock { self.notifications.append("\(title): \(body)") } },
            timeZone: TimeZone(identifier: "UTC")!)
    }

    /// A command context writing into ``output``, on the same clock.
    var io: CommandIO {
        CommandIO.test(
            write: { text in self.lock.withLock { self.text += text } },
            now: { self.lock.withLock { self.clock } })
    }

    private func sleep(_ duration: Duration) {
        lock.withLock {
            longestSleep = max(longestSleep, duration)
            let target = clock.addingTimeInterval(Double(duration.components.seconds))
            if let index = suspends.firstIndex(where: { $0.from > clock && $0.from <= target }) {
                clock = suspends[index].to
                suspends.remove(at: index)
            } else {
                clock = target
            }
        }
    }

    private func readKey(_ timeout: Duration) -> Character? {
        lock.withLock {
            guard !keys.isEmpty, let key = keys.removeFirst() else {
                clock = clock.addingTimeInterval(Double(timeout.components.seconds))
                return nil
            }
            clock = clock.addingTimeInterval(5)
            return key
        }
    }

    /// `2026-11-02T10:00:00Z` as a date.
    static func instant(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)  // Tests pass well-formed literals only.
    }
}

internal import GluteCore
internal import Synchronization

/// Counts failed sign-ins per client address and per email in a sliding window, and refuses
/// more once either reaches the limit (429 with `Retry-After`).
///
/// Configurable because every test comes from 127.0.0.1.
final class SignInLimiter: Sendable {
    private let attempts: Int
    private let windowMilliseconds: Int64
    private let failures = Mutex([String: [Int64]]())

    init(attempts: Int, windowSeconds: Int) {
        self.attempts = attempts
        self.windowMilliseconds = Int64(windowSeconds) * 1000
    }

    /// The seconds to wait before another try for `keys` at `now`, or `nil` when one may try now.
    func retryAfter(_ keys: [String], now: Timestamp) -> Int? {
        let current = now.millisecondsSince1970
        return failures.withLock { failures in
            var wait: Int64 = 0
            for key in keys {
                let recent = (failures[key] ?? []).filter { current - $0 < windowMilliseconds }
                failures[key] = recent.isEmpty ? nil : recent
                if recent.count >= attempts, let oldest = recent.first {
                    wait = max(wait, oldest + windowMilliseconds - current)
                }
            }
            return wait > 0 ? Int((wait + 999) / 1000) : nil
        }
    }

    /// Records a failed sign-in for `keys`.
    func fail(_ keys: [String], now: Timestamp) {
        failures.withLock { failures in
            for key in keys { failures[key, default: []].append(now.millisecondsSince1970) }
            // Bounded memory: forget the oldest keys when many addresses try.
            if failures.count > 10_000 { failures.removeAll() }
        }
    }

    /// Forgets the failures of `keys` after a successful sign-in.
    func succeed(_ keys: [String]) {
        failures.withLock { failures in for key in keys { failures[key] = nil } }
    }
}

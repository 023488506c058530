internal import GluteCore
internal import GluteStore

/// Fixed-window counters in the store, inside the caller's write transaction.
///
/// Several servers sharing one database share the counts; one writer at a time makes the check
/// and the count one step, so concurrent attempts cannot slip past a limit.
struct RateLimiter {
    let tx: any StoreWriter
    let now: Timestamp

    /// Counts one attempt under each key, or throws ``AppError/Code/rateLimited`` (counting
    /// nothing) when any key has reached its limit in its current window.
    ///
    /// - Parameter what: the attempts in words, for the message ("sign-in attempts").
    func reserve(_ keys: [(key: String, limit: RateLimit)], what: String) throws {
        var counters: [RateLimitCounter] = []
        for (key, limit) in keys {
            var counter = RateLimitCounter(key: key, windowStart: now, attempts: 0)
            if let kept = try tx.rateLimitCounter(key),
                now < kept.windowStart.adding(milliseconds: limit.window.milliseconds)
            {
                counter = kept
            }
            guard counter.attempts < limit.attempts else {
                let end = counter.windowStart.adding(milliseconds: limit.window.milliseconds)
                let seconds = Int((end.millisecondsSince1970 - now.millisecondsSince1970 + 999) / 1000)
                throw AppError.rateLimited(what, retryAfter: seconds)
            }
            counter.attempts += 1
            counters.append(counter)
        }
        for counter in counters { try tx.saveRateLimitCounter(counter) }
    }

    /// Takes back one attempt counted under `key` (a success), if its window is still open.
    func release(_ key: String) throws {
        guard var counter = try tx.rateLimitCounter(key), counter.attempts > 0 else { return }
        counter.attempts -= 1
        try tx.saveRateLimitCounter(counter)
    }

    /// Forgets the count under `key` (the account signed in: its failures are forgiven).
    func clear(_ key: String) throws { try tx.deleteRateLimitCounter(key) }

    /// Removes counters whose window started more than `longest` ago: nothing counts them any more.
    func prune(longest: Duration) throws {
        try tx.deleteRateLimitCounters(before: now.adding(milliseconds: -longest.milliseconds))
    }

    /// The key counting sign-ins to the account with `email` (normalised; known or not).
    static func signInAccountKey(_ email: String) -> String { "signin:account:" + String(email.prefix(254)) }

    /// The key counting sign-ins from `address`.
    static func signInAddressKey(_ address: String) -> String { "signin:address:" + String(address.prefix(200)) }

    /// The key counting sign-ups from `address`.
    static func signUpAddressKey(_ address: String) -> String { "signup:address:" + String(address.prefix(200)) }
}

public import GluteCore

/// A fixed-window counter of attempts under one key, such as `signin:account:ana@example.com` or
/// `signin:address:127.0.0.1`.
///
/// Kept in the store, not in a server's memory, so that several servers sharing one database
/// share the limits.
public struct RateLimitCounter: Sendable, Hashable {
    /// What is counted, 1 to 300 characters.
    public var key: String
    /// When the current window began.
    public var windowStart: Timestamp
    /// Attempts counted in the window.
    public var attempts: Int

    /// Creates a counter.
    public init(key: String, windowStart: Timestamp, attempts: Int) {
        self.key = key
        self.windowStart = windowStart
        self.attempts = attempts
    }
}

public import GluteCore

/// A signed-in browser: the hash of its cookie's secret, and how long it lasts.
///
/// A session ends at ``expiresAt`` whatever happens, and earlier when unused for the idle time
/// the application allows after ``lastSeenAt``. The CSRF token is derived from the cookie's
/// secret, so it is bound to the session and needs no column.
public struct AuthSession: Sendable, Hashable, Identifiable {
    /// The identifier of a session (not secret).
    public typealias ID = Identifier<AuthSession>

    /// The identifier.
    public var id: ID
    /// The account signed in.
    public var accountID: Account.ID
    /// The BLAKE2b-256 hex of the cookie's secret, unique.
    public var tokenHash: String
    /// When it started (at sign-in).
    public var createdAt: Timestamp
    /// When it ends at the latest.
    public var expiresAt: Timestamp
    /// When it was last used, to the application's resolution.
    public var lastSeenAt: Timestamp

    /// Creates a session record.
    public init(
        id: ID, accountID: Account.ID, tokenHash: String, createdAt: Timestamp, expiresAt: Timestamp,
        lastSeenAt: Timestamp
    ) {
        self.id = id
        self.accountID = accountID
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastSeenAt = lastSeenAt
    }
}

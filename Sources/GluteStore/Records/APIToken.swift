public import GluteCore

/// A named API token of an account, for scripts: only its hash is kept.
public struct APIToken: Sendable, Hashable, Identifiable {
    /// The identifier of a token (not secret).
    public typealias ID = Identifier<APIToken>

    /// The identifier.
    public var id: ID
    /// The account it acts for.
    public var accountID: Account.ID
    /// The name its owner gave it, 1 to 100 characters.
    public var name: String
    /// The BLAKE2b-256 hex of the token's text, unique.
    public var tokenHash: String
    /// When it was made.
    public var createdAt: Timestamp
    /// When it was revoked; a revoked token opens nothing.
    public var revokedAt: Timestamp?

    /// Creates a token record.
    public init(
        id: ID, accountID: Account.ID, name: String, tokenHash: String, createdAt: Timestamp,
        revokedAt: Timestamp? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.name = name
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

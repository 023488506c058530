public import GluteCore

/// A coach's invitation: a code (kept as its hash) that one client accepts to become the coach's
/// client.
public struct Invitation: Sendable, Hashable, Identifiable {
    /// The identifier of an invitation (not secret).
    public typealias ID = Identifier<Invitation>

    /// The identifier.
    public var id: ID
    /// The coach's account.
    public var coachID: Account.ID
    /// The BLAKE2b-256 hex of the code, unique.
    public var codeHash: String
    /// The only email that may accept it, when the coach named one (normalised).
    public var email: String?
    /// When it was made.
    public var createdAt: Timestamp
    /// When it stops working.
    public var expiresAt: Timestamp
    /// The client account that accepted it (`nil` after that account was deleted).
    public var acceptedBy: Account.ID?
    /// When it was accepted.
    public var acceptedAt: Timestamp?
    /// When the coach revoked it.
    public var revokedAt: Timestamp?

    /// Creates an invitation record.
    public init(
        id: ID, coachID: Account.ID, codeHash: String, email: String?, createdAt: Timestamp, expiresAt: Timestamp,
        acceptedBy: Account.ID? = nil, acceptedAt: Timestamp? = nil, revokedAt: Timestamp? = nil
    ) {
        self.id = id
        self.coachID = coachID
        self.codeHash = codeHash
        self.email = email
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.acceptedBy = acceptedBy
        self.acceptedAt = acceptedAt
        self.revokedAt = revokedAt
    }

    /// Whether it can still be accepted at `time`: not accepted, not revoked, not expired.
    public func isOpen(at time: Timestamp) -> Bool { acceptedAt == nil && revokedAt == nil && time < expiresAt }
}

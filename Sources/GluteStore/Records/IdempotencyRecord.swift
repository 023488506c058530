public import GluteCore
public import GluteJSON

/// The answer a request with an `Idempotency-Key` got, kept so that a retry gets it again
/// instead of being carried out twice.
public struct IdempotencyRecord: Sendable, Equatable {
    /// The account that sent the request.
    public var accountID: Account.ID
    /// The key the client chose, 1 to 255 characters; unique per account.
    public var key: String
    /// The operation it was for (`logSet`), so that a key reused for another operation is refused.
    public var operation: String
    /// A digest of the request as first sent, when the caller gave one: a retry with another body
    /// is refused.
    public var fingerprint: String?
    /// The HTTP status of the answer.
    public var status: Int
    /// The body of the answer.
    public var body: JSONValue
    /// When it was first answered.
    public var createdAt: Timestamp

    /// Creates a record.
    public init(
        accountID: Account.ID, key: String, operation: String, fingerprint: String?, status: Int, body: JSONValue,
        createdAt: Timestamp
    ) {
        self.accountID = accountID
        self.key = key
        self.operation = operation
        self.fingerprint = fingerprint
        self.status = status
        self.body = body
        self.createdAt = createdAt
    }
}

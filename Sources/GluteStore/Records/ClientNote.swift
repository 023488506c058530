public import GluteCore

/// A coach's note about a client, seen only by that coach.
public struct ClientNote: Sendable, Hashable, Identifiable {
    /// The identifier of a note.
    public typealias ID = Identifier<ClientNote>

    /// The identifier.
    public var id: ID
    /// The coach who wrote it.
    public var coachID: Account.ID
    /// The client's person it is about.
    public var clientID: Person.ID
    /// The text, 1 to 4,000 characters.
    public var text: String
    /// When it was written.
    public var createdAt: Timestamp

    /// Creates a note record.
    public init(id: ID, coachID: Account.ID, clientID: Person.ID, text: String, createdAt: Timestamp) {
        self.id = id
        self.coachID = coachID
        self.clientID = clientID
        self.text = text
        self.createdAt = createdAt
    }
}

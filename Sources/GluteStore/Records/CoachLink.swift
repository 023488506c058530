public import GluteCore

/// A coach looking after a client, from the client's acceptance until either ends it.
///
/// A pair has at most one link in force; an ended link stays as history, and a new invitation
/// makes a new link.
public struct CoachLink: Sendable, Hashable, Identifiable {
    /// The identifier of a link.
    public typealias ID = Identifier<CoachLink>

    /// The identifier.
    public var id: ID
    /// The coach's account.
    public var coachID: Account.ID
    /// The client's account.
    public var clientID: Account.ID
    /// When the client accepted.
    public var since: Timestamp
    /// When the coach removed the client or the client left; `nil` while in force.
    public var endedAt: Timestamp?
    /// How many of the client's deletions the coach had seen when they last opened the client
    /// (the dashboard reports the ones since).
    public var deletionsSeen: Int

    /// Creates a link record.
    public init(
        id: ID, coachID: Account.ID, clientID: Account.ID, since: Timestamp, endedAt: Timestamp? = nil,
        deletionsSeen: Int = 0
    ) {
        self.id = id
        self.coachID = coachID
        self.clientID = clientID
        self.since = since
        self.endedAt = endedAt
        self.deletionsSeen = deletionsSeen
    }

    /// Whether the link is in force.
    public var isActive: Bool { endedAt == nil }
}

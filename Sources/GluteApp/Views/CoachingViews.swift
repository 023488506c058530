public import GluteCore
public import GluteJSON
public import GluteStore

/// A coach's invitation as listed: never its code.
public struct InvitationView: Sendable, Hashable {
    /// Where an invitation stands.
    public enum Status: String, Sendable, Hashable {
        /// It can be accepted.
        case open
        /// A client accepted it.
        case accepted
        /// The coach revoked it.
        case revoked
        /// Nobody accepted it in time.
        case expired
    }

    /// The identifier.
    public var id: Invitation.ID
    /// The only email that may accept it, if the coach named one.
    public var email: String?
    /// When it was made.
    public var createdAt: Timestamp
    /// When it stops working.
    public var expiresAt: Timestamp
    /// The client who accepted it.
    public var acceptedBy: Account.ID?
    /// Where it stands at the time it was read.
    public var status: Status

    /// The view of `invitation` at `time`.
    public init(_ invitation: Invitation, at time: Timestamp) {
        id = invitation.id
        email = invitation.email
        createdAt = invitation.createdAt
        expiresAt = invitation.expiresAt
        acceptedBy = invitation.acceptedBy
        status =
            invitation.acceptedAt != nil
            ? .accepted : invitation.revokedAt != nil ? .revoked : time >= invitation.expiresAt ? .expired : .open
    }

    /// `{ "id", "email", "createdAt", "expiresAt", "acceptedBy", "status" }`.
    public var jsonValue: JSONValue {
        .object([
            "id": .string(id.rawValue), "email": .optional(email, JSONValue.string),
            "createdAt": .string(createdAt.description), "expiresAt": .string(expiresAt.description),
            "acceptedBy": .optional(acceptedBy) { .string($0.rawValue) }, "status": .string(status.rawValue),
        ])
    }
}

/// A new invitation: its code is in the answer this once, and only its hash is kept.
public struct InvitationCreated: Sendable, Hashable {
    /// The invitation as listed.
    public var invitation: InvitationView
    /// The code a client accepts it with.
    public var code: String

    /// `{ "invitation": {...}, "code" }`.
    public var jsonValue: JSONValue { .object(["invitation": invitation.jsonValue, "code": .string(code)]) }
}

/// A client as their coach lists them.
public struct ClientSummary: Sendable, Hashable {
    /// The client's account (with the person's name and zone).
    public var account: AccountView
    /// When the client accepted the coach's invitation.
    public var since: Timestamp

    /// `{ "account": {...}, "since" }`.
    public var jsonValue: JSONValue { .object(["account": account.jsonValue, "since": .string(since.description)]) }
}

/// A coach's note about a client.
public struct ClientNoteView: Sendable, Hashable {
    /// The identifier.
    public var id: ClientNote.ID
    /// The text.
    public var text: String
    /// When it was written.
    public var createdAt: Timestamp

    /// The view of `note`.
    public init(_ note: ClientNote) {
        id = note.id
        text = note.text
        createdAt = note.createdAt
    }

    /// `{ "id", "text", "createdAt" }`.
    public var jsonValue: JSONValue {
        .object(["id": .string(id.rawValue), "text": .string(text), "createdAt": .string(createdAt.description)])
    }
}

/// Everything a coach sees of one client: findings, the plan in force, recent entries, progress
/// over four weeks, deletions and the coach's notes.
public struct ClientView: Sendable {
    /// The client.
    public var client: ClientSummary
    /// The latest assessment's findings, `nil` before the first.
    public var findings: JSONValue?
    /// The plan in force, `nil` before the first assessment.
    public var plan: PlanView?
    /// The latest entries, newest first.
    public var recent: [HistoryEntry]
    /// Progress over the last four weeks.
    public var progress: ProgressReport
    /// Every deletion of an entry, oldest first.
    public var deletions: [Deletion]
    /// The coach's notes, oldest first.
    public var notes: [ClientNoteView]

    /// `{ "client", "findings", "plan", "recent", "progress", "deletions", "notes" }`.
    public var jsonValue: JSONValue {
        .object([
            "client": client.jsonValue, "findings": findings ?? .null, "plan": .optional(plan, \.jsonValue),
            "recent": .array(recent.map(\.jsonValue)), "progress": progress.jsonValue,
            "deletions": .array(
                deletions.map {
                    .object([
                        "kind": .string($0.kind.rawValue), "id": .string($0.entryID),
                        "at": .string($0.deletedAt.description), "entry": $0.entry,
                    ])
                }), "notes": .array(notes.map(\.jsonValue)),
        ])
    }
}

public import GluteCore
public import GluteJSON

/// A record that an entry was deleted: what it was, and when; a coach sees these.
public struct Deletion: Sendable, Equatable, Identifiable {
    /// The identifier of a deletion record.
    public typealias ID = Identifier<Deletion>

    /// The kinds of entry a person can delete.
    public enum Kind: String, Sendable, CaseIterable, Hashable {
        /// A logged set.
        case set
        /// A logged wake-up call.
        case wakeUpCall
        /// A retest.
        case retest
    }

    /// The identifier.
    public var id: ID
    /// The person whose entry it was.
    public var personID: Person.ID
    /// What kind of entry.
    public var kind: Kind
    /// The deleted entry's identifier.
    public var entryID: String
    /// The entry as it was, in its export form.
    public var entry: JSONValue
    /// When it was deleted.
    public var deletedAt: Timestamp

    /// Creates a deletion record.
    public init(id: ID, personID: Person.ID, kind: Kind, entryID: String, entry: JSONValue, deletedAt: Timestamp) {
        self.id = id
        self.personID = personID
        self.kind = kind
        self.entryID = entryID
        self.entry = entry
        self.deletedAt = deletedAt
    }
}

public import GluteCore

/// A stored set: a ``SetEntry`` with its identifier and the person who did it.
///
/// The entry's fields read directly on the set (`set.pain`, `set.reps`).
@dynamicMemberLookup
public struct LoggedSet: Sendable, Hashable, Identifiable {
    /// The identifier of a logged set.
    public typealias ID = Identifier<LoggedSet>

    /// The identifier.
    public var id: ID
    /// The person who did the set.
    public var personID: Person.ID
    /// What was done.
    public var entry: SetEntry

    /// Creates a logged set record.
    public init(id: ID, personID: Person.ID, entry: SetEntry) {
        self.id = id
        self.personID = personID
        self.entry = entry
    }

    /// A field of the entry.
    public subscript<Value>(dynamicMember keyPath: KeyPath<SetEntry, Value>) -> Value {
        entry[keyPath: keyPath]
    }
}

public import GluteCore

/// A person whose training is stored: the single user of the CLI, or later a coach's client.
///
/// Accounts, roles and coach-client links will be separate records that point at a person, so
/// that everything below (assessments, plans, logs) keeps belonging to the person, not the login.
public struct Person: Sendable, Hashable, Identifiable {
    /// The identifier of a person.
    public typealias ID = Identifier<Person>

    /// The identifier.
    public var id: ID
    /// An optional display name, 1 to 200 characters.
    public var name: String?
    /// When the person was created.
    public var createdAt: Timestamp

    /// Creates a person record.
    public init(id: ID, name: String?, createdAt: Timestamp) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }
}

public import GluteCore

/// A person whose training is stored: the single user of the CLI, or an account's person on the
/// server (a coach's client among them).
///
/// Accounts, roles and coach-client links are separate records that point at a person, so that
/// everything below (assessments, plans, logs) keeps belonging to the person, not the login.
public struct Person: Sendable, Hashable, Identifiable {
    /// The identifier of a person.
    public typealias ID = Identifier<Person>

    /// The identifier.
    public var id: ID
    /// An optional display name, 1 to 200 characters.
    public var name: String?
    /// The person's time zone (an IANA name).
    ///
    /// Their today, wake-up window, progress weeks and calendar are computed in it. `nil` for a
    /// person made before zones were kept: the front end decides (the command line uses the
    /// machine's, which is where that person lived).
    public var timeZone: String?
    /// When the person was created.
    public var createdAt: Timestamp

    /// Creates a person record.
    public init(id: ID, name: String?, timeZone: String?, createdAt: Timestamp) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.createdAt = createdAt
    }

    /// The rules of ``timeZone``, else of `fallback` (UTC when neither is known to this machine).
    public func zone(fallback: String?) -> TimeZoneRules {
        timeZone.flatMap(TimeZoneRules.init(identifier:)) ?? fallback.flatMap(TimeZoneRules.init(identifier:)) ?? .utc
    }
}

public import GluteCore

/// A wake-up call that came while the person was sitting, and whether it was done or skipped.
///
/// A person has at most one wake-up call per instant.
public struct WakeUpCall: Sendable, Hashable, Identifiable {
    /// The identifier of a wake-up call.
    public typealias ID = Identifier<WakeUpCall>

    /// The identifier.
    public var id: ID
    /// The person.
    public var personID: Person.ID
    /// When the call came.
    public var at: Timestamp
    /// Done or skipped.
    public var outcome: WakeUpOutcome

    /// Creates a wake-up call record.
    public init(id: ID, personID: Person.ID, at: Timestamp, outcome: WakeUpOutcome) {
        self.id = id
        self.personID = personID
        self.at = at
        self.outcome = outcome
    }
}

public import GluteCore

/// A logged answer to a wake-up call: when it was logged, done or skipped, and the call it
/// answered.
///
/// Several logs may answer one call (five taps in five minutes are one call); a log outside
/// working hours answers none: it is kept, and does not count toward adherence.
public struct WakeUpCall: Sendable, Hashable, Identifiable {
    /// The identifier of a wake-up call log.
    public typealias ID = Identifier<WakeUpCall>

    /// The identifier.
    public var id: ID
    /// The person.
    public var personID: Person.ID
    /// When it was logged.
    public var at: Timestamp
    /// Done or skipped.
    public var outcome: WakeUpOutcome
    /// The scheduled call it answered, or `nil` outside working hours.
    public var answers: Timestamp?

    /// Creates a wake-up call record.
    public init(id: ID, personID: Person.ID, at: Timestamp, outcome: WakeUpOutcome, answers: Timestamp?) {
        self.id = id
        self.personID = personID
        self.at = at
        self.outcome = outcome
        self.answers = answers
    }
}

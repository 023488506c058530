public import GluteCore
public import GluteJSON

/// The result of retaking one self-test, for example the single-leg bridge on both sides.
public struct Retest: Sendable, Equatable, Identifiable {
    /// The identifier of a retest.
    public typealias ID = Identifier<Retest>

    /// The identifier.
    public var id: ID
    /// The person.
    public var personID: Person.ID
    /// Which test.
    public var kind: RetestKind
    /// The result, in the shape the assessment format gives that test (validated by its decoder).
    public var result: JSONValue
    /// When the test was taken.
    public var takenAt: Timestamp

    /// Creates a retest record.
    public init(id: ID, personID: Person.ID, kind: RetestKind, result: JSONValue, takenAt: Timestamp) {
        self.id = id
        self.personID = personID
        self.kind = kind
        self.result = result
        self.takenAt = takenAt
    }
}

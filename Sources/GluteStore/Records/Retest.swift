public import GluteCore

/// The result of retaking one self-test, for example the single-leg bridge on the left side.
public struct Retest: Sendable, Hashable, Identifiable {
    /// The identifier of a retest.
    public typealias ID = Identifier<Retest>

    /// The identifier.
    public var id: ID
    /// The person.
    public var personID: Person.ID
    /// The test's name as the assessment format spells it (for example `singleLegBridge`), 1 to 100 characters.
    public var testName: String
    /// The side tested, or `nil` for a test without sides.
    public var side: Side?
    /// The result as JSON text.
    public var resultJSON: String
    /// When the test was taken.
    public var takenAt: Timestamp

    /// Creates a retest record.
    public init(id: ID, personID: Person.ID, testName: String, side: Side?, resultJSON: String, takenAt: Timestamp) {
        self.id = id
        self.personID = personID
        self.testName = testName
        self.side = side
        self.resultJSON = resultJSON
        self.takenAt = takenAt
    }
}

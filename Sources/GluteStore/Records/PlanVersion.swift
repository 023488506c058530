public import GluteCore

/// One version of a person's plan.
///
/// Versions count up from 1 per person and are never changed;
/// each new version records why it was made.
public struct PlanVersion: Sendable, Hashable, Identifiable {
    /// The identifier of a plan version.
    public typealias ID = Identifier<PlanVersion>

    /// The identifier.
    public var id: ID
    /// The person the plan belongs to.
    public var personID: Person.ID
    /// The version number, 1 for the first plan.
    public var version: Int
    /// The plan document as JSON text.
    public var planJSON: String
    /// Why this version was made (for example "initial assessment" or "retest passed"), 1 to 500 characters.
    public var reason: String
    /// When the version was saved.
    public var createdAt: Timestamp
    /// The assessment this version was generated from, if any; it belongs to the same person.
    public var assessmentID: AssessmentRecord.ID?

    /// Creates a plan version record.
    public init(
        id: ID, personID: Person.ID, version: Int, planJSON: String, reason: String,
        createdAt: Timestamp, assessmentID: AssessmentRecord.ID?
    ) {
        self.id = id
        self.personID = personID
        self.version = version
        self.planJSON = planJSON
        self.reason = reason
        self.createdAt = createdAt
        self.assessmentID = assessmentID
    }
}

public import GluteCore

/// One version of a person's plan: an active plan, or a stop that sends the person to a clinician.
///
/// Versions count up from 1 per person and are never changed; each records why it was made and,
/// when a logged entry caused it (pain that swapped an exercise, pain or numbness that stopped the
/// plan), which entries did, so that deleting a mistaken entry can lift what it alone raised.
public struct PlanVersion: Sendable, Equatable, Identifiable {
    /// The identifier of a plan version.
    public typealias ID = Identifier<PlanVersion>

    /// Whether a version prescribes training.
    public enum Status: Sendable, Equatable {
        /// The plan is in force.
        case active(Plan)
        /// Nothing is prescribed until a new assessment passes the screen: see a clinician.
        case stopped(reason: String)
    }

    /// The identifier.
    public var id: ID
    /// The person the plan belongs to.
    public var personID: Person.ID
    /// The version number, 1 for the first plan.
    public var version: Int
    /// The plan, or the stop and its reason.
    public var status: Status
    /// Why this version was made (for example "first assessment" or "retest passed"), 1 to 500 characters.
    public var reason: String
    /// When the version was saved; it is in force from then until the next version.
    public var createdAt: Timestamp
    /// The assessment this version was generated from, if any; it belongs to the same person.
    public var assessmentID: AssessmentRecord.ID?
    /// The logged entries that caused this version (a pain swap or a stop), if any.
    public var causes: [String]

    /// Creates a plan version record.
    public init(
        id: ID, personID: Person.ID, version: Int, status: Status, reason: String, createdAt: Timestamp,
        assessmentID: AssessmentRecord.ID?, causes: [String] = []
    ) {
        self.id = id
        self.personID = personID
        self.version = version
        self.status = status
        self.reason = reason
        self.createdAt = createdAt
        self.assessmentID = assessmentID
        self.causes = causes
    }

    /// The plan when the version is active, `nil` when it is a stop.
    public var plan: Plan? {
        if case .active(let plan) = status { return plan }
        return nil
    }

    /// The reason to see a clinician when the version is a stop.
    public var stopReason: String? {
        if case .stopped(let reason) = status { return reason }
        return nil
    }
}

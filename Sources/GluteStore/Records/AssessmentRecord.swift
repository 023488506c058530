public import GluteCore

/// One assessment a person took: the input exactly as given and the engine's output.
///
/// Both documents are kept as JSON text, byte for byte, so a later version of the engine can read
/// old input again and an export carries exactly what the person entered.
public struct AssessmentRecord: Sendable, Hashable, Identifiable {
    /// The identifier of an assessment.
    public typealias ID = Identifier<AssessmentRecord>

    /// The identifier.
    public var id: ID
    /// The person who took it.
    public var personID: Person.ID
    /// When it was taken.
    public var takenAt: Timestamp
    /// The assessment input document, as given.
    public var inputJSON: String
    /// The findings and plan the engine produced, as JSON text.
    public var outputJSON: String

    /// Creates an assessment record.
    public init(id: ID, personID: Person.ID, takenAt: Timestamp, inputJSON: String, outputJSON: String) {
        self.id = id
        self.personID = personID
        self.takenAt = takenAt
        self.inputJSON = inputJSON
        self.outputJSON = outputJSON
    }
}

public import GluteCore
public import GluteJSON

/// One assessment a person took: the input as given and the engine's output.
///
/// The input text is kept byte for byte, so a later version of the engine can read old input
/// again; exports embed both documents as JSON values.
public struct AssessmentRecord: Sendable, Equatable, Identifiable {
    /// The identifier of an assessment.
    public typealias ID = Identifier<AssessmentRecord>

    /// The identifier.
    public var id: ID
    /// The person who took it.
    public var personID: Person.ID
    /// When it was taken.
    public var takenAt: Timestamp
    /// The assessment input document, as given.
    public var inputText: String
    /// The findings and plan the engine produced.
    public var output: JSONValue

    /// Creates an assessment record.
    public init(id: ID, personID: Person.ID, takenAt: Timestamp, inputText: String, output: JSONValue) {
        self.id = id
        self.personID = personID
        self.takenAt = takenAt
        self.inputText = inputText
        self.output = output
    }

    /// The input document, parsed (`null` when the text is no longer JSON, which the store never lets in).
    public var input: JSONValue { (try? JSONValue.parse(inputText)) ?? .null }

    /// The finding codes of the output.
    public var findingCodes: [String] {
        (output.objectValue?["findings"]?.arrayValue ?? []).compactMap { $0.objectValue?["code"]?.stringValue }
    }
}

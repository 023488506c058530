/// A value in an input document that breaks its format, named by the path of its field.
///
/// The path uses dots between keys and brackets for array positions, for example
/// `tests.singleLegBridge.left.reps` or `profile.equipment[2]`. A document that is not JSON at
/// all is reported on the field `(document)`.
public struct FieldError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path of the offending field.
    public let field: String
    /// Why the value is not accepted, in plain words.
    public let message: String

    /// Creates an error for `field`.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// The error as one line: `<field>: <message>`.
    public var description: String { "\(field): \(message)" }

    /// The path used for errors about the document as a whole.
    public static let documentField = "(document)"

    /// An error for a document that is not valid JSON.
    public static func syntax(_ error: JSONSyntaxError) -> FieldError {
        FieldError(field: documentField, message: error.description)
    }
}

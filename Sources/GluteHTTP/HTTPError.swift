public import GluteJSON

/// The ready-made ``HTTPResponseError``: a status, a message for the client and an optional field.
///
/// ```swift
/// guard let id = context.parameters["id"] else { throw HTTPError(.badRequest, message: "missing id") }
/// throw HTTPError(.notFound, message: "no such client")
/// ```
public struct HTTPError: HTTPResponseError, Sendable, Equatable, CustomStringConvertible {
    /// The status to answer with.
    public var status: HTTPStatus
    /// The message for the client.
    public var message: String
    /// The request field the error is about, or `nil`.
    public var field: String?
    /// Extra response header fields.
    public var headers: HTTPHeaders

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - status: The status to answer with.
    ///   - message: The message for the client; the status's reason phrase in lower case when `nil`.
    ///   - field: The request field the error is about.
    ///   - headers: Extra response header fields.
    public init(_ status: HTTPStatus, message: String? = nil, field: String? = nil, headers: HTTPHeaders = [:]) {
        self.status = status
        self.message = message ?? status.reasonPhrase.lowercased()
        self.field = field
        self.headers = headers
    }

    /// A 400 for a field the JSON reader refused, naming the field.
    public init(_ fieldError: FieldError) {
        self.init(.badRequest, message: fieldError.message, field: fieldError.field)
    }

    /// `404 Not Found: no such client`.
    public var description: String { "\(status): \(message)" + (field.map { " (field \($0))" } ?? "") }
}

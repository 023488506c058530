public import GluteJSON

/// The metadata every API route carries: its operationId, who may call it, and what the OpenAPI
/// document says about it.
///
/// The initializer has no default for ``access``, so a route without an access decision does not
/// compile. The server's ``AccessMiddleware`` and the ``OpenAPIDocument`` read the same value.
///
/// ```swift
/// router.add(.get, "/api/me/today", metadata: Operation("getToday", access: .account, summary: "Today", response: .object)) { ... }
/// ```
public struct Operation: Sendable {
    /// The operationId, such as `getToday`.
    public var id: String
    /// Who may call it.
    public var access: Access
    /// A one-line summary.
    public var summary: String
    /// The OpenAPI tag (the group in the document).
    public var tag: String
    /// The status of a successful answer.
    public var status: Int
    /// The JSON schema of the request body, or `nil` when the operation takes none.
    public var request: JSONValue?
    /// The media type of the request body.
    public var requestType: String
    /// Whether a body is required when ``request`` is given.
    public var requestRequired: Bool
    /// The schema of the successful answer.
    public var response: JSONValue
    /// The media type of the successful answer.
    public var responseType: String
    /// The query parameters: name, schema, description.
    public var query: [(name: String, schema: JSONValue, description: String)]
    /// Whether it honours `Idempotency-Key`.
    public var idempotent: Bool

    /// Creates an operation.
    ///
    /// - Parameters:
    ///   - id: The operationId.
    ///   - access: Who may call it: required, never defaulted.
    ///   - summary: One line for the document.
    ///   - tag: The group in the document.
    ///   - status: The success status (200 unless given).
    ///   - request: The body's schema, if it takes a body.
    ///   - requestType: The body's media type.
    ///   - requestRequired: Whether the body must be sent.
    ///   - response: The success body's schema.
    ///   - responseType: The success body's media type.
    ///   - query: The query parameters.
    ///   - idempotent: Whether `Idempotency-Key` is honoured.
    public init(
        _ id: String, access: Access, summary: String, tag: String, status: Int = 200, request: JSONValue? = nil,
        requestType: String = "application/json", requestRequired: Bool = true, response: JSONValue,
        responseType: String = "application/json", query: [(name: String, schema: JSONValue, description: String)] = [],
        idempotent: Bool = false
    ) {
        self.id = id
        self.access = access
        self.summary = summary
        self.tag = tag
        self.status = status
        self.request = request
        self.requestType = requestType
        self.requestRequired = requestRequired
        self.response = response
        self.responseType = responseType
        self.query = query
        self.idempotent = idempotent
    }
}

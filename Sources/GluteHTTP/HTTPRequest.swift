/// A request as the server received it: method, path, query, headers, body and the client's address.
///
/// The body is complete when a handler sees the request: the server reads it first, within the
/// route's body limit (see ``Router/add(_:_:metadata:bodyLimit:handler:)``).
///
/// ```swift
/// let request = HTTPRequest(method: .get, target: "/api/today?date=2026-03-01")
/// request.path           // "/api/today"
/// request.query["date"]  // "2026-03-01"
/// ```
public struct HTTPRequest: Sendable {
    /// The method.
    public var method: HTTPMethod
    /// The path as sent, still percent-encoded, without the query string: `/api/clients/a%20b`.
    ///
    /// The router decodes each segment before matching it; logs show this form.
    public var path: String
    /// The decoded query parameters.
    public var query: QueryParameters
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body bytes (empty when there is none).
    public var body: [UInt8]
    /// The client's IP address in text form, for example `127.0.0.1`.
    public var remoteAddress: String

    /// Creates a request.
    public init(
        method: HTTPMethod,
        path: String,
        query: QueryParameters = [:],
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        remoteAddress: String = "127.0.0.1"
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// Creates a request from a request target with an optional query string, as written on the
    /// request line (`/api/x?a=1`); handy in tests.
    public init(
        method: HTTPMethod,
        target: String,
        headers: HTTPHeaders = [:],
        body: [UInt8] = [],
        remoteAddress: String = "127.0.0.1"
    ) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.init(
            method: method,
            path: String(parts[0]),
            query: parts.count > 1 ? QueryParameters(parsing: parts[1]) : [:],
            headers: headers,
            body: body,
            remoteAddress: remoteAddress
        )
    }

    /// The cookies the client sent in its `Cookie` header fields.
    public var cookies: RequestCookies { RequestCookies(headers.values(for: "Cookie")) }
}

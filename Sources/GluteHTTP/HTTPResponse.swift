/// A response: status, header fields and body.
///
/// The server adds `Content-Length`, `Date` and `X-Request-Id` itself; a `Content-Length` or
/// `Transfer-Encoding` set here is ignored.
///
/// ```swift
/// return HTTPResponse(status: .created, headers: ["Location": "/api/clients/7"])
/// return HTTPResponse.json(["ok": true])
/// ```
public struct HTTPResponse: Sendable {
    /// The status.
    public var status: HTTPStatus
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body; libmicrohttpd leaves it out for `HEAD` requests and for statuses that have none.
    public var body: HTTPBody

    /// Creates a response.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: HTTPBody = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A `text/plain; charset=utf-8` response.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: HTTPBody(text))
    }

    /// Adds a `Set-Cookie` field for `cookie`.
    public mutating func setCookie(_ cookie: SetCookie) {
        headers.add("Set-Cookie", cookie.headerValue)
    }
}

/// A value a route handler can return, turned into the response in one place.
///
/// ``HTTPResponse`` is returned as it is; a `JSONValue` or `JSONObject` becomes a 200 JSON
/// response. Conform your own result types to return them directly from handlers.
///
/// ```swift
/// extension TodayView: ResponseGenerator {
///     func response() throws -> HTTPResponse { .json(jsonValue) }
/// }
/// ```
public protocol ResponseGenerator {
    /// The response for this value.
    ///
    /// - Throws: Anything; an ``HTTPResponseError`` chooses its status, any other error is a 500.
    func response() throws -> HTTPResponse
}

extension HTTPResponse: ResponseGenerator {
    /// This response.
    public func response() -> HTTPResponse { self }
}

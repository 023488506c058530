import GluteJSON

/// Everything between the socket and the responder: the request id, the context, the mapping of
/// errors to responses in one place, and the one log line per request.
///
/// ``HTTPServer`` runs every request through one; tests run requests through one directly, with
/// no socket, and see exactly what a client would.
///
/// ```swift
/// let pipeline = HTTPPipeline(responder: try router.buildResponder(), logSink: sink)
/// let response = await pipeline.respond(to: HTTPRequest(method: .get, target: "/api/today"))
/// #expect(response.status == .ok)
/// ```
public struct HTTPPipeline: Sendable {
    /// Where request lines and handler logs go.
    public let logSink: LogSink
    private let requestIDs: RequestIDSource
    /// The body limit ``respond(to:)`` applies where the responder sets none.
    public let defaultBodyLimit: Int
    private let limit: @Sendable (HTTPMethod, String) -> Int?
    private let run: @Sendable (HTTPRequest, CoreSeed) async throws -> HTTPResponse
    private let ready: @Sendable (HTTPRequest) -> HTTPResponse?

    /// The values a context is created from.
    struct CoreSeed: Sendable {
        let requestID: String
        let logger: RequestLogger
    }

    /// Creates a pipeline around a responder.
    ///
    /// - Parameters:
    ///   - responder: Answers the requests, usually a ``RouterResponder``.
    ///   - logSink: Receives one `request` line per request and the handlers' logs.
    ///   - requestIDs: Makes ids for requests without a valid `X-Request-Id`.
    ///   - defaultBodyLimit: The body limit ``respond(to:)`` applies where the responder sets none;
    ///     ``HTTPServer`` applies its ``HTTPServer/Configuration/defaultBodyLimit`` instead.
    public init<Responder: HTTPResponder>(
        responder: Responder,
        logSink: LogSink = .discard,
        requestIDs: RequestIDSource = .random,
        defaultBodyLimit: Int = 1 << 20
    ) {
        self.logSink = logSink
        self.defaultBodyLimit = defaultBodyLimit
        self.requestIDs = requestIDs
        limit = { responder.bodyLimit(method: $0, path: $1) }
        ready = { responder.readyResponse(to: $0) }
        run = { request, seed in
            let core = CoreRequestContext<Responder.Context.Metadata>(
                requestID: seed.requestID,
                logger: seed.logger,
                remoteAddress: request.remoteAddress
            )
            return try await responder.respond(to: request, context: Responder.Context(core: core))
        }
    }

    /// Handles a request completely, as the server would, and logs its line.
    ///
    /// The request's body limit is enforced too (413), as the server does before reading a body.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        let started = monotonicNanoseconds()
        let requestID = requestID(for: request.headers)
        var outcome: Outcome
        if request.body.count > bodyLimit(method: request.method, path: request.path) ?? defaultBodyLimit {
            outcome = Outcome(response: Self.errorResponse(Self.bodyTooLarge, requestID: requestID).response)
        } else if let answer = readyOutcome(request, requestID: requestID) {
            outcome = answer
        } else {
            outcome = await handle(request, requestID: requestID)
        }
        logRequest(
            RequestSummary(
                requestID: requestID,
                method: request.method,
                path: request.path,
                remoteAddress: request.remoteAddress,
                status: outcome.response.status.code,
                bytesIn: request.body.count,
                bytesOut: request.method == .head ? 0 : outcome.response.body.count,
                startedNanoseconds: started,
                errorDetail: outcome.errorDetail,
                termination: nil
            ))
        return outcome.response
    }

    /// The response and, for errors the client does not see in full, what the log should say.
    struct Outcome: Sendable {
        var response: HTTPResponse
        var errorDetail: String?
    }

    /// The id to use: the incoming `X-Request-Id` when valid, otherwise a new one.
    func requestID(for headers: HTTPHeaders) -> String {
        if let incoming = headers["X-Request-Id"], RequestIDSource.isValid(incoming) { return incoming }
        return requestIDs.next()
    }

    func bodyLimit(method: HTTPMethod, path: String) -> Int? { limit(method, path) }

    /// Runs the responder and maps whatever it throws; never throws itself.
    func handle(_ request: HTTPRequest, requestID: String) async -> Outcome {
        let seed = CoreSeed(requestID: requestID, logger: RequestLogger(sink: logSink, requestID: requestID))
        do {
            var response = try await run(request, seed)
            response.headers["X-Request-Id"] = requestID
            return Outcome(response: response)
        } catch {
            return Self.errorResponse(error, requestID: requestID)
        }
    }

    /// The responder's ready answer (``HTTPResponder/readyResponse(to:)``), with the request id,
    /// or `nil` when the request must go through ``handle(_:requestID:)``.
    func readyOutcome(_ request: HTTPRequest, requestID: String) -> Outcome? {
        guard var response = ready(request) else { return nil }
        response.headers["X-Request-Id"] = requestID
        return Outcome(response: response)
    }

    static let bodyTooLarge = HTTPError(.contentTooLarge, message: "the request body is too large")

    /// The one place errors become responses.
    ///
    /// An ``HTTPResponseError`` gives its status, headers, message and field; anything else is a
    /// 500 with the message "internal error", and its description is returned for the log only.
    static func errorResponse(_ error: any Error, requestID: String) -> Outcome {
        let status: HTTPStatus
        var headers: HTTPHeaders
        var body: JSONObject
        var detail: String? = nil
        if let error = error as? any HTTPResponseError {
            status = error.status
            headers = error.headers
            body = ["message": .string(error.message)]
            if let field = error.field { body["field"] = .string(field) }
        } else {
            status = .internalServerError
            headers = [:]
            body = ["message": "internal error"]
            detail = String(describing: error)
        }
        headers["X-Request-Id"] = requestID
        let response = HTTPResponse.json(.object(["error": .object(body)]), status: status, headers: headers)
        return Outcome(response: response, errorDetail: detail)
    }

    /// What one request's log line reports.
    struct RequestSummary {
        var requestID: String
        var method: HTTPMethod
        var path: String
        var remoteAddress: String
        /// The status sent, or 0 when the connection closed before a response.
        var status: Int
        var bytesIn: Int
        var bytesOut: Int
        var startedNanoseconds: UInt64
        var errorDetail: String?
        /// How libmicrohttpd ended the request when not normally (`timeout`, `client-abort`).
        var termination: String?
    }

    /// Writes the request's one log line: time, request id, method, path without the query, status, duration in
    /// microseconds, bytes in and out, client address.
    ///
    /// Never a header value, a cookie, a query string or a body.
    func logRequest(_ summary: RequestSummary) {
        guard logSink.accepts(.info) else { return }
        let duration = (monotonicNanoseconds() &- summary.startedNanoseconds) / 1000
        var fields: [LogField] = [
            LogField("request_id", summary.requestID),
            LogField("method", summary.method.rawValue),
            LogField("path", summary.path),
            LogField("status", String(summary.status)),
            LogField("duration_us", String(duration)),
            LogField("bytes_in", String(summary.bytesIn)),
            LogField("bytes_out", String(summary.bytesOut)),
            LogField("remote", summary.remoteAddress),
        ]
        if let termination = summary.termination { fields.append(LogField("termination", termination)) }
        if let detail = summary.errorDetail { fields.append(LogField("error", detail)) }
        logSink.log(LogRecord(level: .info, message: "request", fields: fields))
    }
}

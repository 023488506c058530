/// A step every request passes through on its way to the route handler.
///
/// Middleware run in the order they were added to the ``Router``, the first outermost. Each gets
/// the request and the context, and either answers by itself (a failed sign-in check) or calls
/// `next` with the request and context, possibly changed, and may then change the response. The
/// route is matched *before* the middleware run, so ``RequestContext/route`` tells a middleware
/// which route (and which metadata, such as an access policy) the request is for; it is `nil`
/// when nothing matched and `next` is about to throw a 404 or 405.
///
/// ```swift
/// struct RequireSignIn: HTTPMiddleware {
///     func handle(
///         _ request: HTTPRequest, context: AppContext,
///         next: (HTTPRequest, AppContext) async throws -> HTTPResponse
///     ) async throws -> HTTPResponse {
///         guard context.route?.metadata.access != .signedIn || context.identity != nil else {
///             throw HTTPError(.unauthorized, message: "sign in first")
///         }
///         return try await next(request, context)
///     }
/// }
/// ```
public protocol HTTPMiddleware<Context>: Sendable {
    /// The app's request context.
    associatedtype Context: RequestContext

    /// Handles a request, usually by calling `next`.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - context: The request's context.
    ///   - next: The rest of the chain, ending in the route handler.
    /// - Returns: The response.
    /// - Throws: Any error; the server maps it to a response in one place (see ``HTTPResponseError``).
    func handle(
        _ request: HTTPRequest,
        context: Context,
        next: (HTTPRequest, Context) async throws -> HTTPResponse
    ) async throws -> HTTPResponse
}

/// What the server asks of whatever answers requests; ``RouterResponder`` is the usual one.
public protocol HTTPResponder: Sendable {
    /// The app's request context.
    associatedtype Context: RequestContext

    /// The largest request body, in bytes, accepted for `method` and `path`, or `nil` for the
    /// server's ``HTTPServer/Configuration/defaultBodyLimit``.
    ///
    /// The server asks as soon as the request line is read, before any body byte, so that an
    /// oversized upload is refused with 413 without being read.
    func bodyLimit(method: HTTPMethod, path: String) -> Int?

    /// Answers a request whose body has been read in full.
    ///
    /// - Throws: Any error; ``HTTPResponseError`` values choose the status, others become a 500.
    func respond(to request: HTTPRequest, context: Context) async throws -> HTTPResponse

    /// An answer that is ready now, such as a cache hit, or `nil` to answer through
    /// ``respond(to:context:)`` as usual.
    ///
    /// The server asks first, on the connection's event-loop thread, before it makes the request's
    /// task: a ready answer costs no task and no suspension. It must not block or wait, and it
    /// must give exactly what ``respond(to:context:)`` would (the same checks, the same body). The
    /// default answers nothing ready.
    func readyResponse(to request: HTTPRequest) -> HTTPResponse?
}

extension HTTPResponder {
    /// Nothing is ready: every request goes through ``respond(to:context:)``.
    public func readyResponse(to request: HTTPRequest) -> HTTPResponse? { nil }
}

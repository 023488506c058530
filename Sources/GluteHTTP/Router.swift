/// Routes requests by method and path pattern to handlers, through middleware.
///
/// Every route carries a `Metadata` value (the context's ``RequestContext/Metadata``), so the
/// app can attach an access policy and API documentation to each route and no route can be
/// registered without one. Patterns are literal segments and `{name}` parameters; a path that
/// matches some route but not the method is a 405 with `Allow`, a path that matches none a 404.
///
/// ```swift
/// var router = Router<AppContext>()
/// router.add(middleware: RequireSignIn())
/// router.add(.get, "/api/clients/{id}/notes", metadata: .coach("List a client's notes")) { request, context in
///     let id = try context.parameters.require("id")
///     return try await notes.list(client: id)   // a ResponseGenerator, such as a JSONValue
/// }
/// let responder = try router.buildResponder()
/// ```
///
/// ## Topics
/// - ``add(_:_:metadata:bodyLimit:handler:)``
/// - ``add(middleware:)``
/// - ``routes``
/// - ``buildResponder()``
public struct Router<Context: RequestContext>: Sendable {
    /// The metadata every route carries.
    public typealias Metadata = Context.Metadata
    /// A route handler after its result has been turned into a response.
    public typealias Handler = @Sendable (HTTPRequest, Context) async throws -> HTTPResponse
    /// What ``answerReady(_:)`` registers: given a request, its matched route and the route's
    /// parameters, an answer that is ready now, or `nil`.
    public typealias ReadyAnswer = @Sendable (HTTPRequest, RouteDescription<Metadata>, PathParameters) -> HTTPResponse?

    struct Entry: Sendable {
        let description: RouteDescription<Metadata>
        let handler: Handler
    }

    private(set) var entries: [Entry] = []
    private(set) var middleware: [any HTTPMiddleware<Context>] = []
    private(set) var ready: ReadyAnswer?

    /// Creates an empty router.
    public init() {}

    /// Registers a route.
    ///
    /// Malformed patterns and duplicates are reported by ``buildResponder()``.
    ///
    /// - Parameters:
    ///   - method: The method; a `GET` route also answers `HEAD`.
    ///   - pattern: The path pattern, `/api/clients/{id}`.
    ///   - metadata: The route's metadata (access policy, documentation).
    ///   - bodyLimit: The largest body accepted, in bytes; the server's
    ///     ``HTTPServer/Configuration/defaultBodyLimit`` (1 MiB unless set) when `nil`.
    ///   - handler: Computes the result; its errors are mapped to responses by the server.
    public mutating func add<Output: ResponseGenerator & Sendable>(
        _ method: HTTPMethod,
        _ pattern: String,
        metadata: Metadata,
        bodyLimit: Int? = nil,
        handler: @escaping @Sendable (HTTPRequest, Context) async throws -> Output
    ) {
        let names = (try? RoutePattern(parsing: pattern))?.parameterNames ?? []
        let description = RouteDescription(
            method: method,
            pattern: pattern,
            parameterNames: names,
            metadata: metadata,
            bodyLimit: bodyLimit
        )
        entries.append(Entry(description: description) { try await handler($0, $1).response() })
    }

    /// Adds a middleware; each request passes through them in the order they were added.
    public mutating func add(middleware: some HTTPMiddleware<Context>) {
        self.middleware.append(middleware)
    }

    /// Sets the one place that may answer a matched request at once, before the middleware and
    /// without a task (``HTTPResponder/readyResponse(to:)``): a cache of answers, for example.
    ///
    /// It runs on the server's event-loop thread, so it must not block. Since it bypasses the
    /// middleware, it must apply the same checks they would (access, for one) and answer `nil`
    /// whenever it cannot be sure, leaving the request to the middleware and the handler.
    public mutating func answerReady(_ ready: @escaping ReadyAnswer) {
        self.ready = ready
    }

    /// The registered routes, in registration order.
    public var routes: [RouteDescription<Metadata>] { entries.map(\.description) }

    /// Checks the routes and builds the immutable responder the server runs.
    ///
    /// - Throws: ``HTTPServerError`` `invalid-route` for a malformed pattern or a method and
    ///   pattern registered twice.
    public func buildResponder() throws(HTTPServerError) -> RouterResponder<Context> {
        var trie = RouteTrie()
        for (index, entry) in entries.enumerated() {
            let pattern = try RoutePattern(parsing: entry.description.pattern)
            guard trie.insert(pattern, method: entry.description.method, route: index) else {
                throw HTTPServerError(
                    .invalidRoute,
                    "\(entry.description.method) \(entry.description.pattern) is registered twice"
                )
            }
        }
        return RouterResponder(trie: trie, entries: entries, middleware: middleware, ready: ready)
    }
}

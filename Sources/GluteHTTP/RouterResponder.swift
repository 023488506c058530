/// The immutable form of a ``Router``: matches the route, runs the middleware, calls the handler.
///
/// Built once by ``Router/buildResponder()`` and shared by every request without locking.
public struct RouterResponder<Context: RequestContext>: HTTPResponder {
    private let trie: RouteTrie
    private let entries: [Router<Context>.Entry]
    private let chain: Router<Context>.Handler
    private let ready: Router<Context>.ReadyAnswer?

    init(
        trie: RouteTrie,
        entries: [Router<Context>.Entry],
        middleware: [any HTTPMiddleware<Context>],
        ready: Router<Context>.ReadyAnswer? = nil
    ) {
        self.trie = trie
        self.entries = entries
        self.ready = ready
        var chain: Router<Context>.Handler = { request, context in
            switch context.core.match {
            case .found(let index, _):
                return try await entries[index].handler(request, context)
            case .methodNotAllowed(let allowed):
                throw HTTPError(
                    .methodNotAllowed,
                    headers: ["Allow": allowed.map(\.rawValue).joined(separator: ", ")]
                )
            case .notFound:
                throw HTTPError(.notFound)
            }
        }
        for layer in middleware.reversed() {
            let next = chain
            chain = { request, context in try await layer.handle(request, context: context, next: next) }
        }
        self.chain = chain
    }

    /// The registered routes, in registration order.
    public var routes: [RouteDescription<Context.Metadata>] { entries.map(\.description) }

    /// The matched route's body limit; `nil` (the server's default) for routes that set none and
    /// for requests no route matches.
    public func bodyLimit(method: HTTPMethod, path: String) -> Int? {
        if case .found(let index, _) = trie.match(method: method, path: path) {
            return entries[index].description.bodyLimit
        }
        return nil
    }

    /// The router's ready answer (``Router/answerReady(_:)``) for a request that matches a route;
    /// `nil` when there is none, nothing matched or the answer is not ready.
    public func readyResponse(to request: HTTPRequest) -> HTTPResponse? {
        guard let ready, case .found(let index, let values) = trie.match(method: request.method, path: request.path)
        else { return nil }
        let description = entries[index].description
        return ready(request, description, PathParameters(Array(zip(description.parameterNames, values))))
    }

    /// Matches the route, records it and its parameters in the context, then runs the middleware
    /// and the handler.
    public func respond(to request: HTTPRequest, context: Context) async throws -> HTTPResponse {
        var context = context
        let match = trie.match(method: request.method, path: request.path)
        if case .found(let index, let values) = match {
            let description = entries[index].description
            context.core.route = description
            context.core.parameters = PathParameters(Array(zip(description.parameterNames, values)))
        }
        context.core.match = match
        return try await chain(request, context)
    }
}

/// The per-request values a handler and the middleware share: the app's context type conforms.
///
/// The server creates one context per request from a ``CoreRequestContext`` (request id, logger,
/// client address); the router fills in the matched route and its path parameters; middleware
/// may set the app's own fields (the signed-in identity) and pass the changed copy on.
///
/// ```swift
/// struct AppContext: RequestContext {
///     var core: CoreRequestContext<RoutePolicy>
///     var identity: Identity?
///     init(core: CoreRequestContext<RoutePolicy>) { self.core = core }
/// }
/// ```
///
/// ## Topics
/// - ``CoreRequestContext``
/// - ``BasicRequestContext``
public protocol RequestContext: Sendable {
    /// The value every route carries (an access policy, documentation), typed for this app.
    associatedtype Metadata: Sendable

    /// Creates the context for a new request.
    init(core: CoreRequestContext<Metadata>)

    /// The values GluteHTTP itself maintains.
    var core: CoreRequestContext<Metadata> { get set }
}

extension RequestContext {
    /// The request id, echoed in the `X-Request-Id` response header and in every log line.
    public var requestID: String { core.requestID }
    /// A logger that tags each record with the request id.
    public var logger: RequestLogger { core.logger }
    /// The client's IP address in text form.
    public var remoteAddress: String { core.remoteAddress }
    /// The decoded path parameters of the matched route (`id` for `/api/clients/{id}`).
    public var parameters: PathParameters { core.parameters }
    /// The matched route, or `nil` when no route matched (the request is about to be a 404 or 405).
    public var route: RouteDescription<Metadata>? { core.route }
}

/// The part of every request context that GluteHTTP fills in.
public struct CoreRequestContext<Metadata: Sendable>: Sendable {
    /// The request id (from a valid `X-Request-Id` request header, or generated).
    public let requestID: String
    /// A logger that tags each record with the request id.
    public let logger: RequestLogger
    /// The client's IP address in text form.
    public let remoteAddress: String
    /// The decoded path parameters of the matched route.
    public internal(set) var parameters: PathParameters
    /// The matched route, or `nil` before matching and when nothing matched.
    public internal(set) var route: RouteDescription<Metadata>?
    /// Where the router will send the request once the middleware have run.
    var match: RouteTrie.Match = .notFound

    /// Creates the core values; the router sets ``parameters`` and ``route``.
    public init(requestID: String, logger: RequestLogger, remoteAddress: String) {
        self.requestID = requestID
        self.logger = logger
        self.remoteAddress = remoteAddress
        self.parameters = PathParameters()
        self.route = nil
    }
}

/// A context with nothing but the core values, for small servers and tests.
///
/// ```swift
/// var router = Router<BasicRequestContext<String>>()
/// router.add(.get, "/hello", metadata: "Says hello") { _, _ in HTTPResponse.text("hello") }
/// ```
public struct BasicRequestContext<Metadata: Sendable>: RequestContext {
    /// The core values.
    public var core: CoreRequestContext<Metadata>

    /// Creates the context.
    public init(core: CoreRequestContext<Metadata>) { self.core = core }
}

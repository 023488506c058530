/// A registered route as documentation and tests see it: method, pattern, metadata and body limit.
///
/// ```swift
/// for route in router.routes { print(route.method, route.pattern, route.metadata.summary) }
/// ```
public struct RouteDescription<Metadata: Sendable>: Sendable {
    /// The method.
    public let method: HTTPMethod
    /// The pattern as registered, for example `/api/clients/{id}/notes`.
    public let pattern: String
    /// The names of the pattern's `{…}` segments, in order.
    public let parameterNames: [String]
    /// The route's metadata.
    public let metadata: Metadata
    /// The largest request body accepted, in bytes.
    public let bodyLimit: Int
}

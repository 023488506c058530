/// A registered route as documentation and tests see it: method, pattern, metadata and body limit.
///
/// A description is one reference to shared storage, so the router can put it in every request's
/// context for the price of a retain.
///
/// ```swift
/// for route in router.routes { print(route.method, route.pattern, route.metadata.summary) }
/// ```
public struct RouteDescription<Metadata: Sendable>: Sendable {
    private final class Storage: Sendable {
        let method: HTTPMethod
        let pattern: String
        let parameterNames: [String]
        let metadata: Metadata
        let bodyLimit: Int?

        init(method: HTTPMethod, pattern: String, parameterNames: [String], metadata: Metadata, bodyLimit: Int?) {
            self.method = method
            self.pattern = pattern
            self.parameterNames = parameterNames
            self.metadata = metadata
            self.bodyLimit = bodyLimit
        }
    }

    private let storage: Storage

    init(method: HTTPMethod, pattern: String, parameterNames: [String], metadata: Metadata, bodyLimit: Int?) {
        storage = Storage(
            method: method, pattern: pattern, parameterNames: parameterNames, metadata: metadata, bodyLimit: bodyLimit)
    }

    /// The method.
    public var method: HTTPMethod { storage.method }
    /// The pattern as registered, for example `/api/clients/{id}/notes`.
    public var pattern: String { storage.pattern }
    /// The names of the pattern's `{…}` segments, in order.
    public var parameterNames: [String] { storage.parameterNames }
    /// The route's metadata.
    public var metadata: Metadata { storage.metadata }
    /// The largest request body accepted, in bytes, or `nil` for the server's default.
    public var bodyLimit: Int? { storage.bodyLimit }
}

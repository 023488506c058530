/// The routes' patterns as a tree of segments, matched one path segment at a time.
///
/// Literal segments win over parameters at the same position, with backtracking: `/a/new` goes to
/// `/a/new` when registered, and `/a/{id}` otherwise. The tree is built once and only read after,
/// so it is shared by every request without a lock.
struct RouteTrie: Sendable {
    private struct Node: Sendable {
        var literals: [String: Int] = [:]
        var parameter: Int?
        var routes: [HTTPMethod: Int] = [:]
    }

    /// What a path and method lead to.
    enum Match: Equatable {
        /// The route at this index, with the captured values in pattern order.
        case found(route: Int, values: [String])
        /// Some route has this path, none this method; the methods that do, sorted.
        case methodNotAllowed(allowed: [HTTPMethod])
        /// No route has this path.
        case notFound
    }

    private var nodes: [Node] = [Node()]
    /// The routes of patterns without parameters, by their exact path: most requests are answered
    /// with one hash lookup, without splitting the path.
    private var literalPaths: [String: [HTTPMethod: Int]] = [:]

    /// Adds a route; returns `false` when the same method and pattern shape is already taken.
    mutating func insert(_ pattern: RoutePattern, method: HTTPMethod, route: Int) -> Bool {
        var current = 0
        for segment in pattern.segments {
            switch segment {
            case .literal(let text):
                if let next = nodes[current].literals[text] {
                    current = next
                } else {
                    nodes.append(Node())
                    nodes[current].literals[text] = nodes.count - 1
                    current = nodes.count - 1
                }
            case .parameter:
                if let next = nodes[current].parameter {
                    current = next
                } else {
                    nodes.append(Node())
                    nodes[current].parameter = nodes.count - 1
                    current = nodes.count - 1
                }
            }
        }
        guard nodes[current].routes[method] == nil else { return false }
        nodes[current].routes[method] = route
        if pattern.parameterNames.isEmpty, let path = pattern.literalPath {
            literalPaths[path, default: [:]][method] = route
        }
        return true
    }

    /// Matches a raw (percent-encoded) path; `HEAD` falls back to the `GET` route.
    func match(method: HTTPMethod, path: String) -> Match {
        if let routes = literalPaths[path], let route = routes[method] ?? (method == .head ? routes[.get] : nil) {
            return .found(route: route, values: [])
        }
        guard path.first == "/" else { return .notFound }
        var segments: [String] = []
        for piece in path.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard let decoded = PercentDecoding.decode(Substring(piece)) else { return .notFound }
            segments.append(decoded)
        }
        var values: [String] = []
        var allowed: Set<HTTPMethod> = []
        if let route = search(node: 0, segments: segments[...], method: method, values: &values, allowed: &allowed) {
            return .found(route: route, values: values)
        }
        if allowed.isEmpty { return .notFound }
        if allowed.contains(.get) { allowed.insert(.head) }
        return .methodNotAllowed(allowed: allowed.sorted { $0.rawValue < $1.rawValue })
    }

    private func search(
        node: Int,
        segments: ArraySlice<String>,
        method: HTTPMethod,
        values: inout [String],
        allowed: inout Set<HTTPMethod>
    ) -> Int? {
        guard let segment = segments.first else {
            let routes = nodes[node].routes
            if let route = routes[method] ?? (method == .head ? routes[.get] : nil) { return route }
            allowed.formUnion(routes.keys)
            return nil
        }
        let rest = segments.dropFirst()
        if let next = nodes[node].literals[segment],
            let route = search(node: next, segments: rest, method: method, values: &values, allowed: &allowed)
        {
            return route
        }
        if let next = nodes[node].parameter, !segment.isEmpty {
            values.append(segment)
            if let route = search(node: next, segments: rest, method: method, values: &values, allowed: &allowed) {
                return route
            }
            values.removeLast()
        }
        return nil
    }
}

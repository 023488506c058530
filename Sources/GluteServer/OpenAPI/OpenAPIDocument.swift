public import GluteHTTP
public import GluteJSON

/// The OpenAPI 3.1 document of the API, made from the registered routes: the paths, the
/// operationIds, the schemas and, in `x-glute-access`, the same ``Access`` the server enforces.
///
/// ```swift
/// let document = OpenAPIDocument(routes: router.routes).jsonValue
/// ```
public struct OpenAPIDocument: Sendable {
    /// The routes described.
    public let routes: [RouteDescription<Operation>]

    /// Describes `routes`.
    public init(routes: [RouteDescription<Operation>]) { self.routes = routes }

    /// The shared error body: `{"error":{"message":…,"field":…}}`.
    public static let errorSchema: JSONValue = Schema.object(
        ["error": Schema.object(["message": Schema.string, "field": Schema.string], required: ["message"])],
        required: ["error"])

    /// The document.
    public var jsonValue: JSONValue {
        var paths = JSONObject()
        for route in routes {
            let key = route.pattern
            var item = paths[key]?.objectValue ?? JSONObject()
            item[route.method.rawValue.lowercased()] = operation(route)
            paths[key] = .object(item)
        }
        return .object([
            "openapi": "3.1.0",
            "info": .object([
                "title": "GluteCoach API", "version": "1",
                "description": .string(
                    "Every use case of GluteCoach over HTTP. Answers are the documents of the command line's --json. "
                        + "Sign in for a session cookie (glute_session) and echo the glute_csrf cookie in X-CSRF-Token "
                        + "on every write, or send an API token as 'Authorization: Bearer'. x-glute-access says who may "
                        + "call each operation: "
                        + Access.allCases.map { "\($0.rawValue) (\($0.explanation))" }.joined(
                            separator: "; ")),
            ]),
            "servers": [.object(["url": "/"])],
            "paths": .object(paths),
            "components": .object([
                "securitySchemes": .object([
                    "session": .object([
                        "type": "apiKey", "in": "cookie", "name": .string(AccessMiddleware.sessionCookie),
                    ]),
                    "bearer": .object(["type": "http", "scheme": "bearer"]),
                ]),
                "schemas": .object(["Error": Self.errorSchema]),
            ]),
        ])
    }

    private func operation(_ route: RouteDescription<Operation>) -> JSONValue {
        let info = route.metadata
        var object: JSONObject = [
            "operationId": .string(info.id), "summary": .string(info.summary), "tags": [.string(info.tag)],
            "description": .string(info.access.explanation), "x-glute-access": .string(info.access.rawValue),
        ]
        object["security"] = info.access.needsSignIn ? [.object(["session": []]), .object(["bearer": []])] : []
        var parameters: [JSONValue] = route.parameterNames.map { name in
            .object(["name": .string(name), "in": "path", "required": true, "schema": Schema.string(length: 1...200)])
        }
        for query in info.query {
            parameters.append(
                .object([
                    "name": .string(query.name), "in": "query", "required": false, "schema": query.schema,
                    "description": .string(query.description),
                ]))
        }
        if info.idempotent {
            parameters.append(
                .object([
                    "name": "Idempotency-Key", "in": "header", "required": false,
                    "schema": .object(["type": "string", "minLength": 1, "maxLength": 200, "pattern": "^[!-~]+$"]),
                    "description": "A retry with the same key and body is answered once and stored once.",
                ]))
        }
        if !parameters.isEmpty { object["parameters"] = .array(parameters) }
        if let request = info.request {
            object["requestBody"] = .object([
                "required": .bool(info.requestRequired),
                "content": .object([info.requestType: .object(["schema": request])]),
            ])
        }
        var success: JSONObject = ["description": .string(info.summary)]
        if HTTPStatus(code: info.status).allowsBody {
            success["content"] = .object([info.responseType: .object(["schema": info.response])])
        }
        object["responses"] = .object([
            String(info.status): .object(success),
            "default": .object([
                "description": .string(
                    "An error: 400 bad input, 401 not signed in, 403 not allowed, 404, 409, 413 too large, "
                        + "415, 422, 429 too many sign-ins, 503"),
                "content": .object(["application/json": .object(["schema": Schema.ref("Error")])]),
            ]),
        ])
        return .object(object)
    }
}

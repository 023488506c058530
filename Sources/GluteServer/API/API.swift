public import Foundation
internal import GluteApp
internal import GluteCore
public import GluteHTTP
public import GluteJSON

/// GluteCoach's HTTP JSON API: every use case as an operation, with the access each allows, the
/// OpenAPI document made from the same routes, and the web app's files behind them.
///
/// ```swift
/// let services = APIServices(app: app, accounts: accounts)
/// let router = try API(services: services).router(webFolder: API.bundledWebFolder)
/// let server = HTTPServer(configuration: .init(port: 8080), responder: try router.buildResponder())
/// ```
public struct API: Sendable {
    /// The application, the accounts and the settings.
    public let services: APIServices

    /// Creates the API over `services`.
    public init(services: APIServices) { self.services = services }

    /// The bundled web folder (`Resources/web`), or `nil` when the bundle lacks it.
    public static var bundledWebFolder: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("web")
    }

    /// The router with every operation, the middleware (errors, access) and, when given, the files
    /// of `webFolder` for paths no route matches.
    ///
    /// - Throws: ``GluteHTTP/HTTPServerError`` when the web folder cannot be read.
    public func router(webFolder: URL? = nil) throws -> Router<APIContext> {
        var draft = Router<APIContext>()
        addRoutes(to: &draft, openAPI: .object([:]))
        let document = OpenAPIDocument(routes: draft.routes).jsonValue
        var router = Router<APIContext>()
        if let webFolder {
            router.add(middleware: StaticFallback(files: try FileMiddleware<APIContext>(directory: webFolder)))
        }
        router.add(middleware: CacheInvalidation(cache: services.cache))
        router.add(middleware: AppErrorMiddleware())
        let access = AccessMiddleware(app: services.app, cache: services.cache)
        router.add(middleware: access)
        let ready = ReadyAnswers(access: access, services: services)
        router.answerReady { request, route, _ in ready.answer(request, route: route) }
        addRoutes(to: &router, openAPI: document)
        return router
    }

    /// The OpenAPI document of every operation.
    public func openAPIDocument() -> JSONValue {
        var draft = Router<APIContext>()
        addRoutes(to: &draft, openAPI: .object([:]))
        return OpenAPIDocument(routes: draft.routes).jsonValue
    }

    private func addRoutes(to router: inout Router<APIContext>, openAPI: JSONValue) {
        addServiceRoutes(to: &router, openAPI: openAPI)
        addAccountRoutes(to: &router)
        addDailyRoutes(to: &router)
        addPlanRoutes(to: &router)
        addTransferRoutes(to: &router)
        addCoachRoutes(to: &router)
    }

    // MARK: Helpers shared by the routes

    /// The body as a JSON object with only `keys` allowed.
    func object(_ request: HTTPRequest, keys: [String]) throws -> JSONObjectReader {
        let value = try request.json()
        do {
            return try JSONObjectReader(value, path: "", allowedKeys: keys)
        } catch {
            throw HTTPError(error)
        }
    }

    /// Runs `body`, turning the JSON reader's field errors into 400s.
    func reading<Value>(_ body: () throws -> Value) throws -> Value {
        do { return try body() } catch let error as FieldError { throw HTTPError(error) }
    }

    /// A query parameter as an integer in `range`, or `fallback` when absent.
    func queryInt(_ request: HTTPRequest, _ name: String, in range: ClosedRange<Int>, default fallback: Int)
        throws(HTTPError) -> Int
    {
        guard let text = request.query[name] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw HTTPError(
                .badRequest, message: "must be a whole number from \(range.lowerBound) to \(range.upperBound)",
                field: name)
        }
        return value
    }

    /// A `201 Created` JSON answer.
    func created(_ value: JSONValue) -> HTTPResponse { .json(value, status: .created) }
}

/// Serves the web folder's files only for requests that no API route matched, so API routes
/// always win (even when a handler answers 404).
///
/// Every static answer carries a strict Content-Security-Policy: the web app loads nothing but its
/// own files (no inline script or style, no other host), so it works on a clinic LAN with no
/// internet and an injected script has nowhere to run from or send to.
struct StaticFallback: HTTPMiddleware {
    let files: FileMiddleware<APIContext>

    /// The headers added to every static file's answer.
    static let securityHeaders: [(String, String)] = [
        (
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'"
        ),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
    ]

    func handle(
        _ request: HTTPRequest, context: APIContext, next: (HTTPRequest, APIContext) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        if context.route != nil { return try await next(request, context) }
        var response = try await files.handle(request, context: context, next: next)
        for (name, value) in Self.securityHeaders { response.headers[name] = value }
        return response
    }
}

public import GluteApp
internal import GluteCore
public import GluteHTTP
internal import GluteStore

/// The one place access is enforced: identifies the caller, checks the CSRF token of a
/// cookie-authenticated write, and applies the route's ``Access`` through the application's
/// own decision (`GluteApp.authorize`).
///
/// - A bad `Authorization: Bearer` token is a 401 on every route.
/// - A route that needs sign-in answers 401 to an anonymous caller (or an ended session).
/// - A cookie-authenticated `POST`, `PUT`, `PATCH` or `DELETE` must echo the session's CSRF token
///   (the `glute_csrf` cookie) in `X-CSRF-Token`, else 403. API tokens need none: a browser never
///   sends them by itself.
/// - A role the access does not admit is a 403; so is a `{client}` who is not the coach's client
///   (whether or not such a person exists).
///
/// Sessions and tokens are looked up on the store's readers; a session's last use is written at
/// most every few minutes (the application's `sessionTouchInterval`), never on every request.
/// The caller of a credential is then kept for five seconds (``ResponseCache``); any write through
/// this server that may end a credential (a sign-out, a revoked token) clears it, so only a
/// credential ended by another process is honoured up to five seconds late. Requests no route matched pass through untouched (they become 404, 405 or a static file).
///
/// The decision itself is ``verdict(on:for:_:)``; ``keptCaller(admittedTo:_:)`` applies it to a
/// kept caller without waiting, for the answers given before the middleware (``ReadyAnswers``).
public struct AccessMiddleware: HTTPMiddleware {
    /// The session cookie's name.
    public static let sessionCookie = "glute_session"
    /// The CSRF cookie's name; its value is echoed in ``csrfHeader``.
    public static let csrfCookie = "glute_csrf"
    /// The header that carries the CSRF token.
    public static let csrfHeader = "X-CSRF-Token"

    let app: GluteApp
    let cache: ResponseCache

    /// Creates the middleware; `cache` keeps callers for a few seconds (cleared by every write).
    public init(app: GluteApp, cache: ResponseCache = ResponseCache()) {
        self.app = app
        self.cache = cache
    }

    /// Checks the request against its route's access.
    public func handle(
        _ request: HTTPRequest, context: APIContext, next: (HTTPRequest, APIContext) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        guard let access = context.route?.metadata.access else { return try await next(request, context) }
        var context = context
        context.caller = try await identify(request)
        guard access.needsSignIn else { return try await next(request, context) }
        guard let caller = context.caller else {
            throw HTTPError(
                .unauthorized, message: "sign in first (a session cookie or an API token)",
                headers: ["WWW-Authenticate": "Bearer"])
        }
        switch Self.verdict(on: access, for: caller, request) {
        case .allowed:
            break
        case .refused(let error):
            throw error
        case .askClient:
            let client = Person.ID(rawValue: context.parameters["client"] ?? "")
            let principal = try await app.principal(caller.account.id, concerning: [client])
            guard GluteApp.authorize(principal, .coachOfClient(client)) else {
                throw HTTPError(.forbidden, message: "this is not one of your clients")
            }
            context.client = client
        }
        return try await next(request, context)
    }

    /// What ``verdict(on:for:_:)`` decides.
    enum Verdict {
        case allowed
        case refused(HTTPError)
        /// The caller is a coach; whether the route's `{client}` is theirs needs the store.
        case askClient
    }

    /// The decision for a signed-in caller on a route whose access needs sign-in: the CSRF check of
    /// a cookie-authenticated write, then the role, through the application's own decision.
    static func verdict(on access: Access, for caller: Caller, _ request: HTTPRequest) -> Verdict {
        if let session = caller.session, !isSafe(request.method),
            !session.acceptsCSRFToken(request.headers[csrfHeader])
        {
            return .refused(
                HTTPError(
                    .forbidden, message: "missing or wrong CSRF token: echo the glute_csrf cookie in X-CSRF-Token"))
        }
        let principal = principal(caller.account)
        switch access {
        case .anyone, .feedSecret, .account:
            return GluteApp.authorize(principal, .signedIn)
                ? .allowed : .refused(HTTPError(.forbidden, message: "this is not one of your clients"))
        case .client:
            return GluteApp.authorize(principal, .client)
                ? .allowed : .refused(HTTPError(.forbidden, message: "only for clients"))
        case .coach:
            return GluteApp.authorize(principal, .coach)
                ? .allowed : .refused(HTTPError(.forbidden, message: "only for coaches"))
        case .coachOfClient:
            return caller.account.role == .coach
                ? .askClient : .refused(HTTPError(.forbidden, message: "only for coaches"))
        }
    }

    /// The caller of a request that ``handle(_:context:next:)`` would let through to a route with
    /// `access`, found among the kept callers alone, without the store and without waiting.
    ///
    /// `nil` whenever that is not certain: no credential, a caller not kept, a refusal, an access
    /// open to anonymous callers, or a coach's client to check. The request then goes through
    /// ``handle(_:context:next:)``, which decides (and gives the 401 or 403).
    func keptCaller(admittedTo access: Access, _ request: HTTPRequest) -> Caller? {
        guard access.needsSignIn, let credential = try? Self.credential(of: request),
            let caller = cache.caller(for: credential, at: app.clock.now()),
            case .allowed = Self.verdict(on: access, for: caller, request)
        else { return nil }
        return caller
    }

    static func principal(_ account: AccountView) -> Principal {
        Principal(account: account.id, role: account.role, person: account.person)
    }

    /// The credential a request comes with: its API token, else its session cookie; `nil` when
    /// anonymous.
    ///
    /// - Throws: ``badToken`` for an `Authorization` header that is not a bearer token.
    static func credential(of request: HTTPRequest) throws(HTTPError) -> ResponseCache.Credential? {
        if let authorization = request.headers["Authorization"] {
            guard let secret = bearerSecret(authorization) else { throw badToken }
            return .token(secret)
        }
        guard let cookie = request.cookies[sessionCookie], !cookie.isEmpty else { return nil }
        return .cookie(cookie)
    }

    /// The caller of a request's credential; `nil` when anonymous (or an ended session).
    private func identify(_ request: HTTPRequest) async throws -> Caller? {
        guard let credential = try Self.credential(of: request) else { return nil }
        let now = app.clock.now()
        if let kept = cache.caller(for: credential, at: now) { return kept }
        let generation = cache.callerGeneration
        let caller: Caller
        switch credential {
        case .token(let secret):
            guard let found = try await app.apiToken(secret) else { throw Self.badToken }
            caller = Caller(account: found.account, session: nil, cookie: nil, token: found.token)
        case .cookie(let cookie):
            guard let session = try await app.session(cookie: cookie) else { return nil }
            caller = Caller(account: session.account, session: session, cookie: cookie, token: nil)
        }
        cache.keep(caller, for: credential, at: now, generation: generation)
        return caller
    }

    /// The token of `Authorization: Bearer TOKEN` (the scheme in any case), or `nil` for another
    /// scheme or no token.
    ///
    /// Read byte by byte: this runs on every request.
    static func bearerSecret(_ value: String) -> String? {
        let bytes = value.utf8
        let space = UInt8(ascii: " ")
        guard let start = bytes.firstIndex(where: { $0 != space }),
            let end = bytes[start...].firstIndex(of: space)
        else { return nil }
        let scheme = bytes[start..<end]
        // `| 0x20` lowers an ASCII letter, and only a letter's two cases meet "bearer" that way.
        guard scheme.elementsEqual("bearer".utf8, by: { $0 | 0x20 == $1 }) else { return nil }
        let token = Substring(value.utf8[bytes.index(after: end)...])
        return token.isEmpty ? nil : String(token)
    }

    static let badToken = HTTPError(
        .unauthorized, message: "the API token is not valid", headers: ["WWW-Authenticate": "Bearer"])

    static func isSafe(_ method: HTTPMethod) -> Bool { method == .get || method == .head || method == .options }
}

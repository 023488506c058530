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
        if let session = caller.session, !Self.isSafe(request.method),
            !session.acceptsCSRFToken(request.headers[Self.csrfHeader])
        {
            throw HTTPError(
                .forbidden, message: "missing or wrong CSRF token: echo the glute_csrf cookie in X-CSRF-Token")
        }
        let account = caller.account
        let allowed: Bool
        switch access {
        case .anyone, .feedSecret, .account:
            allowed = GluteApp.authorize(Self.principal(account), .signedIn)
        case .client:
            allowed = GluteApp.authorize(Self.principal(account), .client)
        case .coach:
            allowed = GluteApp.authorize(Self.principal(account), .coach)
        case .coachOfClient:
            guard account.role == .coach else { throw HTTPError(.forbidden, message: "only for coaches") }
            let client = Person.ID(rawValue: context.parameters["client"] ?? "")
            let principal = try await app.principal(account.id, concerning: [client])
            allowed = GluteApp.authorize(principal, .coachOfClient(client))
            context.client = client
        }
        guard allowed else {
            switch access {
            case .client: throw HTTPError(.forbidden, message: "only for clients")
            case .coach: throw HTTPError(.forbidden, message: "only for coaches")
            default: throw HTTPError(.forbidden, message: "this is not one of your clients")
            }
        }
        return try await next(request, context)
    }

    static func principal(_ account: AccountView) -> Principal {
        Principal(account: account.id, role: account.role, person: account.person)
    }

    /// The caller of a request: its API token, else its session cookie; `nil` when anonymous.
    private func identify(_ request: HTTPRequest) async throws -> Caller? {
        let now = app.clock.now()
        if let authorization = request.headers["Authorization"] {
            guard let secret = Self.bearerSecret(authorization) else { throw Self.badToken }
            if let kept = cache.caller(for: .token(secret), at: now) { return kept }
            let generation = cache.callerGeneration
            guard let found = try await app.apiToken(secret) else { throw Self.badToken }
            let caller = Caller(account: found.account, session: nil, cookie: nil, token: found.token)
            cache.keep(caller, for: .token(secret), at: now, generation: generation)
            return caller
        }
        guard let cookie = request.cookies[Self.sessionCookie], !cookie.isEmpty else { return nil }
        if let kept = cache.caller(for: .cookie(cookie), at: now) { return kept }
        let generation = cache.callerGeneration
        guard let session = try await app.session(cookie: cookie) else { return nil }
        let caller = Caller(account: session.account, session: session, cookie: cookie, token: nil)
        cache.keep(caller, for: .cookie(cookie), at: now, generation: generation)
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

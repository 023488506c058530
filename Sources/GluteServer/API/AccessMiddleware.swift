public import GluteCore
public import GluteHTTP
internal import GluteStore

/// The one place access is decided: identifies the caller, checks the CSRF token of a
/// cookie-authenticated write, and applies the route's ``Access``.
///
/// - A bad `Authorization: Bearer` token is a 401 on every route.
/// - A route that needs sign-in answers 401 to an anonymous caller (or an ended session).
/// - A cookie-authenticated `POST`, `PUT`, `PATCH` or `DELETE` must echo the session's CSRF token
///   (the `glute_csrf` cookie) in `X-CSRF-Token`, else 403. API tokens need none: a browser never
///   sends them by itself.
/// - A role the access does not admit is a 403; so is a `{client}` who is not the coach's client
///   (whether or not such an account exists).
///
/// Requests no route matched pass through untouched (they become 404, 405 or a static file).
public struct AccessMiddleware: HTTPMiddleware {
    /// The session cookie's name.
    public static let sessionCookie = "glute_session"
    /// The CSRF cookie's name; its value is echoed in ``csrfHeader``.
    public static let csrfCookie = "glute_csrf"
    /// The header that carries the CSRF token.
    public static let csrfHeader = "X-CSRF-Token"

    let accounts: any AccountDirectory
    let clock: WallClock

    /// Creates the middleware.
    public init(accounts: any AccountDirectory, clock: WallClock) {
        self.accounts = accounts
        self.clock = clock
    }

    /// Checks the request against its route's access.
    public func handle(
        _ request: HTTPRequest, context: APIContext, next: (HTTPRequest, APIContext) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        guard let access = context.route?.metadata.access else { return try await next(request, context) }
        var context = context
        context.caller = try identify(request)
        guard access.needsSignIn else { return try await next(request, context) }
        guard let caller = context.caller else {
            throw HTTPError(
                .unauthorized, message: "sign in first (a session cookie or an API token)",
                headers: ["WWW-Authenticate": "Bearer"])
        }
        if let session = caller.session, !Self.isSafe(request.method) {
            let echoed = request.headers[Self.csrfHeader] ?? ""
            guard SHA256.constantTimeEqual(Array(echoed.utf8), Array(session.csrfToken.utf8)) else {
                throw HTTPError(
                    .forbidden, message: "missing or wrong CSRF token: echo the glute_csrf cookie in X-CSRF-Token")
            }
        }
        switch access {
        case .anyone, .feedSecret, .account:
            break
        case .client:
            guard caller.account.role == .client else { throw HTTPError(.forbidden, message: "only for clients") }
        case .coach:
            guard caller.account.role == .coach else { throw HTTPError(.forbidden, message: "only for coaches") }
        case .coachOfClient:
            guard caller.account.role == .coach else { throw HTTPError(.forbidden, message: "only for coaches") }
            guard let id = context.parameters["client"], accounts.isCoach(caller.account.id, of: id),
                let client = accounts.account(id: id)
            else { throw HTTPError(.forbidden, message: "this is not one of your clients") }
            context.client = client
        }
        return try await next(request, context)
    }

    /// The caller of a request: its API token, else its session cookie; `nil` when anonymous.
    private func identify(_ request: HTTPRequest) throws(HTTPError) -> Caller? {
        if let authorization = request.headers["Authorization"] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer",
                let (account, tokenID) = accounts.tokenAccount(secret: String(parts[1]))
            else {
                throw HTTPError(
                    .unauthorized, message: "the API token is not valid", headers: ["WWW-Authenticate": "Bearer"])
            }
            return Caller(account: account, session: nil, tokenID: tokenID)
        }
        guard let secret = request.cookies[Self.sessionCookie], !secret.isEmpty else { return nil }
        guard let (account, session) = accounts.session(secret: secret, at: clock.now()) else { return nil }
        return Caller(account: account, session: session, tokenID: nil)
    }

    static func isSafe(_ method: HTTPMethod) -> Bool { method == .get || method == .head || method == .options }
}

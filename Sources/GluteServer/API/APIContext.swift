public import GluteApp
public import GluteHTTP
public import GluteStore

/// Who is calling: the account, and the credential it came with.
public struct Caller: Sendable {
    /// The signed-in account.
    public var account: AccountView
    /// The session, when the caller came with the session cookie.
    public var session: SessionContext?
    /// The session cookie's value, when the caller came with it.
    public var cookie: String?
    /// The API token, when the caller came with `Authorization: Bearer`.
    public var token: APIToken.ID?
}

/// The per-request context of the API: the core values, the caller once the access check has run,
/// and the client a coach's route is about.
public struct APIContext: RequestContext {
    /// The values GluteHTTP maintains.
    public var core: CoreRequestContext<Operation>
    /// The caller, or `nil` for an anonymous request.
    public var caller: Caller?
    /// The client (a person) of a ``Access/coachOfClient`` route, checked to be the caller's client.
    public var client: Person.ID?

    /// Creates the context of a new request.
    public init(core: CoreRequestContext<Operation>) { self.core = core }

    /// The caller, for routes whose access needs one (the access check guarantees it).
    public func requireCaller() throws(HTTPError) -> Caller {
        guard let caller else { throw HTTPError(.unauthorized, message: "sign in first") }
        return caller
    }

    /// The client of a coach's route.
    public func requireClient() throws(HTTPError) -> Person.ID {
        guard let client else { throw HTTPError(.forbidden, message: "not your client") }
        return client
    }
}

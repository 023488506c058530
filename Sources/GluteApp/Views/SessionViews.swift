public import GluteCore
public import GluteJSON
internal import GluteSecurity
public import GluteStore

/// A session just started: the cookie's secret (shown once, kept only as its hash) and the CSRF
/// token bound to it.
public struct IssuedSession: Sendable, Hashable {
    /// The session's identifier (not secret).
    public var id: AuthSession.ID
    /// The cookie's value: 43 URL-safe characters.
    public var cookie: String
    /// The CSRF token a browser sends back in a header with every write (derived from the cookie).
    public var csrfToken: String
    /// When the session ends at the latest.
    public var expiresAt: Timestamp

    /// `{ "csrfToken", "expiresAt" }`: the cookie itself never goes in a body.
    public var jsonValue: JSONValue {
        .object(["csrfToken": .string(csrfToken), "expiresAt": .string(expiresAt.description)])
    }
}

/// What signing up or in gave: the account and its new session.
public struct SignedIn: Sendable, Hashable {
    /// The account.
    public var account: AccountView
    /// The new session (a new cookie at every sign-in).
    public var session: IssuedSession

    /// `{ "account": {...}, "session": { "csrfToken", "expiresAt" } }`.
    public var jsonValue: JSONValue {
        .object(["account": account.jsonValue, "session": session.jsonValue])
    }
}

/// A live session found by its cookie: who it is, and the CSRF token its writes must carry.
public struct SessionContext: Sendable, Hashable {
    /// The account signed in.
    public var account: AccountView
    /// The session's identifier.
    public var session: AuthSession.ID
    /// The CSRF token bound to the session.
    public var csrfToken: String
    /// When the session ends at the latest.
    public var expiresAt: Timestamp

    /// Whether `presented` (the CSRF header of a write) is this session's token, compared in
    /// constant time; a missing header is refused.
    public func acceptsCSRFToken(_ presented: String?) -> Bool {
        guard let presented else { return false }
        return SecretToken.constantTimeEquals(presented, csrfToken)
    }
}

/// An API token as listed: never its secret.
public struct APITokenView: Sendable, Hashable {
    /// The identifier.
    public var id: APIToken.ID
    /// The name its owner gave it.
    public var name: String
    /// When it was made.
    public var createdAt: Timestamp
    /// When it was revoked, if it was.
    public var revokedAt: Timestamp?

    /// The view of `token`.
    public init(_ token: APIToken) {
        id = token.id
        name = token.name
        createdAt = token.createdAt
        revokedAt = token.revokedAt
    }

    /// `{ "id", "name", "createdAt", "revokedAt" }`.
    public var jsonValue: JSONValue {
        .object([
            "id": .string(id.rawValue), "name": .string(name), "createdAt": .string(createdAt.description),
            "revokedAt": .optional(revokedAt) { .string($0.description) },
        ])
    }
}

/// A new API token: its secret is shown this once and never again.
public struct APITokenCreated: Sendable, Hashable {
    /// The token as listed.
    public var token: APITokenView
    /// The token's text, for an `Authorization: Bearer` header.
    public var secret: String

    /// `{ "token": {...}, "secret" }`.
    public var jsonValue: JSONValue { .object(["token": token.jsonValue, "secret": .string(secret)]) }
}

/// The account an API token acts for.
public struct TokenContext: Sendable, Hashable {
    /// The account.
    public var account: AccountView
    /// The token's identifier.
    public var token: APIToken.ID
}

/// What an account sees of itself.
public struct MeView: Sendable, Hashable {
    /// The account.
    public var account: AccountView
    /// A client's coaches (links in force), oldest first; empty for a coach.
    public var coaches: [AccountView]
    /// How many clients a coach has; 0 for a client.
    public var clientCount: Int
    /// Whether the account has a calendar feed URL.
    public var hasCalendarFeed: Bool

    /// `{ "account", "coaches", "clientCount", "calendarFeed" }`.
    public var jsonValue: JSONValue {
        .object([
            "account": account.jsonValue, "coaches": .array(coaches.map(\.jsonValue)), "clientCount": .int(clientCount),
            "calendarFeed": .bool(hasCalendarFeed),
        ])
    }
}

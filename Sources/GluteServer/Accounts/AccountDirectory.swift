public import GluteCore
public import GluteStore

/// A login: an email, a role, and the person whose training it owns.
public struct AccountInfo: Sendable, Hashable {
    /// The account's identifier (`acc_` and 32 hexadecimal digits).
    public var id: String
    /// The email address, in lower case.
    public var email: String
    /// The role.
    public var role: AccountRole
    /// The person whose data the account owns.
    public var person: Person.ID
    /// When the account was created.
    public var createdAt: Timestamp

    /// Creates an account value.
    public init(id: String, email: String, role: AccountRole, person: Person.ID, createdAt: Timestamp) {
        self.id = id
        self.email = email
        self.role = role
        self.person = person
        self.createdAt = createdAt
    }
}

/// A session just started: the secret for the cookie and the CSRF token the client echoes.
public struct IssuedSession: Sendable {
    /// The session's identifier (not secret).
    public var id: String
    /// The cookie value; only its digest is kept.
    public var secret: String
    /// The CSRF token: the `glute_csrf` cookie, echoed in `X-CSRF-Token`.
    public var csrfToken: String
    /// When the session ends, unless renewed by use.
    public var expiresAt: Timestamp
}

/// A live session found by its cookie.
public struct SessionInfo: Sendable {
    /// The session's identifier.
    public var id: String
    /// The CSRF token of the session.
    public var csrfToken: String
    /// When it ends.
    public var expiresAt: Timestamp
}

/// An API token as listed (never with its secret).
public struct APITokenInfo: Sendable {
    /// The token's identifier.
    public var id: String
    /// The name its owner gave it.
    public var name: String
    /// When it was made.
    public var createdAt: Timestamp
}

/// A coach's invitation: a code a client accepts to become the coach's client.
public struct InvitationInfo: Sendable {
    /// The identifier.
    public var id: String
    /// The code the client types or follows (secret until accepted).
    public var code: String
    /// The coach's account.
    public var coach: String
    /// When it was made.
    public var createdAt: Timestamp
    /// When it stops working.
    public var expiresAt: Timestamp
    /// The client's account once accepted.
    public var acceptedBy: String?
    /// Whether the coach revoked it.
    public var revoked: Bool
}

/// A coach's note on a client.
public struct CoachNote: Sendable {
    /// The identifier.
    public var id: String
    /// The coach who wrote it.
    public var coach: String
    /// The client it is about.
    public var client: String
    /// The text, 1 to 4000 characters.
    public var text: String
    /// When it was written.
    public var createdAt: Timestamp
}

/// What the directory knows of a request key (see ``AccountDirectory/beginIdempotent(account:key:fingerprint:)``).
public enum IdempotencyState: Sendable {
    /// The key is new and now reserved for this request.
    case new
    /// The same request was answered before: send this again.
    case replay(status: Int, body: String)
    /// A request with the key is still being handled.
    case inFlight
    /// The key was used for a different request.
    case mismatch
}

/// Everything the server needs to know about accounts: logins, sessions, API tokens, the calendar
/// feed's secret, coach-client links, invitations, notes and idempotency keys.
///
/// Every call is synchronous and quick (no disk read on the request path), so that checking a
/// session costs no thread hop. Errors are ``GluteApp/AppError`` values, which the API maps to
/// statuses in one place.
///
/// Stand-in: the accounts branch brings the real directory (in the store, beside the people);
/// until it lands, ``StandInAccountDirectory`` implements this protocol.
public protocol AccountDirectory: Sendable {
    /// Whether no account exists yet.
    var isEmpty: Bool { get }
    /// Creates an account; a taken email is a conflict.
    func createAccount(email: String, password: String, role: AccountRole, person: Person.ID, at: Timestamp) throws
        -> AccountInfo
    /// The account with `id`.
    func account(id: String) -> AccountInfo?
    /// The account with `email` (any case).
    func account(email: String) -> AccountInfo?
    /// The account whose password is `password`, or `nil` (also for an unknown email).
    func verify(email: String, password: String) -> AccountInfo?
    /// Changes the password after checking the current one, and ends every other session.
    func changePassword(account: String, current: String, new: String, keepingSession: String?) throws
    /// Points the account at another person (after an import as a new person).
    func setPerson(_ person: Person.ID, for account: String) throws
    /// Deletes the account, its sessions, tokens, links, invitations and notes.
    func deleteAccount(_ id: String) throws

    /// Starts a session for the account (a new secret: sessions rotate at every sign-in).
    func startSession(for account: String, at: Timestamp) throws -> IssuedSession
    /// The live session whose cookie is `secret`, with its account, at `now`.
    func session(secret: String, at now: Timestamp) -> (AccountInfo, SessionInfo)?
    /// Ends a session.
    func endSession(_ id: String)

    /// Makes an API token; the secret is returned once.
    func createToken(for account: String, name: String, at: Timestamp) throws -> (APITokenInfo, secret: String)
    /// The account and token id of an API token's secret.
    func tokenAccount(secret: String) -> (AccountInfo, tokenID: String)?
    /// Revokes one of the account's tokens; another account's is not found.
    func revokeToken(_ id: String, for account: String) throws
    /// The account's tokens.
    func tokens(for account: String) -> [APITokenInfo]

    /// The secret of the account's calendar feed URL.
    func feedSecret(for account: String) -> String?
    /// Replaces the feed secret (the old URL stops working) and returns the new one.
    func renewFeedSecret(for account: String) throws -> String
    /// The account whose feed secret is `secret`.
    func account(feedSecret secret: String) -> AccountInfo?

    /// Makes an invitation of a coach.
    func createInvitation(coach: String, at: Timestamp) throws -> InvitationInfo
    /// Revokes an invitation of the coach; another coach's is not found.
    func revokeInvitation(_ id: String, coach: String) throws
    /// Accepts an invitation as a client; returns the coach's account.
    func acceptInvitation(code: String, client: String, at: Timestamp) throws -> AccountInfo
    /// The coach's invitations, newest first.
    func invitations(coach: String) -> [InvitationInfo]
    /// The coach's clients, oldest link first.
    func clients(of coach: String) -> [AccountInfo]
    /// The client's coaches.
    func coaches(of client: String) -> [AccountInfo]
    /// Whether `client` accepted an invitation of `coach` and neither ended it.
    func isCoach(_ coach: String, of client: String) -> Bool
    /// Ends a coach-client link; `notFound` when there is none.
    func unlink(coach: String, client: String) throws
    /// Adds a coach's note on a client.
    func addNote(coach: String, client: String, text: String, at: Timestamp) throws -> CoachNote
    /// The coach's notes on a client, oldest first.
    func notes(coach: String, client: String) -> [CoachNote]

    /// Reserves a request key for the account, or says what happened to it before.
    func beginIdempotent(account: String, key: String, fingerprint: String) -> IdempotencyState
    /// Keeps the answer of a reserved key.
    func finishIdempotent(account: String, key: String, status: Int, body: String)
    /// Releases a reserved key whose request failed, so that it may be retried.
    func abandonIdempotent(account: String, key: String)
}

public import GluteCore

/// The account reads of one transaction: logins, sessions, API tokens, invitations, coach-client
/// links, notes, idempotency keys, rate-limit counters and the dashboard's kept state.
///
/// Every transaction of a ``Store`` offers these beside the training reads (``StoreReader``
/// refines this protocol), so that a use case reads an account and the person's plan from one
/// snapshot. Everything a server knows about accounts lives here, never in a server's memory,
/// so several servers can share one database.
///
/// Every method names the account or person it is for, or looks a record up by the hash of a
/// secret that only its owner holds (a cookie, a token, a code). Secrets themselves are never
/// stored. Lists come back oldest first, ties broken by identifier.
///
/// ## Topics
/// ### Accounts
/// - ``account(_:)``, ``account(email:)``, ``account(person:)``, ``account(calendarSecretHash:)``
/// ### Sessions and API tokens
/// - ``authSession(tokenHash:)``, ``authSessions(for:)``, ``apiToken(tokenHash:)``, ``apiTokens(for:)``
/// ### Coaching
/// - ``invitation(codeHash:)``, ``invitations(coach:)``, ``coachLink(coach:client:)``, ``coachLinks(client:)``
/// - ``coachedClients(of:)``, ``coachedClient(_:of:)``, ``clientNotes(coach:client:)``, ``clientState(for:)``
/// ### Requests
/// - ``idempotencyRecord(account:key:)``, ``rateLimitCounter(_:)``
public protocol AccountStoreReader {
    /// The account with `id`, or `nil`.
    func account(_ id: Account.ID) throws -> Account?

    /// The account with `email`, compared after ``Account/normalizedEmail(_:)``, or `nil`.
    func account(email: String) throws -> Account?

    /// The account that owns `person`, or `nil` (the command line's person has none).
    func account(person: Person.ID) throws -> Account?

    /// The account whose calendar feed secret has `hash`, or `nil`.
    func account(calendarSecretHash hash: String) throws -> Account?

    /// The session whose cookie secret has `hash`, expired or not, or `nil`.
    func authSession(tokenHash hash: String) throws -> AuthSession?

    /// The sessions of `account`, oldest first.
    func authSessions(for account: Account.ID) throws -> [AuthSession]

    /// The API token whose text has `hash`, revoked or not, or `nil`.
    func apiToken(tokenHash hash: String) throws -> APIToken?

    /// The API tokens of `account`, revoked ones too, oldest first.
    func apiTokens(for account: Account.ID) throws -> [APIToken]

    /// The invitation whose code has `hash`, in any state, or `nil`.
    func invitation(codeHash hash: String) throws -> Invitation?

    /// The invitations `coach` made, in any state, oldest first.
    func invitations(coach: Account.ID) throws -> [Invitation]

    /// The link in force between `coach` and `client`, or `nil`.
    func coachLink(coach: Account.ID, client: Account.ID) throws -> CoachLink?

    /// The links in force of a client with their coaches, oldest first.
    func coachLinks(client: Account.ID) throws -> [CoachLink]

    /// Every client of `coach` under a link in force, with their account, person and kept state,
    /// oldest link first: one row per client, never their history.
    func coachedClients(of coach: Account.ID) throws -> [CoachedClient]

    /// The client whose person is `client`, when `coach` has a link in force with them.
    func coachedClient(_ client: Person.ID, of coach: Account.ID) throws -> CoachedClient?

    /// The notes `coach` wrote about `client`, oldest first.
    func clientNotes(coach: Account.ID, client: Person.ID) throws -> [ClientNote]

    /// The answer kept for `key` of `account`, or `nil`.
    func idempotencyRecord(account: Account.ID, key: String) throws -> IdempotencyRecord?

    /// The counter under `key`, or `nil` when nothing was counted.
    func rateLimitCounter(_ key: String) throws -> RateLimitCounter?

    /// The kept dashboard state of `person`, or `nil` when nothing was kept yet.
    func clientState(for person: Person.ID) throws -> ClientState?
}

/// The account writes of one transaction, beside its reads.
///
/// Identifiers come from the store; times are given by the caller. Every rule a record follows is
/// checked before writing (a field name in ``StoreError/field``) and again by the schema.
public protocol AccountStoreWriter: AccountStoreReader {
    /// Creates an account for `person` with a normalised email.
    ///
    /// - Throws: ``StoreError/Code/invalidRecord`` for an email that is not one or a hash of the
    ///   wrong length; ``StoreError/Code/alreadyExists`` when the email or the person has an
    ///   account already; ``StoreError/Code/notFound`` for an unknown person.
    func createAccount(email: String, role: AccountRole, person: Person.ID, passwordHash: String, at time: Timestamp)
        throws -> Account

    /// Replaces the password hash of `account`.
    func setPasswordHash(_ hash: String, for account: Account.ID) throws

    /// Sets (or, with `nil`, removes) the hash of the calendar feed's secret of `account`.
    func setCalendarSecretHash(_ hash: String?, for account: Account.ID) throws

    /// Deletes `person` and everything of theirs: assessments, plans, logs, the account, its
    /// sessions, tokens, invitations, links, notes, idempotency records and kept state.
    func deletePerson(_ person: Person.ID) throws

    /// Starts a session of `account`.
    ///
    /// - Throws: ``StoreError/Code/invalidRecord`` when `expiresAt` is not after `time`.
    func insertAuthSession(for account: Account.ID, tokenHash: String, at time: Timestamp, expiresAt: Timestamp)
        throws -> AuthSession

    /// Records that a session of `account` was used at `time`.
    func touchAuthSession(_ id: AuthSession.ID, for account: Account.ID, at time: Timestamp) throws

    /// Ends one session of `account`; a session of someone else is not found.
    func deleteAuthSession(_ id: AuthSession.ID, for account: Account.ID) throws

    /// Ends every session of `account`, except `kept` when given.
    func deleteAuthSessions(for account: Account.ID, except kept: AuthSession.ID?) throws

    /// Removes the sessions of `account` that ended by `time` (expired at or before it).
    func deleteExpiredAuthSessions(for account: Account.ID, at time: Timestamp) throws

    /// Makes an API token of `account`.
    func insertAPIToken(for account: Account.ID, name: String, tokenHash: String, at time: Timestamp) throws
        -> APIToken

    /// Revokes a token of `account` (again is harmless); a token of someone else is not found.
    func revokeAPIToken(_ id: APIToken.ID, for account: Account.ID, at time: Timestamp) throws

    /// Makes an invitation of `coach`, which must be a coach's account.
    func insertInvitation(
        coach: Account.ID, codeHash: String, email: String?, at time: Timestamp, expiresAt: Timestamp
    ) throws -> Invitation

    /// Revokes an open invitation of `coach`; another coach's is not found.
    func revokeInvitation(_ id: Invitation.ID, coach: Account.ID, at time: Timestamp) throws

    /// Accepts an open invitation for the client account `client` and links it with the coach.
    ///
    /// - Throws: ``StoreError/Code/notFound`` for an unknown invitation or client;
    ///   ``StoreError/Code/invalidRecord`` for an invitation that is no longer open or a client
    ///   that is not a client's account; ``StoreError/Code/alreadyExists`` when the two are
    ///   linked already.
    func acceptInvitation(_ id: Invitation.ID, by client: Account.ID, at time: Timestamp) throws -> CoachLink

    /// Ends the link in force between `coach` and `client`.
    ///
    /// - Throws: ``StoreError/Code/notFound`` when there is none.
    func endCoachLink(coach: Account.ID, client: Account.ID, at time: Timestamp) throws

    /// Records how many of the client's deletions `coach` has seen.
    func setDeletionsSeen(_ count: Int, coach: Account.ID, client: Account.ID) throws

    /// Adds a note of `coach` about `client` (1 to 4,000 characters).
    func insertClientNote(coach: Account.ID, client: Person.ID, text: String, at time: Timestamp) throws
        -> ClientNote

    /// Keeps the answer to a request with an idempotency key.
    ///
    /// - Throws: ``StoreError/Code/alreadyExists`` when the account has a record for the key.
    func insertIdempotencyRecord(_ record: IdempotencyRecord) throws

    /// Forgets the idempotency records of `account` made before `time`.
    func deleteIdempotencyRecords(for account: Account.ID, before time: Timestamp) throws

    /// Writes a counter (creating or replacing it).
    func saveRateLimitCounter(_ counter: RateLimitCounter) throws

    /// Removes the counter under `key`, if any.
    func deleteRateLimitCounter(_ key: String) throws

    /// Removes every counter whose window started before `time`.
    func deleteRateLimitCounters(before time: Timestamp) throws

    /// Writes the kept dashboard state of its person (creating or replacing it).
    func saveClientState(_ state: ClientState) throws
}

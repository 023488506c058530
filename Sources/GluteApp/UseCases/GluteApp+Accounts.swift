internal import GluteCore
internal import GluteJSON
internal import GluteSecurity
public import GluteStore

extension GluteApp {
    /// The purpose a session's CSRF token is derived for (see ``GluteSecurity/SecretToken/derived(for:)``).
    static let csrfPurpose = "glutecoach csrf v1"

    // MARK: Signing up and in

    /// Creates a client account with its person and signs it in.
    ///
    /// The person's zone is `timeZone`, else UTC: a server never uses its machine's zone. Sign-ups
    /// from one address are limited (``AccountSettings/signUpLimit``), since each costs a hash.
    ///
    /// - Parameters:
    ///   - email: the login, normalised (trimmed, lower case); one account per email.
    ///   - password: at least 12 characters.
    ///   - name: an optional display name.
    ///   - timeZone: an IANA zone name.
    ///   - address: the caller's network address, for the limit.
    /// - Throws: ``AppError`` on `email`, `password`, `name` or `timeZone`; ``AppError/Code/conflict``
    ///   for an email that has an account; ``AppError/Code/rateLimited``.
    public func signUp(email: String, password: String, name: String? = nil, timeZone: String? = nil, address: String)
        async throws -> SignedIn
    {
        let email = try Self.checkedEmail(email)
        try Self.checkNewPassword(password)
        let zone = try Self.checkedZone(timeZone)
        if let name {
            try AppError.checkedStore { () throws(StoreError) in
                try RecordRules.checked(name, RecordRules.nameLength, field: "name")
            }
        }
        let now = clock.now()
        let settings = accounts
        try await run {
            try await store.write { tx in
                try RateLimiter(tx: tx, now: now).reserve(
                    [(RateLimiter.signUpAddressKey(address), settings.signUpLimit)], what: "sign-ups from this address")
                if try tx.account(email: email) != nil { throw Self.emailTaken() }
            }
        }
        let hash = try await hashPassword(password)
        return try await run {
            try await store.write { tx in
                if try tx.account(email: email) != nil { throw Self.emailTaken() }
                let person = try tx.createPerson(name: name, timeZone: zone, at: now)
                let account = try tx.createAccount(
                    email: email, role: .client, person: person.id, passwordHash: hash, at: now)
                let session = try Self.startSession(account, tx: tx, settings: settings, at: now)
                return SignedIn(account: AccountView(account, person: person), session: session)
            }
        }
    }

    /// Signs in with an email and password and starts a new session (a new cookie every time;
    /// the session of `replacing`, the cookie the browser had, ends).
    ///
    /// An unknown email and a wrong password get the same error after the same work. Every
    /// attempt counts against the email and the address (``AccountSettings/signInLimits``); a
    /// success takes its attempt back and forgives the email's earlier failures. A hash made with
    /// older parameters is replaced.
    ///
    /// - Throws: ``AppError/Code/unauthorized`` ("the email or the password is wrong"),
    ///   ``AppError/Code/rateLimited`` with ``AppError/retryAfterSeconds``.
    public func signIn(email: String, password: String, address: String, replacing cookie: String? = nil)
        async throws -> SignedIn
    {
        let email = Account.normalizedEmail(email)
        let now = clock.now()
        let settings = accounts
        let accountKey = RateLimiter.signInAccountKey(email)
        let addressKey = RateLimiter.signInAddressKey(address)
        let found = try await run {
            try await store.write { tx in
                let limiter = RateLimiter(tx: tx, now: now)
                try limiter.prune(
                    longest: max(
                        settings.signInLimits.perAccount.window, settings.signInLimits.perAddress.window,
                        settings.signUpLimit.window))
                try limiter.reserve(
                    [(accountKey, settings.signInLimits.perAccount), (addressKey, settings.signInLimits.perAddress)],
                    what: "sign-in attempts")
                return try tx.account(email: email)
            }
        }
        let hasher = settings.hasher
        let stored = if let found { found.passwordHash } else { await settings.decoy.value(hasher) }
        let matches = await hasher.verify(password, against: stored)
        guard matches, let account = found else { throw AppError.invalidCredentials() }
        let rehashed = hasher.needsRehash(account.passwordHash) ? try? await hasher.hash(password) : nil
        let old = cookie.flatMap(SecretToken.init)?.hash
        return try await run {
            try await store.write { tx in
                let limiter = RateLimiter(tx: tx, now: now)
                try limiter.clear(accountKey)
                try limiter.release(addressKey)
                guard let current = try tx.account(account.id) else { throw AppError.invalidCredentials() }
                if let rehashed { try tx.setPasswordHash(rehashed, for: current.id) }
                if let old, let previous = try tx.authSession(tokenHash: old) {
                    try tx.deleteAuthSession(previous.id, for: previous.accountID)
                }
                try tx.deleteExpiredAuthSessions(for: current.id, at: now)
                let session = try Self.startSession(current, tx: tx, settings: settings, at: now)
                return SignedIn(
                    account: AccountView(current, person: try tx.person(current.personID)), session: session)
            }
        }
    }

    /// Ends the session of `cookie`; an unknown or ended one is no error.
    public func signOut(cookie: String) async throws {
        guard let token = SecretToken(cookie) else { return }
        try await run {
            try await store.write { tx in
                guard let session = try tx.authSession(tokenHash: token.hash) else { return }
                try tx.deleteAuthSession(session.id, for: session.accountID)
            }
        }
    }

    /// The live session whose cookie is `cookie`, or `nil` (unknown, ended, or idle too long).
    ///
    /// A session ends ``AccountSettings/sessionLifetime`` after signing in, or after
    /// ``AccountSettings/sessionIdleTimeout`` unused. Its last use is written at most once per
    /// ``AccountSettings/sessionTouchInterval``, so most lookups are one read.
    public func session(cookie: String) async throws -> SessionContext? {
        guard let token = SecretToken(cookie) else { return nil }
        let now = clock.now()
        let settings = accounts
        let found = try await run {
            try await store.read { tx -> (AuthSession, AccountView)? in
                guard let session = try tx.authSession(tokenHash: token.hash),
                    let view = try tx.accountView(session.accountID)
                else { return nil }
                return (session, view)
            }
        }
        guard let (session, view) = found else { return nil }
        let idleEnd = session.lastSeenAt.adding(milliseconds: settings.sessionIdleTimeout.milliseconds)
        guard now < session.expiresAt, now < idleEnd else {
            _ = try? await store.write { tx in try tx.deleteAuthSession(session.id, for: session.accountID) }
            return nil
        }
        if now >= session.lastSeenAt.adding(milliseconds: settings.sessionTouchInterval.milliseconds) {
            do {
                try await store.write { tx in try tx.touchAuthSession(session.id, for: session.accountID, at: now) }
            } catch let error as StoreError where error.code == .notFound {
                return nil  // signed out meanwhile
            } catch let error as StoreError {
                throw AppError(store: error)
            }
        }
        return SessionContext(
            account: view, session: session.id, csrfToken: token.derived(for: Self.csrfPurpose),
            expiresAt: session.expiresAt)
    }

    // MARK: On the server machine

    /// Creates an account with its person: how coach accounts are made (`glute account create`
    /// on the server machine), and client accounts without signing up.
    ///
    /// - Throws: ``AppError`` on `email`, `password` or `timeZone`; ``AppError/Code/conflict`` for
    ///   an email that has an account.
    public func createAccount(
        email: String, role: AccountRole, password: String, name: String? = nil, timeZone: String? = nil
    ) async throws -> AccountView {
        let email = try Self.checkedEmail(email)
        try Self.checkNewPassword(password)
        let zone = try Self.checkedZone(timeZone)
        if try await run({ try await store.read { tx in try tx.account(email: email) != nil } }) {
            throw Self.emailTaken()
        }
        let hash = try await hashPassword(password)
        let now = clock.now()
        return try await run {
            try await store.write { tx in
                if try tx.account(email: email) != nil { throw Self.emailTaken() }
                let person = try tx.createPerson(name: name, timeZone: zone, at: now)
                let account = try tx.createAccount(
                    email: email, role: role, person: person.id, passwordHash: hash, at: now)
                return AccountView(account, person: person)
            }
        }
    }

    /// Sets a new password for the account with `email` without the old one (`glute account
    /// reset-password` on the server machine: no email is sent); every session ends and the
    /// email's failed sign-ins are forgotten.
    ///
    /// - Throws: ``AppError/Code/notFound`` for an email without an account; ``AppError`` on `password`.
    public func resetPassword(email: String, newPassword: String) async throws -> AccountView {
        let email = Account.normalizedEmail(email)
        try Self.checkNewPassword(newPassword)
        guard try await run({ try await store.read { tx in try tx.account(email: email) != nil } }) else {
            throw AppError(code: .notFound, message: "there is no account with this email", field: "email")
        }
        let hash = try await hashPassword(newPassword)
        let now = clock.now()
        return try await run {
            try await store.write { tx in
                guard let account = try tx.account(email: email) else { throw AppError.noSuchAccount() }
                try tx.setPasswordHash(hash, for: account.id)
                try tx.deleteAuthSessions(for: account.id, except: nil)
                try RateLimiter(tx: tx, now: now).clear(RateLimiter.signInAccountKey(email))
                return AccountView(account, person: try tx.person(account.personID))
            }
        }
    }

    // MARK: The account itself

    /// Changes the password after checking the current one; every other session ends (the one
    /// of `cookie`, the caller's, stays).
    ///
    /// Wrong current passwords count against the account's sign-in limit.
    ///
    /// - Throws: ``AppError/Code/unauthorized`` for a wrong current password, ``AppError`` on
    ///   `newPassword`, ``AppError/Code/rateLimited``.
    public func changePassword(_ account: Account.ID, current: String, new: String, keepingSession cookie: String?)
        async throws
    {
        try Self.checkNewPassword(new, field: "newPassword")
        let now = clock.now()
        let settings = accounts
        let record = try await run {
            try await store.write { tx in
                guard let record = try tx.account(account) else { throw AppError.noSuchAccount() }
                try RateLimiter(tx: tx, now: now).reserve(
                    [(RateLimiter.signInAccountKey(record.email), settings.signInLimits.perAccount)],
                    what: "password attempts")
                return record
            }
        }
        guard await settings.hasher.verify(current, against: record.passwordHash) else {
            throw AppError(code: .unauthorized, message: "the current password is wrong", field: "currentPassword")
        }
        let hash = try await hashPassword(new)
        let kept = cookie.flatMap(SecretToken.init)?.hash
        try await run {
            try await store.write { tx in
                try RateLimiter(tx: tx, now: now).clear(RateLimiter.signInAccountKey(record.email))
                try tx.setPasswordHash(hash, for: account)
                let session = try kept.flatMap { try tx.authSession(tokenHash: $0) }
                try tx.deleteAuthSessions(for: account, except: session?.accountID == account ? session?.id : nil)
            }
        }
    }

    /// Deletes the account and all its data: the person with every assessment, plan and log, its
    /// sessions and tokens, and (for a coach) the invitations, links and notes.
    public func deleteAccount(_ account: Account.ID) async throws {
        try await run {
            try await store.write { tx in
                guard let record = try tx.account(account) else { throw AppError.noSuchAccount() }
                try tx.deletePerson(record.personID)
            }
        }
    }

    /// What the account sees of itself: its details, a client's coaches, a coach's client count.
    public func me(_ account: Account.ID) async throws -> MeView {
        try await run {
            try await store.read { tx in
                guard let record = try tx.account(account) else { throw AppError.noSuchAccount() }
                let view = AccountView(record, person: try tx.person(record.personID))
                let coaches = try tx.coachLinks(client: account).compactMap { try tx.accountView($0.coachID) }
                let clients = record.role == .coach ? try tx.coachedClients(of: account).count : 0
                return MeView(
                    account: view, coaches: coaches, clientCount: clients,
                    hasCalendarFeed: record.calendarSecretHash != nil)
            }
        }
    }

    // MARK: Helpers

    /// Starts a session of `account`: a new random cookie, kept only as its hash.
    static func startSession(_ account: Account, tx: any StoreWriter, settings: AccountSettings, at now: Timestamp)
        throws -> IssuedSession
    {
        let token = SecretToken.random()
        let session = try tx.insertAuthSession(
            for: account.id, tokenHash: token.hash, at: now,
            expiresAt: now.adding(milliseconds: settings.sessionLifetime.milliseconds))
        return IssuedSession(
            id: session.id, cookie: token.text, csrfToken: token.derived(for: csrfPurpose),
            expiresAt: session.expiresAt)
    }

    /// The argon2id hash of a new password.
    func hashPassword(_ password: String) async throws -> String {
        do { return try await accounts.hasher.hash(password) } catch {
            throw AppError(code: .failure, message: error.message, underlying: error)
        }
    }

    /// `email` normalised, or an input error on `email`.
    static func checkedEmail(_ email: String, field: String = "email") throws -> String {
        let normalized = Account.normalizedEmail(email)
        try AppError.checkedStore { () throws(StoreError) in try RecordRules.checkEmail(normalized, field: field) }
        return normalized
    }

    /// Throws an input error on `field` unless `password` follows ``GluteSecurity/PasswordPolicy``.
    static func checkNewPassword(_ password: String, field: String = "password") throws {
        do { try PasswordPolicy.check(password) } catch { throw AppError.invalid(field, error.message) }
    }

    /// `timeZone` when the machine knows it, UTC when `nil`, else an input error.
    static func checkedZone(_ timeZone: String?) throws -> String {
        guard let timeZone else { return "UTC" }
        guard TimeZoneRules.isKnown(timeZone) else {
            throw AppError.invalid("timeZone", "must be an IANA time-zone name such as \"Europe/Berlin\"")
        }
        return timeZone
    }

    static func emailTaken() -> AppError {
        AppError(code: .conflict, message: "an account with this email exists already", field: "email")
    }
}

extension AppError {
    /// The value of `body`, its store error turned into an application error.
    static func checkedStore<Value>(_ body: () throws(StoreError) -> Value) throws(AppError) -> Value {
        do { return try body() } catch { throw AppError(store: error) }
    }
}

internal import Foundation
internal import GluteApp
public import GluteCore
internal import GluteJSON
public import GluteStore
internal import Synchronization

/// An ``AccountDirectory`` kept in memory and, when given a file, written to it (atomically, with
/// a sync) after every change of accounts, tokens, links, invitations, notes or sessions.
///
/// Stand-in: the accounts branch keeps accounts in the store itself, in the same transactions as
/// the data; this class goes when that lands. Until then it keeps secrets only as SHA-256 digests
/// and passwords as PBKDF2-HMAC-SHA-256 hashes, and it keeps idempotency keys in memory only (a
/// retry after a restart is not recognised).
public final class StandInAccountDirectory: AccountDirectory {
    /// How long a session lives without use, and at most.
    public struct Lifetimes: Sendable {
        /// A session not used for this long ends.
        public var idle: Int64
        /// A session ends this long after sign-in, used or not.
        public var absolute: Int64
        /// Invitations work this long.
        public var invitation: Int64

        /// Seven days idle, thirty days at most, invitations for fourteen days (all in seconds).
        public init(idle: Int64 = 7 * 86_400, absolute: Int64 = 30 * 86_400, invitation: Int64 = 14 * 86_400) {
            self.idle = idle
            self.absolute = absolute
            self.invitation = invitation
        }
    }

    struct StoredAccount {
        var account: AccountInfo
        var passwordHash: String
        var feedSecretDigest: String
        var feedSecret: String
    }

    struct StoredSession {
        var id: String
        var account: String
        var csrf: String
        var createdAt: Timestamp
        var lastSeen: Timestamp
    }

    struct StoredToken {
        var info: APITokenInfo
        var account: String
    }

    struct State {
        var accounts: [String: StoredAccount] = [:]
        var byEmail: [String: String] = [:]
        var sessions: [String: StoredSession] = [:]  // by digest of the secret
        var tokens: [String: StoredToken] = [:]  // by digest of the secret
        var links: [(coach: String, client: String)] = []
        var invitations: [InvitationInfo] = []
        var notes: [CoachNote] = []
        var idempotency: [String: IdempotencyState] = [:]
        var fingerprints: [String: String] = [:]
    }

    private let state = Mutex(State())
    private let file: String?
    private let lifetimes: Lifetimes
    private let passwordIterations: Int
    private let writeLock = Mutex(())

    /// Opens the directory, reading `file` when it exists.
    ///
    /// - Parameters:
    ///   - file: where to keep it (beside the database), or `nil` for memory only (tests).
    ///   - lifetimes: session and invitation lifetimes.
    ///   - passwordIterations: PBKDF2 iterations (tests use few).
    public init(file: String?, lifetimes: Lifetimes = Lifetimes(), passwordIterations: Int = 60_000) throws {
        self.file = file
        self.lifetimes = lifetimes
        self.passwordIterations = passwordIterations
        if let file, FileManager.default.fileExists(atPath: file) {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let loaded = try Self.decode(text)
            state.withLock { $0 = loaded }
        }
    }

    // MARK: Accounts

    /// Whether no account exists.
    public var isEmpty: Bool { state.withLock { $0.accounts.isEmpty } }

    /// Creates an account.
    public func createAccount(email: String, password: String, role: AccountRole, person: Person.ID, at: Timestamp)
        throws -> AccountInfo
    {
        let email = try Self.checkedEmail(email)
        try Self.checkPassword(password, field: "password")
        let hash = hashPassword(password)
        let feed = Self.secret()
        let account = AccountInfo(
            id: "acc_" + Self.secret(bytes: 16), email: email, role: role, person: person, createdAt: at)
        try change { state in
            guard state.byEmail[email] == nil else {
                throw AppError(code: .conflict, message: "an account with this email exists already", field: "email")
            }
            state.accounts[account.id] = StoredAccount(
                account: account, passwordHash: hash, feedSecretDigest: Self.digest(feed), feedSecret: feed)
            state.byEmail[email] = account.id
        }
        return account
    }

    /// The account with `id`.
    public func account(id: String) -> AccountInfo? { state.withLock { $0.accounts[id]?.account } }

    /// The account with `email`.
    public func account(email: String) -> AccountInfo? {
        state.withLock { state in state.byEmail[email.lowercased()].flatMap { state.accounts[$0]?.account } }
    }

    /// Checks a password; an unknown email costs the same hashing as a known one.
    public func verify(email: String, password: String) -> AccountInfo? {
        let stored = state.withLock { state in state.byEmail[email.lowercased()].flatMap { state.accounts[$0] } }
        guard let stored else {
            _ = checkPassword(password, against: Self.dummyHash)
            return nil
        }
        return checkPassword(password, against: stored.passwordHash) ? stored.account : nil
    }

    /// Changes a password and ends every other session of the account.
    public func changePassword(account: String, current: String, new: String, keepingSession: String?) throws {
        guard let stored = state.withLock({ $0.accounts[account] }) else { throw Self.noAccount() }
        guard checkPassword(current, against: stored.passwordHash) else {
            throw AppError(code: .invalidInput, message: "the current password is wrong", field: "currentPassword")
        }
        try Self.checkPassword(new, field: "newPassword")
        let hash = hashPassword(new)
        try change { state in
            state.accounts[account]?.passwordHash = hash
            state.sessions = state.sessions.filter { $0.value.account != account || $0.value.id == keepingSession }
        }
    }

    /// Points the account at another person.
    public func setPerson(_ person: Person.ID, for account: String) throws {
        try change { state in
            guard state.accounts[account] != nil else { throw Self.noAccount() }
            state.accounts[account]?.account.person = person
        }
    }

    /// Deletes an account and everything that hangs on it.
    public func deleteAccount(_ id: String) throws {
        try change { state in
            guard let stored = state.accounts.removeValue(forKey: id) else { throw Self.noAccount() }
            state.byEmail[stored.account.email] = nil
            state.sessions = state.sessions.filter { $0.value.account != id }
            state.tokens = state.tokens.filter { $0.value.account != id }
            state.links.removeAll { $0.coach == id || $0.client == id }
            state.invitations.removeAll { $0.coach == id }
            state.notes.removeAll { $0.coach == id || $0.client == id }
        }
    }

    // MARK: Sessions

    /// Starts a session with a new secret.
    public func startSession(for account: String, at: Timestamp) throws -> IssuedSession {
        let secret = Self.secret()
        let session = StoredSession(
            id: "ses_" + Self.secret(bytes: 8), account: account, csrf: Self.secret(), createdAt: at, lastSeen: at)
        try change { state in
            guard state.accounts[account] != nil else { throw Self.noAccount() }
            // Ended sessions are dropped here, so the table cannot grow without bound.
            state.sessions = state.sessions.filter { !self.isExpired($0.value, at: at) }
            state.sessions[Self.digest(secret)] = session
        }
        return IssuedSession(
            id: session.id, secret: secret, csrfToken: session.csrf, expiresAt: expiry(of: session))
    }

    /// The live session of a cookie.
    ///
    /// Its last use is noted in memory at most once a minute.
    public func session(secret: String, at now: Timestamp) -> (AccountInfo, SessionInfo)? {
        let key = Self.digest(secret)
        return state.withLock { state in
            guard let session = state.sessions[key], let account = state.accounts[session.account]?.account else {
                return nil
            }
            if isExpired(session, at: now) {
                state.sessions[key] = nil
                return nil
            }
            if now.millisecondsSince1970 - session.lastSeen.millisecondsSince1970 >= 60_000 {
                state.sessions[key]?.lastSeen = now
            }
            return (account, SessionInfo(id: session.id, csrfToken: session.csrf, expiresAt: expiry(of: session)))
        }
    }

    /// Ends a session.
    public func endSession(_ id: String) {
        try? change { state in state.sessions = state.sessions.filter { $0.value.id != id } }
    }

    private func isExpired(_ session: StoredSession, at now: Timestamp) -> Bool {
        now >= expiry(of: session)
    }

    private func expiry(of session: StoredSession) -> Timestamp {
        min(session.lastSeen.adding(seconds: lifetimes.idle), session.createdAt.adding(seconds: lifetimes.absolute))
    }

    // MARK: Tokens

    /// Makes an API token.
    public func createToken(for account: String, name: String, at: Timestamp) throws -> (APITokenInfo, secret: String) {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard (1...100).contains(name.unicodeScalars.count) else {
            throw AppError.invalid("name", "must be 1 to 100 characters")
        }
        let secret = "glt_" + Self.secret()
        let info = APITokenInfo(id: "tok_" + Self.secret(bytes: 8), name: name, createdAt: at)
        try change { state in
            guard state.accounts[account] != nil else { throw Self.noAccount() }
            state.tokens[Self.digest(secret)] = StoredToken(info: info, account: account)
        }
        return (info, secret)
    }

    /// The account of an API token.
    public func tokenAccount(secret: String) -> (AccountInfo, tokenID: String)? {
        let key = Self.digest(secret)
        return state.withLock { state in
            guard let token = state.tokens[key], let account = state.accounts[token.account]?.account else {
                return nil
            }
            return (account, token.info.id)
        }
    }

    /// Revokes a token.
    public func revokeToken(_ id: String, for account: String) throws {
        try change { state in
            guard let key = state.tokens.first(where: { $0.value.info.id == id && $0.value.account == account })?.key
            else { throw AppError(code: .notFound, message: "there is no such token") }
            state.tokens[key] = nil
        }
    }

    /// The account's tokens, oldest first.
    public func tokens(for account: String) -> [APITokenInfo] {
        state.withLock { state in
            state.tokens.values.filter { $0.account == account }.map(\.info).sorted {
                ($0.createdAt, $0.id) < ($1.createdAt, $1.id)
            }
        }
    }

    // MARK: Calendar feed

    /// The feed secret.
    public func feedSecret(for account: String) -> String? { state.withLock { $0.accounts[account]?.feedSecret } }

    /// A new feed secret.
    public func renewFeedSecret(for account: String) throws -> String {
        let secret = Self.secret()
        try change { state in
            guard state.accounts[account] != nil else { throw Self.noAccount() }
            state.accounts[account]?.feedSecret = secret
            state.accounts[account]?.feedSecretDigest = Self.digest(secret)
        }
        return secret
    }

    /// The account of a feed secret.
    public func account(feedSecret secret: String) -> AccountInfo? {
        let digest = Self.digest(secret)
        return state.withLock { state in state.accounts.values.first { $0.feedSecretDigest == digest }?.account }
    }

    // MARK: Coaching

    /// Makes an invitation.
    public func createInvitation(coach: String, at: Timestamp) throws -> InvitationInfo {
        let invitation = InvitationInfo(
            id: "inv_" + Self.secret(bytes: 8), code: Self.secret(bytes: 12), coach: coach, createdAt: at,
            expiresAt: at.adding(seconds: lifetimes.invitation), acceptedBy: nil, revoked: false)
        try change { state in
            guard state.accounts[coach]?.account.role == .coach else { throw Self.noAccount() }
            state.invitations.append(invitation)
        }
        return invitation
    }

    /// Revokes an invitation.
    public func revokeInvitation(_ id: String, coach: String) throws {
        try change { state in
            guard let index = state.invitations.firstIndex(where: { $0.id == id && $0.coach == coach }) else {
                throw AppError(code: .notFound, message: "there is no such invitation")
            }
            guard state.invitations[index].acceptedBy == nil else {
                throw AppError(
                    code: .conflict, message: "the invitation was accepted already: remove the client instead")
            }
            state.invitations[index].revoked = true
        }
    }

    /// Accepts an invitation.
    public func acceptInvitation(code: String, client: String, at: Timestamp) throws -> AccountInfo {
        try change { state -> AccountInfo in
            guard let index = state.invitations.firstIndex(where: { $0.code == code }),
                !state.invitations[index].revoked, state.invitations[index].acceptedBy == nil,
                at < state.invitations[index].expiresAt,
                let coach = state.accounts[state.invitations[index].coach]?.account
            else {
                throw AppError(
                    code: .notFound, message: "this invitation does not work (unknown, used, revoked or expired)",
                    field: "code")
            }
            guard coach.id != client else {
                throw AppError(code: .conflict, message: "you cannot be your own client", field: "code")
            }
            state.invitations[index].acceptedBy = client
            if !state.links.contains(where: { $0.coach == coach.id && $0.client == client }) {
                state.links.append((coach: coach.id, client: client))
            }
            return coach
        }
    }

    /// The coach's invitations, newest first.
    public func invitations(coach: String) -> [InvitationInfo] {
        state.withLock { $0.invitations.filter { $0.coach == coach }.reversed() }
    }

    /// The coach's clients.
    public func clients(of coach: String) -> [AccountInfo] {
        state.withLock { state in
            state.links.filter { $0.coach == coach }.compactMap { state.accounts[$0.client]?.account }
        }
    }

    /// The client's coaches.
    public func coaches(of client: String) -> [AccountInfo] {
        state.withLock { state in
            state.links.filter { $0.client == client }.compactMap { state.accounts[$0.coach]?.account }
        }
    }

    /// Whether the link exists.
    public func isCoach(_ coach: String, of client: String) -> Bool {
        state.withLock { $0.links.contains { $0.coach == coach && $0.client == client } }
    }

    /// Ends a link.
    public func unlink(coach: String, client: String) throws {
        try change { state in
            guard state.links.contains(where: { $0.coach == coach && $0.client == client }) else {
                throw AppError(code: .notFound, message: "there is no such coach and client")
            }
            state.links.removeAll { $0.coach == coach && $0.client == client }
        }
    }

    /// Adds a note.
    public func addNote(coach: String, client: String, text: String, at: Timestamp) throws -> CoachNote {
        guard (1...4000).contains(text.unicodeScalars.count) else {
            throw AppError.invalid("text", "must be 1 to 4000 characters")
        }
        let note = CoachNote(
            id: "note_" + Self.secret(bytes: 8), coach: coach, client: client, text: text, createdAt: at)
        try change { state in state.notes.append(note) }
        return note
    }

    /// The coach's notes on the client.
    public func notes(coach: String, client: String) -> [CoachNote] {
        state.withLock { $0.notes.filter { $0.coach == coach && $0.client == client } }
    }

    // MARK: Idempotency (memory only in this stand-in)

    /// Reserves a key or reports on it.
    public func beginIdempotent(account: String, key: String, fingerprint: String) -> IdempotencyState {
        let slot = account + "\u{0}" + key
        return state.withLock { state in
            guard let known = state.idempotency[slot] else {
                state.idempotency[slot] = .inFlight
                state.fingerprints[slot] = fingerprint
                return .new
            }
            if state.fingerprints[slot] != fingerprint { return .mismatch }
            return known
        }
    }

    /// Keeps the answer.
    public func finishIdempotent(account: String, key: String, status: Int, body: String) {
        state.withLock { $0.idempotency[account + "\u{0}" + key] = .replay(status: status, body: body) }
    }

    /// Frees the key.
    public func abandonIdempotent(account: String, key: String) {
        state.withLock { state in
            state.idempotency[account + "\u{0}" + key] = nil
            state.fingerprints[account + "\u{0}" + key] = nil
        }
    }

    // MARK: Changing and saving

    /// Applies `body` to the state and writes the file; a body that throws changes nothing.
    private func change<Value>(_ body: (inout State) throws -> Value) throws -> Value {
        try writeLock.withLock { _ in
            let (value, snapshot) = try state.withLock { state -> (Value, State) in
                var copy = state
                let value = try body(&copy)
                state = copy
                return (value, copy)
            }
            if let file { try Self.save(snapshot, to: file) }
            return value
        }
    }

    private static func save(_ state: State, to file: String) throws {
        let text = encode(state)
        let temporary = file + ".tmp"
        guard let handle = fopen(temporary, "w") else {
            throw AppError(code: .failure, message: "cannot write the account file '\(file)'")
        }
        let bytes = Array(text.utf8)
        let written = fwrite(bytes, 1, bytes.count, handle)
        fflush(handle)
        fsync(fileno(handle))
        fclose(handle)
        guard written == bytes.count, rename(temporary, file) == 0 else {
            throw AppError(code: .failure, message: "cannot write the account file '\(file)'")
        }
    }

    // MARK: Secrets and passwords

    /// 32 random bytes (or `bytes`) in hexadecimal, from the system's generator.
    static func secret(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return SHA256.hex((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// The hexadecimal SHA-256 of a secret: what is kept instead of it.
    static func digest(_ secret: String) -> String { SHA256.hex(SHA256.digest(Array(secret.utf8))) }

    private func hashPassword(_ password: String) -> String {
        let salt = Self.secret(bytes: 16)
        let hash = SHA256.pbkdf2(password: Array(password.utf8), salt: Array(salt.utf8), iterations: passwordIterations)
        return "pbkdf2-sha256$\(passwordIterations)$\(salt)$\(SHA256.hex(hash))"
    }

    private func checkPassword(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 4, let iterations = Int(parts[1]) else { return false }
        let hash = SHA256.pbkdf2(password: Array(password.utf8), salt: Array(parts[2].utf8), iterations: iterations)
        return SHA256.constantTimeEqual(Array(SHA256.hex(hash).utf8), Array(parts[3].utf8))
    }

    private static let dummyHash = "pbkdf2-sha256$60000$00000000000000000000000000000000$00"

    /// The email in lower case, when it looks like an address; else an invalid-input error on `email`.
    public static func checkedEmail(_ email: String) throws -> String {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard (3...254).contains(email.count), parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !email.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7f })
        else { throw AppError.invalid("email", "must be an email address like ana@example.com") }
        return email
    }

    /// Checks a new password's length (8 to 1024 characters), naming `field` when it is wrong.
    public static func checkPassword(_ password: String, field: String) throws {
        guard (8...1024).contains(password.unicodeScalars.count) else {
            throw AppError.invalid(field, "must be 8 to 1024 characters")
        }
    }

    static func noAccount() -> AppError { AppError(code: .notFound, message: "there is no such account") }
}

internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// The account writes (``AccountStoreWriter``): every rule is checked here first, so the caller
/// gets a field name, and again by the schema.
extension SQLiteTransaction {
    private func newID<Record>() -> Identifier<Record> { Identifier(rawValue: ids.make()) }

    /// The account with `id`, which must exist.
    private func requireAccount(_ id: Account.ID) throws -> Account {
        guard let account = try account(id) else { throw StoreError.notFound("account", id: id.rawValue) }
        return account
    }

    /// Fails unless the last statement changed one row.
    private func requireChange(_ kind: String, id: String) throws {
        guard connection.changes == 1 else { throw StoreError.notFound(kind, id: id) }
    }

    // MARK: Accounts

    func createAccount(email: String, role: AccountRole, person: Person.ID, passwordHash: String, at time: Timestamp)
        throws -> Account
    {
        try requireWritable()
        let email = Account.normalizedEmail(email)
        try RecordRules.checkEmail(email)
        try RecordRules.checked(passwordHash, RecordRules.passwordHashLength, field: "passwordHash")
        try requirePerson(person)
        if try self.account(email: email) != nil {
            throw StoreError.alreadyExists("an account with this email", field: "email")
        }
        if try self.account(person: person) != nil { throw StoreError.alreadyExists("an account for this person") }
        let account = Account(
            id: newID(), email: email, role: role, personID: person, passwordHash: passwordHash, createdAt: time)
        try connection.insert(account)
        return account
    }

    func setPasswordHash(_ hash: String, for account: Account.ID) throws {
        try requireWritable()
        try RecordRules.checked(hash, RecordRules.passwordHashLength, field: "passwordHash")
        try connection.execute("UPDATE account SET password_hash = \(hash) WHERE id = \(account)")
        try requireChange("account", id: account.rawValue)
    }

    func setCalendarSecretHash(_ hash: String?, for account: Account.ID) throws {
        try requireWritable()
        if let hash { try RecordRules.checkSecretHash(hash, field: "calendarSecretHash") }
        try connection.execute("UPDATE account SET calendar_secret_hash = \(hash) WHERE id = \(account)")
        try requireChange("account", id: account.rawValue)
    }

    func deletePerson(_ person: Person.ID) throws {
        try requireWritable()
        // Foreign keys cascade from the person to everything of theirs (see migration 5).
        try connection.execute("DELETE FROM person WHERE id = \(person)")
        try requireChange("person", id: person.rawValue)
        facts = JobFacts()
        cache?.clear()
    }

    // MARK: Sessions and tokens

    func insertAuthSession(for account: Account.ID, tokenHash: String, at time: Timestamp, expiresAt: Timestamp)
        throws -> AuthSession
    {
        try requireWritable()
        try RecordRules.checkSecretHash(tokenHash, field: "tokenHash")
        guard expiresAt > time else {
            throw StoreError.invalidRecord(FieldError(field: "expiresAt", message: "must be after the start"))
        }
        _ = try requireAccount(account)
        let session = AuthSession(
            id: newID(), accountID: account, tokenHash: tokenHash, createdAt: time, expiresAt: expiresAt,
            lastSeenAt: time)
        try connection.insert(session)
        return session
    }

    func touchAuthSession(_ id: AuthSession.ID, for account: Account.ID, at time: Timestamp) throws {
        try requireWritable()
        try connection.execute(
            """
            UPDATE auth_session SET last_seen_at = max(last_seen_at, \(time)) WHERE id = \(id) \
            AND account_id = \(account)
            """)
        try requireChange("session", id: id.rawValue)
    }

    func deleteAuthSession(_ id: AuthSession.ID, for account: Account.ID) throws {
        try requireWritable()
        try connection.execute("DELETE FROM auth_session WHERE id = \(id) AND account_id = \(account)")
        try requireChange("session", id: id.rawValue)
    }

    func deleteAuthSessions(for account: Account.ID, except kept: AuthSession.ID?) throws {
        try requireWritable()
        if let kept {
            try connection.execute("DELETE FROM auth_session WHERE account_id = \(account) AND id <> \(kept)")
        } else {
            try connection.execute("DELETE FROM auth_session WHERE account_id = \(account)")
        }
    }

    func deleteExpiredAuthSessions(for account: Account.ID, at time: Timestamp) throws {
        try requireWritable()
        try connection.execute("DELETE FROM auth_session WHERE account_id = \(account) AND expires_at <= \(time)")
    }

    func insertAPIToken(for account: Account.ID, name: String, tokenHash: String, at time: Timestamp) throws
        -> APIToken
    {
        try requireWritable()
        try RecordRules.checked(name, RecordRules.tokenNameLength, field: "name")
        try RecordRules.checkSecretHash(tokenHash, field: "tokenHash")
        _ = try requireAccount(account)
        let token = APIToken(id: newID(), accountID: account, name: name, tokenHash: tokenHash, createdAt: time)
        try connection.insert(token)
        return token
    }

    func revokeAPIToken(_ id: APIToken.ID, for account: Account.ID, at time: Timestamp) throws {
        try requireWritable()
        try connection.execute(
            """
            UPDATE api_token SET revoked_at = coalesce(revoked_at, max(created_at, \(time))) WHERE id = \(id) \
            AND account_id = \(account)
            """)
        try requireChange("API token", id: id.rawValue)
    }

    // MARK: Coaching

    func insertInvitation(
        coach: Account.ID, codeHash: String, email: String?, at time: Timestamp, expiresAt: Timestamp
    ) throws -> Invitation {
        try requireWritable()
        try RecordRules.checkSecretHash(codeHash, field: "codeHash")
        let email = email.map(Account.normalizedEmail)
        if let email { try RecordRules.checkEmail(email) }
        guard expiresAt > time else {
            throw StoreError.invalidRecord(FieldError(field: "expiresAt", message: "must be after the start"))
        }
        guard try requireAccount(coach).role == .coach else {
            throw StoreError.invalidRecord(FieldError(field: "coach", message: "only a coach's account invites"))
        }
        let invitation = Invitation(
            id: newID(), coachID: coach, codeHash: codeHash, email: email, createdAt: time, expiresAt: expiresAt)
        try connection.insert(invitation)
        return invitation
    }

    func revokeInvitation(_ id: Invitation.ID, coach: Account.ID, at time: Timestamp) throws {
        try requireWritable()
        try connection.execute(
            """
            UPDATE invitation SET revoked_at = coalesce(revoked_at, \(time)) WHERE id = \(id) \
            AND coach_account_id = \(coach) AND accepted_at IS NULL
            """)
        guard connection.changes == 1 else {
            let exists = try !connection.rows(
                "SELECT 1 FROM invitation WHERE id = \(id) AND coach_account_id = \(coach)"
            ).isEmpty
            guard exists else { throw StoreError.notFound("invitation", id: id.rawValue) }
            throw StoreError.invalidRecord(FieldError(field: "id", message: "was accepted already"))
        }
    }

    func acceptInvitation(_ id: Invitation.ID, by client: Account.ID, at time: Timestamp) throws -> CoachLink {
        try requireWritable()
        guard
            let invitation = try connection.fetch(
                "SELECT \(SQLiteColumns.invitation) FROM invitation WHERE id = \(id)", SQLiteDecode.invitation
            ).first
        else { throw StoreError.notFound("invitation", id: id.rawValue) }
        let account = try requireAccount(client)
        guard account.role == .client, account.id != invitation.coachID else {
            throw StoreError.invalidRecord(FieldError(field: "client", message: "only a client's account accepts"))
        }
        guard invitation.isOpen(at: time) else {
            throw StoreError.invalidRecord(FieldError(field: "invitation", message: "is no longer open"))
        }
        if try coachLink(coach: invitation.coachID, client: client) != nil {
            throw StoreError.alreadyExists("a link between this coach and client")
        }
        try connection.execute(
            "UPDATE invitation SET accepted_by = \(client), accepted_at = \(time) WHERE id = \(id)")
        let link = CoachLink(id: newID(), coachID: invitation.coachID, clientID: client, since: time)
        try connection.insert(link)
        return link
    }

    func endCoachLink(coach: Account.ID, client: Account.ID, at time: Timestamp) throws {
        try requireWritable()
        try connection.execute(
            """
            UPDATE coach_link SET ended_at = max(since, \(time)) WHERE coach_account_id = \(coach) \
            AND client_account_id = \(client) AND ended_at IS NULL
            """)
        try requireChange("coach link", id: "\(coach.rawValue)/\(client.rawValue)")
    }

    func setDeletionsSeen(_ count: Int, coach: Account.ID, client: Account.ID) throws {
        try requireWritable()
        guard count >= 0 else {
            throw StoreError.invalidRecord(FieldError(field: "deletionsSeen", message: "must be 0 or more"))
        }
        try connection.execute(
            """
            UPDATE coach_link SET deletions_seen = \(count) WHERE coach_account_id = \(coach) \
            AND client_account_id = \(client) AND ended_at IS NULL
            """)
        try requireChange("coach link", id: "\(coach.rawValue)/\(client.rawValue)")
    }

    func insertClientNote(coach: Account.ID, client: Person.ID, text: String, at time: Timestamp) throws
        -> ClientNote
    {
        try requireWritable()
        try RecordRules.checked(text, RecordRules.noteLength, field: "text")
        _ = try requireAccount(coach)
        try requirePerson(client)
        let note = ClientNote(id: newID(), coachID: coach, clientID: client, text: text, createdAt: time)
        try connection.insert(note)
        return note
    }

    // MARK: Requests and state

    func insertIdempotencyRecord(_ record: IdempotencyRecord) throws {
        try requireWritable()
        try RecordRules.checked(record.key, RecordRules.idempotencyKeyLength, field: "key")
        try RecordRules.checked(record.operation, RecordRules.operationLength, field: "operation")
        if let fingerprint = record.fingerprint { try RecordRules.checked(fingerprint, 1...128, field: "fingerprint") }
        guard (100...599).contains(record.status) else {
            throw StoreError.invalidRecord(FieldError(field: "status", message: "must be an HTTP status"))
        }
        _ = try requireAccount(record.accountID)
        if try idempotencyRecord(account: record.accountID, key: record.key) != nil {
            throw StoreError.alreadyExists("a record for this idempotency key", field: "key")
        }
        try connection.insert(record)
    }

    func deleteIdempotencyRecords(for account: Account.ID, before time: Timestamp) throws {
        try requireWritable()
        try connection.execute(
            "DELETE FROM idempotency_record WHERE account_id = \(account) AND created_at < \(time)")
    }

    func saveRateLimitCounter(_ counter: RateLimitCounter) throws {
        try requireWritable()
        try RecordRules.checked(counter.key, RecordRules.rateLimitKeyLength, field: "key")
        guard counter.attempts >= 0 else {
            throw StoreError.invalidRecord(FieldError(field: "attempts", message: "must be 0 or more"))
        }
        try connection.execute(
            """
            INSERT INTO rate_limit (limit_key, window_start, attempts) \
            VALUES (\(counter.key), \(counter.windowStart), \(counter.attempts)) \
            ON CONFLICT (limit_key) DO UPDATE SET window_start = excluded.window_start, attempts = excluded.attempts
            """)
    }

    func deleteRateLimitCounter(_ key: String) throws {
        try requireWritable()
        try connection.execute("DELETE FROM rate_limit WHERE limit_key = \(key)")
    }

    func deleteRateLimitCounters(before time: Timestamp) throws {
        try requireWritable()
        try connection.execute("DELETE FROM rate_limit WHERE window_start < \(time)")
    }

    func saveClientState(_ state: ClientState) throws {
        try requireWritable()
        if let reason = state.stopReason {
            try RecordRules.checked(reason, RecordRules.reasonLength, field: "stopReason")
        }
        if let pain = state.highestPain, !(ProgressionRules.stopPain...10).contains(pain) {
            throw StoreError.invalidRecord(FieldError(field: "highestPain", message: "must be 4 to 10"))
        }
        guard state.deletions >= 0 else {
            throw StoreError.invalidRecord(FieldError(field: "deletions", message: "must be 0 or more"))
        }
        try requirePerson(state.personID)
        try connection.save(state)
        cache?.keep(state)
    }
}

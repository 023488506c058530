internal import GluteCore
internal import GluteStore

/// The account reads (``AccountStoreReader``).
extension SQLiteTransaction {
    // MARK: Accounts

    func account(_ id: Account.ID) throws -> Account? {
        try connection.fetch("SELECT \(SQLiteColumns.account) FROM account WHERE id = \(id)", SQLiteDecode.account)
            .first
    }

    func account(email: String) throws -> Account? {
        try connection.fetch(
            "SELECT \(SQLiteColumns.account) FROM account WHERE email = \(Account.normalizedEmail(email))",
            SQLiteDecode.account
        ).first
    }

    func account(person: Person.ID) throws -> Account? {
        try connection.fetch(
            "SELECT \(SQLiteColumns.account) FROM account WHERE person_id = \(person)", SQLiteDecode.account
        ).first
    }

    func account(calendarSecretHash hash: String) throws -> Account? {
        try connection.fetch(
            "SELECT \(SQLiteColumns.account) FROM account WHERE calendar_secret_hash = \(hash)", SQLiteDecode.account
        ).first
    }

    // MARK: Sessions and tokens

    func authSession(tokenHash hash: String) throws -> AuthSession? {
        try connection.fetch(
            "SELECT \(SQLiteColumns.authSession) FROM auth_session WHERE token_hash = \(hash)",
            SQLiteDecode.authSession
        ).first
    }

    func authSessions(for account: Account.ID) throws -> [AuthSession] {
        try connection.fetch(
            """
            SELECT \(SQLiteColumns.authSession) FROM auth_session WHERE account_id = \(account) \
            ORDER BY created_at, id
            """, SQLiteDecode.authSession)
    }

    func apiToken(tokenHash hash: String) throws -> APIToken? {
        try connection.fetch(
            "SELECT \(SQLiteColumns.apiToken) FROM api_token WHERE token_hash = \(hash)", SQLiteDecode.apiToken
        ).first
    }

    func apiTokens(for account: Account.ID) throws -> [APIToken] {
        try connection.fetch(
            "SELECT \(SQLiteColumns.apiToken) FROM api_token WHERE account_id = \(account) ORDER BY created_at, id",
            SQLiteDecode.apiToken)
    }

    // MARK: Coaching

    func invitation(codeHash hash: String) throws -> Invitation? {
        try connection.fetch(
            "SELECT \(SQLiteColumns.invitation) FROM invitation WHERE code_hash = \(hash)", SQLiteDecode.invitation
        ).first
    }

    func invitations(coach: Account.ID) throws -> [Invitation] {
        try connection.fetch(
            """
            SELECT \(SQLiteColumns.invitation) FROM invitation WHERE coach_account_id = \(coach) \
            ORDER BY created_at, id
            """, SQLiteDecode.invitation)
    }

    func coachLink(coach: Account.ID, client: Account.ID) throws -> CoachLink? {
        try connection.fetch(
            """
            SELECT \(SQLiteColumns.coachLink) FROM coach_link WHERE coach_account_id = \(coach) \
            AND client_account_id = \(client) AND ended_at IS NULL
            """, SQLiteDecode.coachLink
        ).first
    }

    func coachLinks(client: Account.ID) throws -> [CoachLink] {
        try connection.fetch(
            """
            SELECT \(SQLiteColumns.coachLink) FROM coach_link WHERE client_account_id = \(client) \
            AND ended_at IS NULL ORDER BY since, id
            """, SQLiteDecode.coachLink)
    }

    func coachedClients(of coach: Account.ID) throws -> [CoachedClient] {
        try connection.fetch(
            """
            SELECT \(SQLiteColumns.coachedClient) \(SQLiteColumns.coachedClientJoins) \
            WHERE coach_link.coach_account_id = \(coach) AND coach_link.ended_at IS NULL \
            ORDER BY coach_link.since, coach_link.id
            """, SQLiteDecode.coachedClient)
    }

    func coachedClient(_ client: Person.ID, of coach: Account.ID) throws -> CoachedClient? {
        try connection.fetch(
            """
            SELECT \(SQLiteColumns.coachedClient) \(SQLiteColumns.coachedClientJoins) \
            WHERE coach_link.coach_account_id = \(coach) AND coach_link.ended_at IS NULL AND person.id = \(client)
            """, SQLiteDecode.coachedClient
        ).first
    }

    func clientNotes(coach: Account.ID, client: Person.ID) throws -> [ClientNote] {
        try connection.fetch(
            """
            SELECT \(SQLiteColumns.clientNote) FROM client_note WHERE coach_account_id = \(coach) \
            AND client_person_id = \(client) ORDER BY created_at, id
            """, SQLiteDecode.clientNote)
    }

    // MARK: Requests and state

    func idempotencyRecord(account: Account.ID, key: String) throws -> IdempotencyRecord? {
        try connection.fetch(
            """
            SELECT \(SQLiteColumns.idempotencyRecord) FROM idempotency_record WHERE account_id = \(account) \
            AND idempotency_key = \(key)
            """, SQLiteDecode.idempotencyRecord
        ).first
    }

    func rateLimitCounter(_ key: String) throws -> RateLimitCounter? {
        try connection.fetch(
            "SELECT limit_key, window_start, attempts FROM rate_limit WHERE limit_key = \(key)",
            SQLiteDecode.rateLimitCounter
        ).first
    }

    func clientState(for person: Person.ID) throws -> ClientState? {
        if let kept = cache?.state(of: person.rawValue) { return kept }
        let found = try connection.fetch(
            "SELECT \(SQLiteColumns.clientState) FROM client_state WHERE person_id = \(person)",
            SQLiteDecode.clientState
        ).first
        if let found { cache?.keep(found) }
        return found
    }
}

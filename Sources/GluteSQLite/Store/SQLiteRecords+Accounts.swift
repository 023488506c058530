internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// The columns of the account tables, qualified by table so that they also read from joins.
extension SQLiteColumns {
    static let account: SQLQuery = """
        account.id, account.email, account.role, account.person_id, account.password_hash, \
        account.calendar_secret_hash, account.created_at
        """
    static let authSession: SQLQuery = "id, account_id, token_hash, created_at, expires_at, last_seen_at"
    static let apiToken: SQLQuery = "id, account_id, name, token_hash, created_at, revoked_at"
    static let invitation: SQLQuery = """
        id, coach_account_id, code_hash, email, created_at, expires_at, accepted_by, accepted_at, revoked_at
        """
    static let coachLink: SQLQuery = """
        coach_link.id, coach_link.coach_account_id, coach_link.client_account_id, coach_link.since, \
        coach_link.ended_at, coach_link.deletions_seen
        """
    static let clientNote: SQLQuery = "id, coach_account_id, client_person_id, text, created_at"
    static let idempotencyRecord: SQLQuery = """
        account_id, idempotency_key, operation, fingerprint, status, body_json, created_at
        """
    static let clientState: SQLQuery = """
        client_state.person_id, client_state.stop_reason, client_state.activation_days, client_state.week, \
        client_state.activation_days_done, client_state.painful_set_at, client_state.highest_pain, \
        client_state.last_log_at, client_state.stalled_items, client_state.regressed_items, \
        client_state.retests_due, client_state.reassess_on, client_state.deletions, client_state.last_deletion_at, \
        client_state.updated_at
        """
    /// A coached client: the link (6 columns), the account (7), the person (4) and the state (15).
    static let coachedClient: SQLQuery = """
        \(coachLink), \(account), person.id, person.name, person.time_zone, person.created_at, \(clientState)
        """
    /// The joins behind ``coachedClient``.
    static let coachedClientJoins: SQLQuery = """
        FROM coach_link JOIN account ON account.id = coach_link.client_account_id \
        JOIN person ON person.id = account.person_id \
        LEFT JOIN client_state ON client_state.person_id = person.id
        """
}

extension SQLiteConnection {
    func insert(_ account: Account) throws(SQLiteError) {
        try execute(
            """
            INSERT INTO account (id, email, role, person_id, password_hash, calendar_secret_hash, created_at) \
            VALUES (\(account.id), \(account.email), \(account.role.rawValue), \(account.personID), \
            \(account.passwordHash), \(account.calendarSecretHash), \(account.createdAt))
            """)
    }

    func insert(_ session: AuthSession) throws(SQLiteError) {
        try execute(
            """
            INSERT INTO auth_session (id, account_id, token_hash, created_at, expires_at, last_seen_at) \
            VALUES (\(session.id), \(session.accountID), \(session.tokenHash), \(session.createdAt), \
            \(session.expiresAt), \(session.lastSeenAt))
            """)
    }

    func insert(_ token: APIToken) throws(SQLiteError) {
        try execute(
            """
            INSERT INTO api_token (id, account_id, name, token_hash, created_at, revoked_at) \
            VALUES (\(token.id), \(token.accountID), \(token.name), \(token.tokenHash), \(token.createdAt), \
            \(token.revokedAt))
            """)
    }

    func insert(_ invitation: Invitation) throws(SQLiteError) {
        try execute(
            """
            INSERT INTO invitation (id, coach_account_id, code_hash, email, created_at, expires_at, accepted_by, \
            accepted_at, revoked_at) \
            VALUES (\(invitation.id), \(invitation.coachID), \(invitation.codeHash), \(invitation.email), \
            \(invitation.createdAt), \(invitation.expiresAt), \(invitation.acceptedBy), \(invitation.acceptedAt), \
            \(invitation.revokedAt))
            """)
    }

    func insert(_ link: CoachLink) throws(SQLiteError) {
        try execute(
            """
            INSERT INTO coach_link (id, coach_account_id, client_account_id, since, ended_at, deletions_seen) \
            VALUES (\(link.id), \(link.coachID), \(link.clientID), \(link.since), \(link.endedAt), \
            \(link.deletionsSeen))
            """)
    }

    func insert(_ note: ClientNote) throws(SQLiteError) {
        try execute(
            """
            INSERT INTO client_note (id, coach_account_id, client_person_id, text, created_at) \
            VALUES (\(note.id), \(note.coachID), \(note.clientID), \(note.text), \(note.createdAt))
            """)
    }

    func insert(_ record: IdempotencyRecord) throws(SQLiteError) {
        try execute(
            """
            INSERT INTO idempotency_record (account_id, idempotency_key, operation, fingerprint, status, body_json, \
            created_at) \
            VALUES (\(record.accountID), \(record.key), \(record.operation), \(record.fingerprint), \
            \(record.status), \(record.body.serialized(.compact)), \(record.createdAt))
            """)
    }

    func save(_ state: ClientState) throws(SQLiteError) {
        try execute(
            """
            INSERT INTO client_state (person_id, stop_reason, activation_days, week, activation_days_done, \
            painful_set_at, highest_pain, last_log_at, stalled_items, regressed_items, retests_due, reassess_on, \
            deletions, last_deletion_at, updated_at) \
            VALUES (\(state.personID), \(state.stopReason), \(WeekdayMask.value(state.activationDays)), \
            \(state.week?.description), \(WeekdayMask.value(state.activationDaysDone)), \(state.painfulSetAt), \
            \(state.highestPain), \(state.lastLogAt), \(SQLiteList.text(state.stalledItems.map(\.description))), \
            \(SQLiteList.text(state.regressedItems.map(\.description))), \
            \(SQLiteList.text(state.retestsDue.map(\.rawValue))), \(state.reassessOn?.description), \
            \(state.deletions), \(state.lastDeletionAt), \(state.updatedAt)) \
            ON CONFLICT (person_id) DO UPDATE SET stop_reason = excluded.stop_reason, \
            activation_days = excluded.activation_days, week = excluded.week, \
            activation_days_done = excluded.activation_days_done, painful_set_at = excluded.painful_set_at, \
            highest_pain = excluded.highest_pain, last_log_at = excluded.last_log_at, \
            stalled_items = excluded.stalled_items, regressed_items = excluded.regressed_items, \
            retests_due = excluded.retests_due, reassess_on = excluded.reassess_on, deletions = excluded.deletions, \
            last_deletion_at = excluded.last_deletion_at, updated_at = excluded.updated_at
            """)
    }
}

/// A set of weekdays as a bit mask (Monday is bit 0), as `client_state` keeps it.
enum WeekdayMask {
    static func value(_ days: Set<Weekday>) -> Int { days.reduce(0) { $0 | 1 << $1.index } }

    static func days(_ value: Int) -> Set<Weekday> {
        Set(Weekday.allCases.filter { value & 1 << $0.index != 0 })
    }
}

/// A list of short codes (item keys, retest names) in one text column, comma-separated; the codes
/// never hold a comma.
enum SQLiteList {
    static func text(_ items: [String]) -> String { items.joined(separator: ",") }

    static func items(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
}

/// Turns rows of the account tables into records.
extension SQLiteDecode {
    static func account(_ row: SQLiteRow) throws(SQLiteError) -> Account { try account(row, from: 0) }

    static func account(_ row: SQLiteRow, from start: Int) throws(SQLiteError) -> Account {
        Account(
            id: try row.id(start), email: try row.text(start + 1), role: try row.enumValue(start + 2),
            personID: try row.id(start + 3), passwordHash: try row.text(start + 4),
            calendarSecretHash: try row.optionalText(start + 5), createdAt: try row.timestamp(start + 6))
    }

    static func authSession(_ row: SQLiteRow) throws(SQLiteError) -> AuthSession {
        AuthSession(
            id: try row.id(0), accountID: try row.id(1), tokenHash: try row.text(2), createdAt: try row.timestamp(3),
            expiresAt: try row.timestamp(4), lastSeenAt: try row.timestamp(5))
    }

    static func apiToken(_ row: SQLiteRow) throws(SQLiteError) -> APIToken {
        APIToken(
            id: try row.id(0), accountID: try row.id(1), name: try row.text(2), tokenHash: try row.text(3),
            createdAt: try row.timestamp(4), revokedAt: try row.optionalTimestamp(5))
    }

    static func invitation(_ row: SQLiteRow) throws(SQLiteError) -> Invitation {
        Invitation(
            id: try row.id(0), coachID: try row.id(1), codeHash: try row.text(2), email: try row.optionalText(3),
            createdAt: try row.timestamp(4), expiresAt: try row.timestamp(5), acceptedBy: try row.optionalID(6),
            acceptedAt: try row.optionalTimestamp(7), revokedAt: try row.optionalTimestamp(8))
    }

    static func coachLink(_ row: SQLiteRow) throws(SQLiteError) -> CoachLink {
        CoachLink(
            id: try row.id(0), coachID: try row.id(1), clientID: try row.id(2), since: try row.timestamp(3),
            endedAt: try row.optionalTimestamp(4), deletionsSeen: try row.int(5))
    }

    static func clientNote(_ row: SQLiteRow) throws(SQLiteError) -> ClientNote {
        ClientNote(
            id: try row.id(0), coachID: try row.id(1), clientID: try row.id(2), text: try row.text(3),
            createdAt: try row.timestamp(4))
    }

    static func idempotencyRecord(_ row: SQLiteRow) throws(SQLiteError) -> IdempotencyRecord {
        let body: JSONValue
        do { body = try JSONValue.parse(try row.text(5)) } catch {
            throw SQLiteError(code: .mismatch, message: "an idempotency record holds no JSON body: \(error)")
        }
        return IdempotencyRecord(
            accountID: try row.id(0), key: try row.text(1), operation: try row.text(2),
            fingerprint: try row.optionalText(3), status: try row.int(4), body: body, createdAt: try row.timestamp(6))
    }

    static func rateLimitCounter(_ row: SQLiteRow) throws(SQLiteError) -> RateLimitCounter {
        RateLimitCounter(key: try row.text(0), windowStart: try row.timestamp(1), attempts: try row.int(2))
    }

    static func clientState(_ row: SQLiteRow) throws(SQLiteError) -> ClientState { try clientState(row, from: 0) }

    /// The state read from the 15 columns of ``SQLiteColumns/clientState`` starting at `start`.
    static func clientState(_ row: SQLiteRow, from start: Int) throws(SQLiteError) -> ClientState {
        func date(_ index: Int) throws(SQLiteError) -> CivilDate? {
            guard let text = try row.optionalText(index) else { return nil }
            guard let date = CivilDate(text) else {
                throw SQLiteError(code: .mismatch, message: "client_state holds a date this build cannot read")
            }
            return date
        }
        func keys(_ index: Int) throws(SQLiteError) -> [ItemKey] {
            var keys: [ItemKey] = []
            for text in SQLiteList.items(try row.text(index)) {
                guard let key = ItemKey(text) else {
                    throw SQLiteError(code: .mismatch, message: "client_state holds an item this build cannot read")
                }
                keys.append(key)
            }
            return keys
        }
        var retests: [RetestKind] = []
        for text in SQLiteList.items(try row.text(start + 10)) {
            guard let kind = RetestKind(rawValue: text) else {
                throw SQLiteError(code: .mismatch, message: "client_state holds a retest this build cannot read")
            }
            retests.append(kind)
        }
        return ClientState(
            personID: try row.id(start), stopReason: try row.optionalText(start + 1),
            activationDays: WeekdayMask.days(try row.int(start + 2)), week: try date(start + 3),
            activationDaysDone: WeekdayMask.days(try row.int(start + 4)),
            painfulSetAt: try row.optionalTimestamp(start + 5), highestPain: try row.optionalInt(start + 6),
            lastLogAt: try row.optionalTimestamp(start + 7), stalledItems: try keys(start + 8),
            regressedItems: try keys(start + 9), retestsDue: retests, reassessOn: try date(start + 11),
            deletions: try row.int(start + 12), lastDeletionAt: try row.optionalTimestamp(start + 13),
            updatedAt: try row.timestamp(start + 14))
    }

    /// A row of ``SQLiteColumns/coachedClient``.
    static func coachedClient(_ row: SQLiteRow) throws(SQLiteError) -> CoachedClient {
        let person = Person(
            id: try row.id(13), name: try row.optionalText(14), timeZone: try row.optionalText(15),
            createdAt: try row.timestamp(16))
        let state = try row.optionalText(17) == nil ? nil : try clientState(row, from: 17)
        return CoachedClient(
            link: try coachLink(row), account: try account(row, from: 6), person: person, state: state)
    }
}

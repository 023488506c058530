/// The schema of the store: the history table and the ordered list of migrations.
///
/// Tables are singular and snake_case so the same names work unquoted in PostgreSQL. Every rule a
/// row must follow is written into the schema (NOT NULL, CHECK on enums and ranges, foreign keys,
/// UNIQUE), so a bug in a back end cannot store a row the format forbids. Timestamps are integer
/// milliseconds since the epoch (UTC); identifiers are text UUIDs.
///
/// ## Topics
/// - ``migrations``
/// - ``historyTable(for:)``
public enum StoreSchema {
    /// The name of the table that records applied migrations.
    public static let historyTableName = "schema_migration"

    /// The statement that creates the history table if it is missing.
    public static func historyTable(for dialect: SQLDialect) -> String {
        let strict = dialect == .sqlite ? " STRICT" : ""
        let bigInteger = dialect == .sqlite ? "INTEGER" : "BIGINT"
        return """
            CREATE TABLE IF NOT EXISTS schema_migration (
                version INTEGER NOT NULL PRIMARY KEY CHECK (version >= 1),
                name TEXT NOT NULL UNIQUE,
                applied_at \(bigInteger) NOT NULL
            )\(strict)
            """
    }

    /// The marker the first releases put at the start of a note when new numbness was logged;
    /// migration 3 and version 1 exports move it into the `numbness` field.
    public static let oldNumbnessMarker = "[new numbness]"

    /// Every migration, in order.
    ///
    /// Append only; never edit a released one.
    public static let migrations: [Migration] = [
        Migration(
            version: 1, name: "create people, assessments, plans and retests",
            statements: [
                .sqlite: SQLiteSchema.version1
            ]),
        Migration(
            version: 2, name: "create logged sets and wake-up calls",
            statements: [
                .sqlite: SQLiteSchema.version2
            ]),
        Migration(
            version: 3, name: "numbness becomes a field of a logged set",
            statements: [
                .sqlite: SQLiteSchema.version3
            ]),
        Migration(
            version: 4, name: "time zones, plan status and causes, item states, wake-up answers, deletions",
            statements: [
                .sqlite: SQLiteSchema.version4
            ]),
        Migration(
            version: 5,
            name:
                "accounts, sessions, API tokens, invitations, coach links, notes, idempotency, rate limits, client state",
            statements: [
                .sqlite: SQLiteSchema.version5
            ]),
        Migration(
            version: 6, name: "logged sets check their named values without temporary tables",
            statements: [
                .sqlite: SQLiteSchema.version6
            ]),
    ]
}

/// The SQLite text of each migration.
enum SQLiteSchema {
    static let id = "id TEXT NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64)"
    static let personID = "person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE"

    static let version1 = [
        """
        CREATE TABLE person (
            \(id),
            name TEXT CHECK (length(name) BETWEEN 1 AND 200),
            created_at INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX person_created_at ON person (created_at, id)",
        """
        CREATE TABLE assessment (
            \(id),
            \(personID),
            taken_at INTEGER NOT NULL,
            input_json TEXT NOT NULL CHECK (json_valid(input_json)),
            output_json TEXT NOT NULL CHECK (json_valid(output_json)),
            UNIQUE (id, person_id)
        ) STRICT
        """,
        "CREATE INDEX assessment_person_taken_at ON assessment (person_id, taken_at, id)",
        """
        CREATE TABLE plan (
            \(id),
            \(personID),
            version INTEGER NOT NULL CHECK (version >= 1),
            plan_json TEXT NOT NULL CHECK (json_valid(plan_json)),
            reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
            created_at INTEGER NOT NULL,
            assessment_id TEXT,
            UNIQUE (person_id, version),
            FOREIGN KEY (assessment_id, person_id) REFERENCES assessment (id, person_id)
        ) STRICT
        """,
        """
        CREATE TABLE retest (
            \(id),
            \(personID),
            test_name TEXT NOT NULL CHECK (length(test_name) BETWEEN 1 AND 100),
            side TEXT CHECK (side IN ('left', 'right')),
            result_json TEXT NOT NULL CHECK (json_valid(result_json)),
            taken_at INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX retest_person_taken_at ON retest (person_id, taken_at, id)",
    ]

    static let loggedSetByTime =
        "CREATE INDEX logged_set_person_performed_at ON logged_set (person_id, performed_at, id)"
    static let loggedSetByExercise =
        "CREATE INDEX logged_set_person_exercise ON logged_set (person_id, exercise_id, side, performed_at, id)"
    static let repWithinSetCount = """
        CREATE TRIGGER logged_set_rep_within_set_count BEFORE INSERT ON logged_set_rep
        WHEN NEW.set_number > (SELECT set_count FROM logged_set WHERE id = NEW.logged_set_id)
        BEGIN
            SELECT RAISE(ABORT, 'logged_set_rep.set_number is above the set count of its logged_set');
        END
        """

    static let version2 = [
        """
        CREATE TABLE logged_set (
            \(id),
            \(personID),
            exercise_id TEXT NOT NULL CHECK (length(exercise_id) BETWEEN 1 AND 100),
            side TEXT NOT NULL CHECK (side IN ('left', 'right', 'both')),
            set_count INTEGER NOT NULL CHECK (set_count BETWEEN 1 AND 20),
            load_value REAL CHECK (load_value BETWEEN 0 AND 2000),
            load_unit TEXT CHECK (load_unit IN ('kg', 'lb')),
            duration_seconds INTEGER CHECK (duration_seconds BETWEEN 1 AND 3600),
            felt TEXT NOT NULL CHECK (felt IN ('glutes', 'hamstrings', 'lowerBack', 'quads', 'nowhere')),
            balance TEXT NOT NULL CHECK (balance IN ('steady', 'wobble', 'lost')),
            rpe INTEGER CHECK (rpe BETWEEN 1 AND 10),
            pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
            performed_at INTEGER NOT NULL,
            note TEXT CHECK (length(note) <= 1000),
            CHECK ((load_value IS NULL) = (load_unit IS NULL))
        ) STRICT
        """,
        loggedSetByTime,
        loggedSetByExercise,
        """
        CREATE TABLE logged_set_rep (
            logged_set_id TEXT NOT NULL REFERENCES logged_set (id) ON DELETE CASCADE,
            set_number INTEGER NOT NULL CHECK (set_number BETWEEN 1 AND 20),
            reps INTEGER NOT NULL CHECK (reps BETWEEN 0 AND 1000),
            PRIMARY KEY (logged_set_id, set_number)
        ) STRICT, WITHOUT ROWID
        """,
        repWithinSetCount,
        """
        CREATE TABLE wake_up_call (
            \(id),
            \(personID),
            called_at INTEGER NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('done', 'skip')),
            UNIQUE (person_id, called_at)
        ) STRICT
        """,
    ]

    /// Numbness moves from a marker at the start of the note into its own column.
    ///
    /// The marker is taken out of the note (a note that was only the marker becomes `NULL`). A note
    /// that quotes the marker anywhere but at its start was the person's own text and stays as it is.
    static let version3 = [
        """
        ALTER TABLE logged_set ADD COLUMN numbness INTEGER NOT NULL DEFAULT 0 CHECK (numbness IN (0, 1))
        """,
        """
        UPDATE logged_set SET numbness = 1,
            note = NULLIF(trim(substr(note, \(StoreSchema.oldNumbnessMarker.count + 1))), '')
        WHERE substr(note, 1, \(StoreSchema.oldNumbnessMarker.count)) = '\(StoreSchema.oldNumbnessMarker)'
        """,
    ]

    /// Each person gets a time zone; a plan version an explicit status (a stop was the text
    /// `null` in `plan_json`) and the entries that caused it; each plan item a kept progression
    /// state; each logged set the kind of session it was done in; each wake-up call log the call it answered
    /// (several logs may answer one call, so the one-log-per-instant rule goes); deletions are
    /// recorded.
    static let version4 = [
        "ALTER TABLE person ADD COLUMN time_zone TEXT CHECK (length(time_zone) BETWEEN 1 AND 64)",
        """
        ALTER TABLE plan ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stopped'))
        """,
        "UPDATE plan SET status = 'stopped' WHERE plan_json = 'null'",
        "ALTER TABLE plan ADD COLUMN states_revision INTEGER NOT NULL DEFAULT 0",
        """
        CREATE TABLE plan_cause (
            plan_id TEXT NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
            entry_id TEXT NOT NULL CHECK (length(entry_id) BETWEEN 1 AND 64),
            PRIMARY KEY (plan_id, entry_id)
        ) STRICT, WITHOUT ROWID
        """,
        "CREATE INDEX plan_cause_entry ON plan_cause (entry_id)",
        """
        CREATE TABLE item_state (
            \(personID),
            plan_id TEXT NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
            plan_version INTEGER NOT NULL CHECK (plan_version >= 1),
            item_key TEXT NOT NULL CHECK (length(item_key) BETWEEN 5 AND 200),
            state_json TEXT NOT NULL CHECK (json_valid(state_json)),
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (plan_id, item_key)
        ) STRICT, WITHOUT ROWID
        """,
        "CREATE INDEX item_state_person_key ON item_state (person_id, item_key, plan_version)",
        """
        ALTER TABLE logged_set ADD COLUMN session_kind TEXT \
        CHECK (session_kind IN ('activation', 'strength', 'mobility'))
        """,
        """
        CREATE TABLE wake_up_call_log (
            \(id),
            \(personID),
            called_at INTEGER NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('done', 'skip')),
            answers_call_at INTEGER
        ) STRICT
        """,
        """
        INSERT INTO wake_up_call_log (id, person_id, called_at, outcome, answers_call_at)
        SELECT id, person_id, called_at, outcome, called_at FROM wake_up_call
        """,
        "DROP TABLE wake_up_call",
        "ALTER TABLE wake_up_call_log RENAME TO wake_up_call",
        "CREATE INDEX wake_up_call_person_called_at ON wake_up_call (person_id, called_at, id)",
        """
        CREATE TABLE deletion (
            \(id),
            \(personID),
            kind TEXT NOT NULL CHECK (kind IN ('set', 'wakeUpCall', 'retest')),
            entry_id TEXT NOT NULL CHECK (length(entry_id) BETWEEN 1 AND 64),
            entry_json TEXT NOT NULL CHECK (json_valid(entry_json)),
            deleted_at INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX deletion_person_deleted_at ON deletion (person_id, deleted_at, id)",
    ]

    static let accountID = "account_id TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE"
    /// `CHECK` that `column` holds 64 lowercase hexadecimal digits: the hash of a secret.
    static func hashCheck(_ column: String) -> String {
        "CHECK (length(\(column)) = 64 AND \(column) NOT GLOB '*[^0-9a-f]*')"
    }

    /// `CHECK` that `column` is a normalised email: 3 to 254 characters, lower case, an `@` inside.
    static func emailCheck(_ column: String) -> String {
        """
        CHECK (length(\(column)) BETWEEN 3 AND 254 AND \(column) = lower(\(column)) \
        AND instr(\(column), '@') > 1 AND instr(\(column), '@') < length(\(column)))
        """
    }

    /// Accounts and what hangs off them.
    ///
    /// Every table reaches `person` through a chain of
    /// `ON DELETE CASCADE` keys, so deleting a person deletes their account and everything of it;
    /// secrets are stored only as hashes (64 hexadecimal digits); a pair of coach and client has
    /// at most one link in force (a partial unique index).
    static let version5 = [
        """
        CREATE TABLE account (
            \(id),
            email TEXT NOT NULL UNIQUE \(emailCheck("email")),
            role TEXT NOT NULL CHECK (role IN ('client', 'coach')),
            person_id TEXT NOT NULL UNIQUE REFERENCES person (id) ON DELETE CASCADE,
            password_hash TEXT NOT NULL CHECK (length(password_hash) BETWEEN 1 AND 512),
            calendar_secret_hash TEXT UNIQUE \(hashCheck("calendar_secret_hash")),
            created_at INTEGER NOT NULL
        ) STRICT
        """,
        """
        CREATE TABLE auth_session (
            \(id),
            \(accountID),
            token_hash TEXT NOT NULL UNIQUE \(hashCheck("token_hash")),
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL,
            CHECK (expires_at > created_at),
            CHECK (last_seen_at >= created_at)
        ) STRICT
        """,
        "CREATE INDEX auth_session_account ON auth_session (account_id, created_at, id)",
        """
        CREATE TABLE api_token (
            \(id),
            \(accountID),
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
            token_hash TEXT NOT NULL UNIQUE \(hashCheck("token_hash")),
            created_at INTEGER NOT NULL,
            revoked_at INTEGER CHECK (revoked_at >= created_at)
        ) STRICT
        """,
        "CREATE INDEX api_token_account ON api_token (account_id, created_at, id)",
        """
        CREATE TABLE invitation (
            \(id),
            coach_account_id TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
            code_hash TEXT NOT NULL UNIQUE \(hashCheck("code_hash")),
            email TEXT \(emailCheck("email")),
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            accepted_by TEXT REFERENCES account (id) ON DELETE SET NULL,
            accepted_at INTEGER,
            revoked_at INTEGER,
            CHECK (expires_at > created_at),
            CHECK (accepted_by IS NULL OR accepted_at IS NOT NULL),
            CHECK (accepted_at IS NULL OR revoked_at IS NULL)
        ) STRICT
        """,
        "CREATE INDEX invitation_coach ON invitation (coach_account_id, created_at, id)",
        "CREATE INDEX invitation_accepted_by ON invitation (accepted_by)",
        """
        CREATE TABLE coach_link (
            \(id),
            coach_account_id TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
            client_account_id TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
            since INTEGER NOT NULL,
            ended_at INTEGER CHECK (ended_at >= since),
            deletions_seen INTEGER NOT NULL DEFAULT 0 CHECK (deletions_seen >= 0),
            CHECK (coach_account_id <> client_account_id)
        ) STRICT
        """,
        """
        CREATE UNIQUE INDEX coach_link_in_force ON coach_link (coach_account_id, client_account_id) \
        WHERE ended_at IS NULL
        """,
        "CREATE INDEX coach_link_coach ON coach_link (coach_account_id, since, id)",
        "CREATE INDEX coach_link_client ON coach_link (client_account_id, since, id)",
        """
        CREATE TABLE client_note (
            \(id),
            coach_account_id TEXT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
            client_person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
            text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
            created_at INTEGER NOT NULL
        ) STRICT
        """,
        "CREATE INDEX client_note_coach_client ON client_note (coach_account_id, client_person_id, created_at, id)",
        "CREATE INDEX client_note_client ON client_note (client_person_id)",
        """
        CREATE TABLE idempotency_record (
            \(accountID),
            idempotency_key TEXT NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
            operation TEXT NOT NULL CHECK (length(operation) BETWEEN 1 AND 100),
            fingerprint TEXT CHECK (length(fingerprint) BETWEEN 1 AND 128),
            status INTEGER NOT NULL CHECK (status BETWEEN 100 AND 599),
            body_json TEXT NOT NULL CHECK (json_valid(body_json)),
            created_at INTEGER NOT NULL,
            PRIMARY KEY (account_id, idempotency_key)
        ) STRICT, WITHOUT ROWID
        """,
        "CREATE INDEX idempotency_record_account_created ON idempotency_record (account_id, created_at)",
        """
        CREATE TABLE rate_limit (
            limit_key TEXT NOT NULL PRIMARY KEY CHECK (length(limit_key) BETWEEN 1 AND 300),
            window_start INTEGER NOT NULL,
            attempts INTEGER NOT NULL CHECK (attempts >= 0)
        ) STRICT, WITHOUT ROWID
        """,
        "CREATE INDEX rate_limit_window_start ON rate_limit (window_start)",
        """
        CREATE TABLE client_state (
            person_id TEXT NOT NULL PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
            stop_reason TEXT CHECK (length(stop_reason) BETWEEN 1 AND 500),
            activation_days INTEGER NOT NULL CHECK (activation_days BETWEEN 0 AND 127),
            week TEXT CHECK (length(week) = 10),
            activation_days_done INTEGER NOT NULL CHECK (activation_days_done BETWEEN 0 AND 127),
            painful_set_at INTEGER,
            highest_pain INTEGER CHECK (highest_pain BETWEEN 4 AND 10),
            last_log_at INTEGER,
            stalled_items TEXT NOT NULL,
            regressed_items TEXT NOT NULL,
            retests_due TEXT NOT NULL,
            reassess_on TEXT CHECK (length(reassess_on) = 10),
            deletions INTEGER NOT NULL CHECK (deletions >= 0),
            last_deletion_at INTEGER,
            updated_at INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID
        """,
    ]

    /// `column IN ('a', 'b', 'c')` with three names or more, in a CHECK, makes SQLite build a
    /// temporary b-tree of the names every time a row is written (four per logged set, most of the
    /// cost of logging one); the same rule as comparisons costs next to nothing.
    static func oneOf(_ column: String, _ names: [String]) -> String {
        "CHECK (" + names.map { "\(column) = '\($0)'" }.joined(separator: " OR ") + ")"
    }

    /// The logged sets and their reps move to tables whose checks compare instead of looking names
    /// up (see ``oneOf(_:_:)``); the rules, the rows, the indexes and the trigger stay the same.
    ///
    /// The reps are copied first into a table that references the new sets' table: dropping the
    /// old sets' table deletes its rows, and with them (foreign keys are on) every rep that still
    /// references it. Renaming the new sets' table renames the reference too.
    static let version6 = [
        """
        CREATE TABLE logged_set_v6 (
            \(id),
            \(personID),
            exercise_id TEXT NOT NULL CHECK (length(exercise_id) BETWEEN 1 AND 100),
            side TEXT NOT NULL \(oneOf("side", ["left", "right", "both"])),
            set_count INTEGER NOT NULL CHECK (set_count BETWEEN 1 AND 20),
            load_value REAL CHECK (load_value BETWEEN 0 AND 2000),
            load_unit TEXT CHECK (load_unit IN ('kg', 'lb')),
            duration_seconds INTEGER CHECK (duration_seconds BETWEEN 1 AND 3600),
            felt TEXT NOT NULL \(oneOf("felt", ["glutes", "hamstrings", "lowerBack", "quads", "nowhere"])),
            balance TEXT NOT NULL \(oneOf("balance", ["steady", "wobble", "lost"])),
            rpe INTEGER CHECK (rpe BETWEEN 1 AND 10),
            pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
            performed_at INTEGER NOT NULL,
            note TEXT CHECK (length(note) <= 1000),
            numbness INTEGER NOT NULL DEFAULT 0 CHECK (numbness IN (0, 1)),
            session_kind TEXT \(oneOf("session_kind", ["activation", "strength", "mobility"])),
            CHECK ((load_value IS NULL) = (load_unit IS NULL))
        ) STRICT
        """,
        """
        INSERT INTO logged_set_v6 (id, person_id, exercise_id, side, set_count, load_value, load_unit, \
        duration_seconds, felt, balance, rpe, pain, performed_at, note, numbness, session_kind) \
        SELECT id, person_id, exercise_id, side, set_count, load_value, load_unit, duration_seconds, felt, balance, \
        rpe, pain, performed_at, note, numbness, session_kind FROM logged_set
        """,
        """
        CREATE TABLE logged_set_rep_v6 (
            logged_set_id TEXT NOT NULL REFERENCES logged_set_v6 (id) ON DELETE CASCADE,
            set_number INTEGER NOT NULL CHECK (set_number BETWEEN 1 AND 20),
            reps INTEGER NOT NULL CHECK (reps BETWEEN 0 AND 1000),
            PRIMARY KEY (logged_set_id, set_number)
        ) STRICT, WITHOUT ROWID
        """,
        """
        INSERT INTO logged_set_rep_v6 (logged_set_id, set_number, reps) \
        SELECT logged_set_id, set_number, reps FROM logged_set_rep
        """,
        "DROP TABLE logged_set_rep",
        "DROP TABLE logged_set",
        "ALTER TABLE logged_set_v6 RENAME TO logged_set",
        "ALTER TABLE logged_set_rep_v6 RENAME TO logged_set_rep",
        loggedSetByTime,
        loggedSetByExercise,
        repWithinSetCount,
    ]
}

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
        "CREATE INDEX logged_set_person_performed_at ON logged_set (person_id, performed_at, id)",
        "CREATE INDEX logged_set_person_exercise ON logged_set (person_id, exercise_id, side, performed_at, id)",
        """
        CREATE TABLE logged_set_rep (
            logged_set_id TEXT NOT NULL REFERENCES logged_set (id) ON DELETE CASCADE,
            set_number INTEGER NOT NULL CHECK (set_number BETWEEN 1 AND 20),
            reps INTEGER NOT NULL CHECK (reps BETWEEN 0 AND 1000),
            PRIMARY KEY (logged_set_id, set_number)
        ) STRICT, WITHOUT ROWID
        """,
        """
        CREATE TRIGGER logged_set_rep_within_set_count BEFORE INSERT ON logged_set_rep
        WHEN NEW.set_number > (SELECT set_count FROM logged_set WHERE id = NEW.logged_set_id)
        BEGIN
            SELECT RAISE(ABORT, 'logged_set_rep.set_number is above the set count of its logged_set');
        END
        """,
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
}

internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// The columns each record is read from, in the order the decoders expect.
enum SQLiteColumns {
    static let person: SQLQuery = "id, name, time_zone, created_at"
    static let assessment: SQLQuery = "id, person_id, taken_at, input_json, output_json"
    /// The plan document (column 3) is left out: a plan is decoded once and then found in
    /// ``PlanCache`` by its id, so copying its text out on every read was wasted.
    static let plan: SQLQuery = """
        id, person_id, version, NULL, reason, created_at, assessment_id, status, \
        (SELECT group_concat(entry_id, char(31)) FROM plan_cause WHERE plan_cause.plan_id = plan.id)
        """
    static let loggedSet: SQLQuery = """
        logged_set.id, logged_set.person_id, logged_set.exercise_id, logged_set.side, logged_set.set_count, \
        logged_set.load_value, logged_set.load_unit, logged_set.duration_seconds, logged_set.felt, \
        logged_set.balance, logged_set.rpe, logged_set.pain, logged_set.performed_at, logged_set.note, \
        logged_set.numbness, logged_set.session_kind, logged_set_rep.reps
        """
    static let wakeUpCall: SQLQuery = "id, person_id, called_at, outcome, answers_call_at"
    static let retest: SQLQuery = "id, person_id, test_name, result_json, taken_at"
    static let deletion: SQLQuery = "id, person_id, kind, entry_id, entry_json, deleted_at"
}

extension SQLiteConnection {
    func insert(_ person: Person) throws(SQLiteError) {
        try execute(
            """
            INSERT INTO person (id, name, time_zone, created_at) \
            VALUES (\(person.id), \(person.name), \(person.timeZone), \(person.createdAt))
            """)
    }

    func insert(_ assessment: AssessmentRecord) throws(SQLiteError) {
        try execute(
            """
            INSERT INTO assessment (id, person_id, taken_at, input_json, output_json) \
            VALUES (\(assessment.id), \(assessment.personID), \(assessment.takenAt), \(assessment.inputText), \
            \(assessment.output.serialized(.compact)))
            """)
    }

    func insert(_ plan: PlanVersion) throws(SQLiteError) {
        let document = plan.plan.map { $0.jsonValue.serialized(.compact) } ?? "null"
        try execute(
            """
            INSERT INTO plan (id, person_id, version, plan_json, reason, created_at, assessment_id, status) \
            VALUES (\(plan.id), \(plan.personID), \(plan.version), \(document), \(plan.reason), \
            \(plan.createdAt), \(plan.assessmentID), \(plan.plan == nil ? "stopped" : "active"))
            """)
        for cause in plan.causes {
            try execute("INSERT INTO plan_cause (plan_id, entry_id) VALUES (\(plan.id), \(cause))")
        }
    }

    /// Inserts the set and one `logged_set_rep` row per set; call inside a transaction.
    func insert(_ set: LoggedSet) throws(SQLiteError) {
        try execute(
            """
            INSERT INTO logged_set (id, person_id, exercise_id, side, set_count, load_value, load_unit, \
            duration_seconds, felt, balance, rpe, pain, performed_at, note, numbness, session_kind) \
            VALUES (\(set.id), \(set.personID), \(set.exerciseID), \(Side.name(of: set.side)), \(set.setCount), \
            \(set.load?.value), \(set.load?.unit), \(set.durationSeconds), \(set.felt), \(set.balance), \(set.rpe), \
            \(set.pain), \(set.performedAt), \(set.note), \(set.numbness), \(set.session?.rawValue))
            """)
        // One statement for all the reps: one step of SQLite instead of one per set of the entry.
        guard let first = set.reps.first else { return }
        var rows: SQLQuery = "(\(set.id), 1, \(first))"
        for (offset, reps) in set.reps.enumerated().dropFirst() {
            rows = "\(rows), (\(set.id), \(offset + 1), \(reps))"
        }
        try execute("INSERT INTO logged_set_rep (logged_set_id, set_number, reps) VALUES \(rows)")
    }

    func insert(_ call: WakeUpCall) throws(SQLiteError) {
        try execute(
            """
            INSERT INTO wake_up_call (id, person_id, called_at, outcome, answers_call_at) \
            VALUES (\(call.id), \(call.personID), \(call.at), \(call.outcome), \(call.answers))
            """)
    }

    func insert(_ retest: Retest) throws(SQLiteError) {
        try execute(
            """
            INSERT INTO retest (id, person_id, test_name, side, result_json, taken_at) \
            VALUES (\(retest.id), \(retest.personID), \(retest.kind.rawValue), \(nil as String?), \
            \(retest.result.serialized(.compact)), \(retest.takenAt))
            """)
    }

    func insert(_ deletion: Deletion) throws(SQLiteError) {
        try execute(
            """
            INSERT INTO deletion (id, person_id, kind, entry_id, entry_json, deleted_at) \
            VALUES (\(deletion.id), \(deletion.personID), \(deletion.kind.rawValue), \(deletion.entryID), \
            \(deletion.entry.serialized(.compact)), \(deletion.deletedAt))
            """)
    }

    /// Reads logged sets from a query over `SQLiteColumns.loggedSet` that joins `logged_set_rep`
    /// (LEFT JOIN) and orders each set's rows by set number; rows of one set are adjacent.
    func fetchLoggedSets(_ query: SQLQuery) throws(SQLiteError) -> [LoggedSet] {
        var sets: [LoggedSet] = []
        for row in try rows(query) {
            let id: LoggedSet.ID = try row.id(0)
            let reps = try row.optionalInt(16)
            if let last = sets.last, last.id == id {
                if let reps { sets[sets.count - 1].entry.reps.append(reps) }
                continue
            }
            var load: Load?
            if let value = try row.optionalDouble(5) { load = Load(value, try row.enumValue(6)) }
            let side: Side? = try row.text(3) == "both" ? nil : try row.enumValue(3)
            let entry = SetEntry(
                exerciseID: try row.text(2), side: side, setCount: try row.int(4),
                reps: reps.map { [$0] } ?? [], load: load, durationSeconds: try row.optionalInt(7),
                felt: try row.enumValue(8), balance: try row.enumValue(9), rpe: try row.optionalInt(10),
                pain: try row.int(11), numbness: try row.int(14) == 1, performedAt: try row.timestamp(12),
                note: try row.optionalText(13), session: try row.optionalEnum(15))
            sets.append(LoggedSet(id: id, personID: try row.id(1), entry: entry))
        }
        return sets
    }
}

/// Turns rows into records.
enum SQLiteDecode {
    static func person(_ row: SQLiteRow) throws(SQLiteError) -> Person {
        Person(
            id: try row.id(0), name: try row.optionalText(1), timeZone: try row.optionalText(2),
            createdAt: try row.timestamp(3))
    }

    static func assessment(_ row: SQLiteRow) throws(SQLiteError) -> AssessmentRecord {
        AssessmentRecord(
            id: try row.id(0), personID: try row.id(1), takenAt: try row.timestamp(2),
            inputText: try row.text(3), output: try json(row, 4))
    }

    static func wakeUpCall(_ row: SQLiteRow) throws(SQLiteError) -> WakeUpCall {
        WakeUpCall(
            id: try row.id(0), personID: try row.id(1), at: try row.timestamp(2), outcome: try row.enumValue(3),
            answers: try row.optionalInt64(4).map(Timestamp.init(millisecondsSince1970:)))
    }

    static func retest(_ row: SQLiteRow) throws(SQLiteError) -> Retest {
        Retest(
            id: try row.id(0), personID: try row.id(1), kind: try row.enumValue(2), result: try json(row, 3),
            takenAt: try row.timestamp(4))
    }

    static func deletion(_ row: SQLiteRow) throws(SQLiteError) -> Deletion {
        Deletion(
            id: try row.id(0), personID: try row.id(1), kind: try row.enumValue(2), entryID: try row.text(3),
            entry: try json(row, 4), deletedAt: try row.timestamp(5))
    }

    static func itemState(_ row: SQLiteRow) throws(SQLiteError) -> ItemState {
        do { return try ItemState(json: try json(row, 0)) } catch let error as FieldError {
            throw SQLiteError(code: .mismatch, message: "an item state this build cannot read: \(error)")
        } catch {
            throw SQLiteError(code: .mismatch, message: "an item state this build cannot read")
        }
    }

    private static func json(_ row: SQLiteRow, _ index: Int) throws(SQLiteError) -> JSONValue {
        let text = try row.text(index)
        do { return try JSONValue.parse(text) } catch {
            throw SQLiteError(code: .mismatch, message: "column \(index) holds no JSON: \(error)")
        }
    }
}

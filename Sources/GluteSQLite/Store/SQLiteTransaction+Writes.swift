internal import GluteCore
internal import GluteJSON
internal import GluteStore

extension SQLiteTransaction {
    /// Refuses to write on a reader.
    func requireWritable() throws {
        guard isWritable else { throw StoreError.readOnly("this is a read transaction") }
    }

    /// Checks inside the transaction that `person` exists.
    func requirePerson(_ person: Person.ID) throws {
        guard !facts.people.contains(person.rawValue) else { return }
        guard try !connection.rows("SELECT 1 FROM person WHERE id = \(person)").isEmpty else {
            throw StoreError.notFound("person", id: person.rawValue)
        }
        if isWritable { facts.people.insert(person.rawValue) }
    }

    func createPerson(name: String?, timeZone: String?, at time: Timestamp) throws -> Person {
        try requireWritable()
        if let name { try RecordRules.checked(name, RecordRules.nameLength, field: "name") }
        if let timeZone, !TimeZoneRules.isKnown(timeZone) {
            throw StoreError.invalidRecord(
                FieldError(field: "timeZone", message: "names no time zone this machine knows"))
        }
        let person = Person(id: .init(rawValue: ids.make()), name: name, timeZone: timeZone, createdAt: time)
        try connection.insert(person)
        return person
    }

    func setTimeZone(_ timeZone: String, for person: Person.ID) throws {
        try requireWritable()
        guard TimeZoneRules.isKnown(timeZone) else {
            throw StoreError.invalidRecord(
                FieldError(field: "timeZone", message: "names no time zone this machine knows"))
        }
        try connection.execute("UPDATE person SET time_zone = \(timeZone) WHERE id = \(person)")
        cache?.drop(person.rawValue)
        guard connection.changes == 1 else { throw StoreError.notFound("person", id: person.rawValue) }
    }

    func insertAssessment(for person: Person.ID, inputText: String, output: JSONValue, takenAt: Timestamp) throws
        -> AssessmentRecord
    {
        try requireWritable()
        try requirePerson(person)
        do { _ = try JSONValue.parse(inputText) } catch {
            throw StoreError.invalidRecord(FieldError(field: "input", message: "must be a JSON text: \(error)"))
        }
        let record = AssessmentRecord(
            id: .init(rawValue: ids.make()), personID: person, takenAt: takenAt, inputText: inputText, output: output)
        try connection.insert(record)
        return record
    }

    func insertPlan(
        for person: Person.ID, status: PlanVersion.Status, reason: String, assessment: AssessmentRecord.ID?,
        causes: [String], at time: Timestamp
    ) throws -> PlanVersion {
        try requireWritable()
        try RecordRules.checked(reason, RecordRules.reasonLength, field: "reason")
        if case .stopped(let stopReason) = status, stopReason != reason {
            throw StoreError.invalidRecord(
                FieldError(field: "status", message: "a stop's reason must be the version's reason"))
        }
        try requirePerson(person)
        if let assessment,
            try connection.rows("SELECT 1 FROM assessment WHERE id = \(assessment) AND person_id = \(person)").isEmpty
        {
            throw StoreError.notFound("assessment", id: assessment.rawValue)
        }
        let last = try connection.rows("SELECT max(version) FROM plan WHERE person_id = \(person)").first?
            .optionalInt(0)
        let version = PlanVersion(
            id: .init(rawValue: ids.make()), personID: person, version: (last ?? 0) + 1, status: status,
            reason: reason, createdAt: time, assessmentID: assessment, causes: causes.sorted())
        try connection.insert(version)
        cache?.dropPlan(of: person.rawValue)
        return version
    }

    func addCause(_ entryID: String, to plan: PlanVersion.ID, for person: Person.ID) throws {
        try requireWritable()
        guard try !connection.rows("SELECT 1 FROM plan WHERE id = \(plan) AND person_id = \(person)").isEmpty else {
            throw StoreError.notFound("plan version", id: plan.rawValue)
        }
        try connection.execute("INSERT OR IGNORE INTO plan_cause (plan_id, entry_id) VALUES (\(plan), \(entryID))")
        cache?.dropPlan(of: person.rawValue)
    }

    func saveItemStates(_ states: [ItemState], plan: PlanVersion.ID, for person: Person.ID, at time: Timestamp) throws {
        try requireWritable()
        guard let (version, revision) = try planRevision(plan, for: person) else {
            throw StoreError.notFound("plan version", id: plan.rawValue)
        }
        for state in states {
            try connection.execute(
                """
                INSERT INTO item_state (person_id, plan_id, plan_version, item_key, state_json, updated_at) \
                VALUES (\(person), \(plan), \(version), \(state.key.description), \(state.jsonValue.serialized(.compact)), \
                \(time)) ON CONFLICT (plan_id, item_key) DO UPDATE SET state_json = excluded.state_json, \
                updated_at = excluded.updated_at
                """)
        }
        try connection.execute("UPDATE plan SET states_revision = states_revision + 1 WHERE id = \(plan)")
        facts.plans[plan.rawValue] = (person.rawValue, version, revision + 1)
        // The states before this change, when known, with these put in: what a read of the new
        // revision would decode, without decoding every state again on the next read.
        if let before = knownStates(plan, revision: revision) {
            pendingStates.append((plan, revision + 1, Self.merging(states, into: before)))
        }
    }

    /// `before` with each of `changes` in place of the state of its key, in key order as
    /// ``itemStates(plan:for:)`` reads them (the keys' bytes, as SQLite orders text).
    static func merging(_ changes: [ItemState], into before: [ItemState]) -> [ItemState] {
        var byKey: [String: ItemState] = [:]
        for state in before { byKey[state.key.description] = state }
        for state in changes { byKey[state.key.description] = state }
        return byKey.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map(\.value)
    }

    func clearItemStates(plan: PlanVersion.ID, for person: Person.ID) throws {
        try requireWritable()
        try connection.execute("DELETE FROM item_state WHERE plan_id = \(plan) AND person_id = \(person)")
        try connection.execute("UPDATE plan SET states_revision = states_revision + 1 WHERE id = \(plan)")
        facts.plans[plan.rawValue] = nil
    }

    func insertSet(_ entry: SetEntry, for person: Person.ID) throws -> LoggedSet {
        try requireWritable()
        do { try entry.validate() } catch { throw StoreError.invalidRecord(error) }
        try requirePerson(person)
        let set = LoggedSet(id: .init(rawValue: ids.make()), personID: person, entry: entry)
        try connection.insert(set)
        return set
    }

    func insertWakeUpCall(for person: Person.ID, at time: Timestamp, outcome: WakeUpOutcome, answers call: Timestamp?)
        throws -> WakeUpCall
    {
        try requireWritable()
        try requirePerson(person)
        let record = WakeUpCall(
            id: .init(rawValue: ids.make()), personID: person, at: time, outcome: outcome, answers: call)
        try connection.insert(record)
        return record
    }

    func insertRetest(for person: Person.ID, kind: RetestKind, result: JSONValue, takenAt: Timestamp) throws -> Retest {
        try requireWritable()
        do { _ = try RetestOutcome(kind: kind, result: result) } catch { throw StoreError.invalidRecord(error) }
        try requirePerson(person)
        let retest = Retest(
            id: .init(rawValue: ids.make()), personID: person, kind: kind, result: result, takenAt: takenAt)
        try connection.insert(retest)
        return retest
    }

    func deleteEntry(_ kind: Deletion.Kind, id: String, for person: Person.ID, entry: JSONValue, at time: Timestamp)
        throws -> Deletion
    {
        try requireWritable()
        let table: SQLQuery =
            switch kind {
            case .set: "DELETE FROM logged_set"
            case .wakeUpCall: "DELETE FROM wake_up_call"
            case .retest: "DELETE FROM retest"
            }
        try connection.execute("\(table) WHERE id = \(id) AND person_id = \(person)")
        guard connection.changes == 1 else { throw StoreError.notFound("entry", id: id) }
        let deletion = Deletion(
            id: .init(rawValue: ids.make()), personID: person, kind: kind, entryID: id, entry: entry, deletedAt: time)
        try connection.insert(deletion)
        return deletion
    }

    func importRecords(_ document: ExportDocument) throws -> ImportSummary {
        try requireWritable()
        cache?.clear()
        for person in document.people { try connection.insert(person) }
        for assessment in document.assessments { try connection.insert(assessment) }
        for plan in document.plans { try connection.insert(plan) }
        for set in document.loggedSets { try connection.insert(set) }
        for call in document.wakeUpCalls { try connection.insert(call) }
        for retest in document.retests { try connection.insert(retest) }
        for deletion in document.deletions { try connection.insert(deletion) }
        return document.summary
    }
}

internal import GluteCore
internal import GluteJSON
internal import GluteStore
internal import Synchronization

/// One transaction's view of the database: the reads of ``StoreReader`` and, on the writer, the
/// writes of ``StoreWriter``.
///
/// It lives only while the store runs a caller's body on the connection's queue.
final class SQLiteTransaction: StoreWriter {
    let connection: SQLiteConnection
    let ids: IdentifierSource
    let isWritable: Bool
    let plans: PlanCache
    /// Item states the writer decoded or wrote in this batch, kept in ``plans`` only once the
    /// batch commits (``SQLiteWriter`` drops those of a body rolled back to its savepoint).
    var pendingStates: [(plan: PlanVersion.ID, revision: Int64, states: [ItemState])] = []

    /// What the writer's current job has already read or written, so that it is not asked again.
    ///
    /// ``SQLiteWriter`` starts every job afresh (``startJob()``): a job rolled back to its
    /// savepoint leaves nothing behind for the next.
    struct JobFacts {
        /// The people found in this job.
        var people: Set<String> = []
        /// The version number and states revision of plans, with their person, read or moved on
        /// in this job.
        var plans: [String: (person: String, version: Int, revision: Int64)] = [:]
    }
    var facts = JobFacts()

    /// Forgets what the previous job of the batch learnt.
    func startJob() { facts = JobFacts() }

    /// The version number and states revision of `person`'s `plan`, or `nil` when there is no such
    /// plan.
    func planRevision(_ plan: PlanVersion.ID, for person: Person.ID) throws -> (version: Int, revision: Int64)? {
        if let known = facts.plans[plan.rawValue], known.person == person.rawValue {
            return (known.version, known.revision)
        }
        guard
            let row = try connection.rows(
                "SELECT version, states_revision FROM plan WHERE id = \(plan) AND person_id = \(person)"
            ).first, let version = try row.optionalInt(0), let revision = try row.optionalInt64(1)
        else { return nil }
        if isWritable { facts.plans[plan.rawValue] = (person.rawValue, version, revision) }
        return (version, revision)
    }

    /// The states of `plan` at `revision` that this batch decoded or wrote, else those committed
    /// and decoded before.
    func knownStates(_ plan: PlanVersion.ID, revision: Int64) -> [ItemState]? {
        if let pending = pendingStates.last(where: { $0.plan == plan && $0.revision == revision }) {
            return pending.states
        }
        return plans.states(plan, revision: revision)
    }

    /// The writer's records kept across batches; `nil` on a reader.
    let cache: SQLiteWriterCache?

    init(
        connection: SQLiteConnection, ids: IdentifierSource, isWritable: Bool, plans: PlanCache,
        cache: SQLiteWriterCache? = nil
    ) {
        self.connection = connection
        self.ids = ids
        self.isWritable = isWritable
        self.plans = plans
        self.cache = cache
    }

    /// A plan row of ``SQLiteColumns/plan``, its document read only when it was never decoded.
    func decodePlan(_ row: SQLiteRow) throws(SQLiteError) -> PlanVersion {
        try plans.decode(row) { (id: PlanVersion.ID) throws(SQLiteError) -> String in
            guard let text = try connection.rows("SELECT plan_json FROM plan WHERE id = \(id)").first?.text(0) else {
                throw SQLiteError(code: .mismatch, message: "plan version \(id) has gone")
            }
            return text
        }
    }

    // MARK: People

    func person(_ id: Person.ID) throws -> Person? {
        if let kept = cache?.person(id.rawValue) {
            facts.people.insert(id.rawValue)
            return kept
        }
        let found = try connection.fetch(
            "SELECT \(SQLiteColumns.person) FROM person WHERE id = \(id)", SQLiteDecode.person
        ).first
        if isWritable, let found {
            facts.people.insert(id.rawValue)
            cache?.keep(found)
        }
        return found
    }

    func earliestPerson() throws -> Person? {
        try connection.fetch(
            "SELECT \(SQLiteColumns.person) FROM person ORDER BY created_at, id LIMIT 1", SQLiteDecode.person
        ).first
    }

    // MARK: Assessments and plans

    func latestAssessment(for person: Person.ID) throws -> AssessmentRecord? {
        try connection.fetch(
            """
            SELECT \(SQLiteColumns.assessment) FROM assessment WHERE person_id = \(person) \
            ORDER BY taken_at DESC, id DESC LIMIT 1
            """, SQLiteDecode.assessment
        ).first
    }

    func assessments(for person: Person.ID) throws -> [AssessmentRecord] {
        try connection.fetch(
            "SELECT \(SQLiteColumns.assessment) FROM assessment WHERE person_id = \(person) ORDER BY taken_at, id",
            SQLiteDecode.assessment)
    }

    func currentPlan(for person: Person.ID) throws -> PlanVersion? {
        if let kept = cache?.plan(of: person.rawValue) { return kept }
        let found = try readCurrentPlan(for: person)
        cache?.keep(plan: found, of: person.rawValue)
        return found
    }

    private func readCurrentPlan(for person: Person.ID) throws -> PlanVersion? {
        try connection.fetch(
            "SELECT \(SQLiteColumns.plan) FROM plan WHERE person_id = \(person) ORDER BY version DESC LIMIT 1",
            decodePlan
        ).first
    }

    func planHistory(for person: Person.ID) throws -> [PlanVersion] {
        try connection.fetch(
            "SELECT \(SQLiteColumns.plan) FROM plan WHERE person_id = \(person) ORDER BY version", decodePlan)
    }

    func itemStates(plan: PlanVersion.ID, for person: Person.ID) throws -> [ItemState] {
        // Every change of a plan's states moves its revision on, so committed states are decoded
        // once per revision; only reads fill the cache (they see committed data only).
        guard let revision = try planRevision(plan, for: person)?.revision else { return [] }
        if let known = knownStates(plan, revision: revision) { return known }
        let states = try connection.fetch(
            """
            SELECT state_json FROM item_state WHERE plan_id = \(plan) AND person_id = \(person) ORDER BY item_key
            """, SQLiteDecode.itemState)
        if isWritable {
            // A revision read inside the writer's transaction is part of committed history once
            // the batch commits (revisions only grow), so its states may be cached then.
            pendingStates.append((plan, revision, states))
        } else {
            plans.keep(states, plan: plan, revision: revision)
        }
        return states
    }

    func latestItemStates(for person: Person.ID) throws -> [ItemKey: ItemState] {
        var latest: [ItemKey: ItemState] = [:]
        for state in try connection.fetch(
            """
            SELECT state_json FROM item_state WHERE person_id = \(person) ORDER BY item_key, plan_version DESC
            """, SQLiteDecode.itemState) where latest[state.key] == nil
        {
            latest[state.key] = state
        }
        return latest
    }

    // MARK: Daily log

    func loggedSets(for person: Person.ID, in range: Range<Timestamp>) throws -> [LoggedSet] {
        try connection.fetchLoggedSets(
            """
            SELECT \(SQLiteColumns.loggedSet) FROM logged_set \
            LEFT JOIN logged_set_rep ON logged_set_rep.logged_set_id = logged_set.id \
            WHERE logged_set.person_id = \(person) AND logged_set.performed_at >= \(range.lowerBound) \
            AND logged_set.performed_at < \(range.upperBound) \
            ORDER BY logged_set.performed_at, logged_set.id, logged_set_rep.set_number
            """)
    }

    func hasLoggedSet(for person: Person.ID, after set: LoggedSet) throws -> Bool {
        // A row-value comparison, so that SQLite seeks the (person_id, performed_at, id) index
        // instead of reading every set of the person.
        try !connection.rows(
            """
            SELECT 1 FROM logged_set WHERE person_id = \(person) \
            AND (performed_at, id) > (\(set.performedAt), \(set.id)) LIMIT 1
            """
        ).isEmpty
    }

    func loggedSet(_ id: LoggedSet.ID, for person: Person.ID) throws -> LoggedSet? {
        try connection.fetchLoggedSets(
            """
            SELECT \(SQLiteColumns.loggedSet) FROM logged_set \
            LEFT JOIN logged_set_rep ON logged_set_rep.logged_set_id = logged_set.id \
            WHERE logged_set.id = \(id) AND logged_set.person_id = \(person) ORDER BY logged_set_rep.set_number
            """
        ).first
    }

    func wakeUpCalls(for person: Person.ID, in range: Range<Timestamp>) throws -> [WakeUpCall] {
        try connection.fetch(
            """
            SELECT \(SQLiteColumns.wakeUpCall) FROM wake_up_call WHERE person_id = \(person) \
            AND called_at >= \(range.lowerBound) AND called_at < \(range.upperBound) ORDER BY called_at, id
            """, SQLiteDecode.wakeUpCall)
    }

    func wakeUpCall(_ id: WakeUpCall.ID, for person: Person.ID) throws -> WakeUpCall? {
        try connection.fetch(
            "SELECT \(SQLiteColumns.wakeUpCall) FROM wake_up_call WHERE id = \(id) AND person_id = \(person)",
            SQLiteDecode.wakeUpCall
        ).first
    }

    func retests(for person: Person.ID, kind: RetestKind?) throws -> [Retest] {
        if let kind {
            return try connection.fetch(
                """
                SELECT \(SQLiteColumns.retest) FROM retest WHERE person_id = \(person) AND test_name = \(kind.rawValue) \
                ORDER BY taken_at, id
                """, SQLiteDecode.retest)
        }
        return try connection.fetch(
            "SELECT \(SQLiteColumns.retest) FROM retest WHERE person_id = \(person) ORDER BY taken_at, id",
            SQLiteDecode.retest)
    }

    func retest(_ id: Retest.ID, for person: Person.ID) throws -> Retest? {
        try connection.fetch(
            "SELECT \(SQLiteColumns.retest) FROM retest WHERE id = \(id) AND person_id = \(person)",
            SQLiteDecode.retest
        ).first
    }

    func deletions(for person: Person.ID) throws -> [Deletion] {
        try connection.fetch(
            "SELECT \(SQLiteColumns.deletion) FROM deletion WHERE person_id = \(person) ORDER BY deleted_at, id",
            SQLiteDecode.deletion)
    }

    /// Everything, for the whole-database export.
    func everything() throws -> ExportDocument {
        ExportDocument(
            people: try connection.fetch("SELECT \(SQLiteColumns.person) FROM person", SQLiteDecode.person),
            assessments: try connection.fetch(
                "SELECT \(SQLiteColumns.assessment) FROM assessment", SQLiteDecode.assessment),
            plans: try connection.fetch("SELECT \(SQLiteColumns.plan) FROM plan", decodePlan),
            loggedSets: try connection.fetchLoggedSets(
                """
                SELECT \(SQLiteColumns.loggedSet) FROM logged_set \
                LEFT JOIN logged_set_rep ON logged_set_rep.logged_set_id = logged_set.id \
                ORDER BY logged_set.id, logged_set_rep.set_number
                """),
            wakeUpCalls: try connection.fetch(
                "SELECT \(SQLiteColumns.wakeUpCall) FROM wake_up_call", SQLiteDecode.wakeUpCall),
            retests: try connection.fetch("SELECT \(SQLiteColumns.retest) FROM retest", SQLiteDecode.retest),
            deletions: try connection.fetch("SELECT \(SQLiteColumns.deletion) FROM deletion", SQLiteDecode.deletion))
    }
}

/// Decoded plans by version id (versions never change, so each is decoded once per store), and
/// decoded item states by plan version and revision.
final class PlanCache: Sendable {
    private let plans = Mutex<[String: Plan]>([:])
    private let states = Mutex<[String: (revision: Int64, states: [ItemState])]>([:])
    private static let limit = 4096

    /// The states of `plan` at `revision`, when decoded before.
    func states(_ plan: PlanVersion.ID, revision: Int64) -> [ItemState]? {
        states.withLock { cache in cache[plan.rawValue].flatMap { $0.revision == revision ? $0.states : nil } }
    }

    /// Keeps what a committed batch of the writer decoded.
    func keep(_ pending: [(plan: PlanVersion.ID, revision: Int64, states: [ItemState])]) {
        for entry in pending { keep(entry.states, plan: entry.plan, revision: entry.revision) }
    }

    /// Keeps the committed states of `plan` at `revision`.
    func keep(_ decoded: [ItemState], plan: PlanVersion.ID, revision: Int64) {
        states.withLock { cache in
            if cache.count >= Self.limit { cache.removeAll() }
            cache[plan.rawValue] = (revision, decoded)
        }
    }

    /// Reads a plan row (see ``SQLiteColumns/plan``), decoding its plan document at most once.
    ///
    /// - Parameter document: reads the plan document of a version, when it is not in the cache.
    func decode(_ row: SQLiteRow, document: (PlanVersion.ID) throws(SQLiteError) -> String) throws(SQLiteError)
        -> PlanVersion
    {
        let id: PlanVersion.ID = try row.id(0)
        let reason = try row.text(4)
        let status: PlanVersion.Status
        if try row.text(7) == "stopped" {
            status = .stopped(reason: reason)
        } else if let plan = plans.withLock({ $0[id.rawValue] }) {
            status = .active(plan)
        } else {
            let text = try document(id)
            let plan: Plan
            do { plan = try Plan.decode(try JSONValue.parse(text)) } catch {
                throw SQLiteError(
                    code: .mismatch, message: "plan version \(id) holds a plan this build cannot read: \(error)")
            }
            plans.withLock { cache in
                if cache.count >= Self.limit { cache.removeAll() }
                cache[id.rawValue] = plan
            }
            status = .active(plan)
        }
        let causes = (try row.optionalText(8) ?? "").split(separator: "\u{1F}").map(String.init).sorted()
        return PlanVersion(
            id: id, personID: try row.id(1), version: try row.int(2), status: status, reason: reason,
            createdAt: try row.timestamp(5), assessmentID: try row.optionalID(6), causes: causes)
    }
}

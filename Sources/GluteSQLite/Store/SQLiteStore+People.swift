public import GluteCore
internal import GluteJSON
public import GluteStore

extension SQLiteStore {
    /// Creates a person, created now.
    ///
    /// See ``Store/createPerson(name:)``.
    public func createPerson(name: String?) async throws -> Person {
        if let name { try Self.check(name, RecordRules.nameLength, field: "name") }
        return try write { connection in
            let person = Person(id: Person.ID(rawValue: environment.makeID()), name: name, createdAt: environment.now())
            try connection.insert(person)
            return person
        }
    }

    /// The earliest created person, created on first use.
    ///
    /// See ``Store/defaultPerson()``.
    public func defaultPerson() async throws -> Person {
        // The usual case is a plain read. Creating happens in a write transaction that looks again:
        // another process that gets here at the same time waits for the lock and then finds the
        // person this one created.
        let existing = try read { connection in
            try connection.fetch(
                "SELECT \(SQLiteColumns.person) FROM person ORDER BY created_at, id LIMIT 1", SQLiteDecode.person
            ).first
        }
        if let existing { return existing }
        return try write { connection in
            if let person = try connection.fetch(
                "SELECT \(SQLiteColumns.person) FROM person ORDER BY created_at, id LIMIT 1", SQLiteDecode.person
            ).first {
                return person
            }
            let person = Person(id: Person.ID(rawValue: environment.makeID()), name: nil, createdAt: environment.now())
            try connection.insert(person)
            return person
        }
    }

    /// The person with `id`, or `nil`.
    public func person(_ id: Person.ID) async throws -> Person? {
        try read { connection in
            try connection.fetch("SELECT \(SQLiteColumns.person) FROM person WHERE id = \(id)", SQLiteDecode.person)
                .first
        }
    }

    /// Every person, earliest created first.
    public func people() async throws -> [Person] {
        try read { connection in
            try connection.fetch(
                "SELECT \(SQLiteColumns.person) FROM person ORDER BY created_at, id", SQLiteDecode.person)
        }
    }

    /// Stores an assessment.
    ///
    /// See ``Store/recordAssessment(for:inputJSON:outputJSON:takenAt:)``.
    public func recordAssessment(
        for person: Person.ID, inputJSON: String, outputJSON: String,
        takenAt: Timestamp
    ) async throws -> AssessmentRecord {
        try await recordAssessment(
            for: person, inputJSON: inputJSON, outputJSON: outputJSON, takenAt: takenAt, plan: nil
        ).assessment
    }

    /// Stores an assessment and the plan version made from it in one transaction.
    public func recordAssessment(
        for person: Person.ID, inputJSON: String, outputJSON: String, takenAt: Timestamp,
        plan: (json: String, reason: String)?
    ) async throws -> (assessment: AssessmentRecord, plan: PlanVersion?) {
        try Self.requireJSON(inputJSON, field: "inputJson")
        try Self.requireJSON(outputJSON, field: "outputJson")
        if let plan {
            try Self.requireJSON(plan.json, field: "planJson")
            try Self.check(plan.reason, RecordRules.reasonLength, field: "reason")
        }
        return try write { connection in
            try requirePerson(person, in: connection)
            let assessment = AssessmentRecord(
                id: AssessmentRecord.ID(rawValue: environment.makeID()), personID: person,
                takenAt: takenAt, inputJSON: inputJSON, outputJSON: outputJSON)
            try connection.insert(assessment)
            let version = try plan.map { plan in
                try insertPlan(
                    for: person, planJSON: plan.json, reason: plan.reason, assessmentID: assessment.id, in: connection)
            }
            return (assessment, version)
        }
    }

    /// The most recently taken assessment of `person`.
    public func latestAssessment(for person: Person.ID) async throws -> AssessmentRecord? {
        try read { connection in
            try connection.fetch(
                """
                SELECT \(SQLiteColumns.assessment) FROM assessment WHERE person_id = \(person) \
                ORDER BY taken_at DESC, id DESC LIMIT 1
                """, SQLiteDecode.assessment
            ).first
        }
    }

    /// Every assessment of `person`, oldest first.
    public func assessments(for person: Person.ID) async throws -> [AssessmentRecord] {
        try read { connection in
            try connection.fetch(
                """
                SELECT \(SQLiteColumns.assessment) FROM assessment WHERE person_id = \(person) ORDER BY taken_at, id
                """, SQLiteDecode.assessment)
        }
    }

    /// Saves the next plan version.
    ///
    /// See ``Store/savePlan(for:planJSON:reason:assessmentID:)``.
    public func savePlan(
        for person: Person.ID, planJSON: String, reason: String,
        assessmentID: AssessmentRecord.ID?
    ) async throws -> PlanVersion {
        try Self.requireJSON(planJSON, field: "planJson")
        try Self.check(reason, RecordRules.reasonLength, field: "reason")
        return try write { connection in
            try requirePerson(person, in: connection)
            if let assessmentID {
                let owned = try connection.rows(
                    "SELECT 1 FROM assessment WHERE id = \(assessmentID) AND person_id = \(person)")
                guard !owned.isEmpty else { throw StoreError.notFound("assessment", id: assessmentID.rawValue) }
            }
            return try insertPlan(
                for: person, planJSON: planJSON, reason: reason, assessmentID: assessmentID, in: connection)
        }
    }

    /// Inserts the next plan version of `person` inside the caller's write transaction.
    private func insertPlan(
        for person: Person.ID, planJSON: String, reason: String, assessmentID: AssessmentRecord.ID?,
        in connection: SQLiteConnection
    ) throws -> PlanVersion {
        // Inside BEGIN IMMEDIATE no other writer can take the same number; UNIQUE (person_id,
        // version) guards it as well.
        let next = try connection.rows("SELECT coalesce(max(version), 0) + 1 FROM plan WHERE person_id = \(person)")
        let plan = PlanVersion(
            id: PlanVersion.ID(rawValue: environment.makeID()), personID: person,
            version: try next.first?.int(0) ?? 1, planJSON: planJSON, reason: reason,
            createdAt: environment.now(), assessmentID: assessmentID)
        try connection.insert(plan)
        return plan
    }

    /// The highest plan version of `person`.
    public func latestPlan(for person: Person.ID) async throws -> PlanVersion? {
        try read { connection in
            try connection.fetch(
                """
                SELECT \(SQLiteColumns.plan) FROM plan WHERE person_id = \(person) ORDER BY version DESC LIMIT 1
                """, SQLiteDecode.plan
            ).first
        }
    }

    /// Every plan version of `person`, version 1 first.
    public func planHistory(for person: Person.ID) async throws -> [PlanVersion] {
        try read { connection in
            try connection.fetch(
                "SELECT \(SQLiteColumns.plan) FROM plan WHERE person_id = \(person) ORDER BY version",
                SQLiteDecode.plan)
        }
    }

    /// Throws ``StoreError/Code/invalidRecord`` when the length of `text` is outside `range`.
    static func check(_ text: String, _ range: ClosedRange<Int>, field: String) throws(StoreError) {
        do { try RecordRules.check(text, range, field: field) } catch { throw .invalidRecord(error) }
    }

    /// Throws ``StoreError/Code/invalidRecord`` when `text` is not a JSON document.
    static func requireJSON(_ text: String, field: String) throws(StoreError) {
        do { _ = try JSONValue.parse(text) } catch {
            throw .invalidRecord(FieldError(field: field, message: "must be a JSON text: \(error)"))
        }
    }
}

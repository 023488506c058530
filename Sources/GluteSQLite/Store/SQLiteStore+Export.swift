public import GluteStore

extension SQLiteStore {
    /// Everything in the database as an ``ExportDocument``, read from one snapshot.
    public func exportedDocument() async throws -> ExportDocument {
        try read { connection in
            ExportDocument(
                people: try connection.fetch("SELECT \(SQLiteColumns.person) FROM person", SQLiteDecode.person),
                assessments: try connection.fetch(
                    "SELECT \(SQLiteColumns.assessment) FROM assessment",
                    SQLiteDecode.assessment),
                plans: try connection.fetch("SELECT \(SQLiteColumns.plan) FROM plan", SQLiteDecode.plan),
                loggedSets: try connection.fetchLoggedSets(
                    """
                    SELECT \(SQLiteColumns.loggedSet) FROM logged_set \
                    LEFT JOIN logged_set_rep ON logged_set_rep.logged_set_id = logged_set.id \
                    ORDER BY logged_set.id, logged_set_rep.set_number
                    """),
                wakeUpCalls: try connection.fetch(
                    "SELECT \(SQLiteColumns.wakeUpCall) FROM wake_up_call",
                    SQLiteDecode.wakeUpCall),
                retests: try connection.fetch("SELECT \(SQLiteColumns.retest) FROM retest", SQLiteDecode.retest))
        }
    }

    /// Adds a validated document in one write transaction.
    ///
    /// See ``Store/importDocument(_:)-(ExportDocument)``.
    public func importDocument(_ document: ExportDocument) async throws -> ImportSummary {
        try write { connection in
            for person in document.people { try connection.insert(person) }
            for assessment in document.assessments { try connection.insert(assessment) }
            for plan in document.plans { try connection.insert(plan) }
            for set in document.loggedSets { try connection.insert(set) }
            for call in document.wakeUpCalls { try connection.insert(call) }
            for retest in document.retests { try connection.insert(retest) }
            return document.summary
        }
    }
}

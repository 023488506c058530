internal import GluteStore

extension SQLiteStore {
    /// Runs one statement on the writer outside any transaction body and returns its raw rows.
    ///
    /// For tests and diagnostics inside this package; not public API.
    func runRaw(_ query: SQLQuery) async throws -> [[SQLValue]] {
        try await write { transaction in
            guard let transaction = transaction as? SQLiteTransaction else { return [] }
            return try transaction.connection.rows(query, cached: false).map(\.values)
        }
    }
}

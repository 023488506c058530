internal import GluteStore

extension SQLiteStore {
    /// Runs one statement on the writer outside any transaction body and returns its raw rows.
    ///
    /// For tests and diagnostics inside this package; not public API.
    func runRaw(_ query: SQLQuery) async throws -> [[SQLValue]] {
        try await write { transaction in
            guard let transaction = transaction as? SQLiteTransaction else { return [] }
            // Raw SQL may change anything the writer keeps.
            transaction.cache?.clear()
            return try transaction.connection.rows(query, cached: false).map(\.values)
        }
    }

    /// Runs one statement on a reader, in a read transaction, and returns its raw rows.
    ///
    /// For tests and diagnostics inside this package (a long query to cancel, a read-only
    /// store's pragmas); not public API.
    func readRaw(_ query: SQLQuery) async throws -> [[SQLValue]] {
        try await read { transaction in
            guard let transaction = transaction as? SQLiteTransaction else { return [] }
            return try transaction.connection.rows(query, cached: false).map(\.values)
        }
    }

    /// How many write bodies are queued for the writer's next batch, not yet started.
    ///
    /// For tests that need several writes waiting behind a running one; not public API.
    var queuedWriteCount: Int { writer?.queuedCount ?? 0 }
}

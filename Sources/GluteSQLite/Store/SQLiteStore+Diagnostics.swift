internal import GluteStore

extension SQLiteStore {
    /// Runs one statement outside any store method and returns its raw rows, throwing SQLite's own
    /// error.
    ///
    /// For tests and diagnostics inside this package; not public API.
    func runRaw(_ query: SQLQuery) throws(SQLiteError) -> [[SQLValue]] {
        try connection.rows(query, cached: false).map(\.values)
    }

    /// How many prepared statements the connection keeps for reuse.
    var cachedStatementCount: Int { connection.cachedStatementCount }
}

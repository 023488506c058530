internal import GluteStore

extension SQLiteConnection {
    /// Runs `body` in a write transaction (`BEGIN IMMEDIATE`): the write lock is taken at the start,
    /// so two writers never deadlock half-way, and a busy database is waited for up to the busy
    /// timeout.
    ///
    /// Commits when `body` returns, rolls back when it throws.
    func writeTransaction<Value>(_ body: () throws -> Value) throws -> Value {
        try transaction(begin: "BEGIN IMMEDIATE", body)
    }

    /// Runs `body` in a read transaction (`BEGIN DEFERRED`), so every query in it sees one snapshot.
    func readTransaction<Value>(_ body: () throws -> Value) throws -> Value {
        try transaction(begin: "BEGIN DEFERRED", body)
    }

    private func transaction<Value>(begin: SQLQuery, _ body: () throws -> Value) throws -> Value {
        try execute(begin)
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            if isInTransaction {
                do {
                    try execute("ROLLBACK")
                } catch {
                    // The first error explains what went wrong; a failed rollback leaves SQLite to
                    // roll back when the connection closes. Report the original error.
                }
            }
            throw error
        }
    }
}

internal import GluteCore
internal import GluteStore

/// Applies ``StoreSchema/migrations`` to one SQLite connection, forward only.
///
/// Each migration runs in its own `BEGIN IMMEDIATE` transaction together with the row that records
/// it in `schema_migration`, and the list of applied migrations is read inside that transaction, so
/// two processes opening a new file at once apply each migration exactly once. Reopening a
/// migrated database runs no DDL at all.
struct SQLiteMigrator {
    let connection: SQLiteConnection

    /// Applies every pending migration, or those up to the one named `target`.
    ///
    /// - Parameter now: read only when a migration is applied (its time is recorded).
    func migrate(upTo target: String?, now: () -> Timestamp) throws {
        let history = try connection.rows(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = \(StoreSchema.historyTableName)", cached: false
        )
        if history.isEmpty {
            try connection.execute(SQLQuery(unsafeSQL: StoreSchema.historyTable(for: .sqlite)), cached: false)
        }
        while true {
            let applied = try connection.writeTransaction { () throws -> Bool in
                let pending = try MigrationPlan.pending(
                    applied: try appliedMigrations(), known: StoreSchema.migrations,
                    upTo: target)
                guard let next = pending.first else { return false }
                for statement in try next.statements(for: .sqlite) {
                    try connection.execute(SQLQuery(unsafeSQL: statement), cached: false)
                }
                try connection.execute(
                    """
                    INSERT INTO schema_migration (version, name, applied_at) VALUES (\(next.version), \(next.name), \(now()))
                    """)
                return true
            }
            if !applied { return }
        }
    }

    /// The migrations recorded in the database, in version order.
    func appliedMigrations() throws(SQLiteError) -> [AppliedMigration] {
        try connection.fetch("SELECT version, name FROM schema_migration ORDER BY version") { row throws(SQLiteError) in
            AppliedMigration(version: try row.int(0), name: try row.text(1))
        }
    }
}

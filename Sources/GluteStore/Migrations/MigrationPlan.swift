/// Decides which migrations a database still needs: pure logic, no I/O.
///
/// ```swift
/// let pending = try MigrationPlan.pending(applied: [AppliedMigration(version: 1, name: "create people")],
///                                         known: StoreSchema.migrations)
/// ```
public enum MigrationPlan {
    /// The migrations from `known` that are not in `applied`, in order.
    ///
    /// - Parameters:
    ///   - applied: what the database's history table says, in any order.
    ///   - known: the migrations this build knows, in version order.
    ///   - target: stop after the migration with this name (tests use it); `nil` applies all.
    /// - Throws: ``StoreError/Code/incompatibleSchema`` when the database has a version this build
    ///   does not know (it was written by a newer build), when an applied migration's name differs
    ///   from the known one, when the applied versions are not 1, 2, … without gaps, or when `known`
    ///   itself is out of order.
    public static func pending(
        applied: [AppliedMigration], known: [Migration],
        upTo target: String? = nil
    ) throws(StoreError) -> [Migration] {
        for (offset, migration) in known.enumerated() where migration.version != offset + 1 {
            throw .incompatibleSchema(
                "migration \"\(migration.name)\" has version \(migration.version), expected \(offset + 1)")
        }
        var limit = known.count
        if let target {
            guard let index = known.firstIndex(where: { $0.name == target }) else {
                throw .incompatibleSchema("no migration named \"\(target)\"")
            }
            limit = index + 1
        }
        for record in applied {
            guard record.version >= 1, record.version <= known.count else {
                throw .incompatibleSchema(
                    "the database has migration \(record.version) \"\(record.name)\", which this version does not know; use a newer glute"
                )
            }
            let expected = known[record.version - 1]
            guard expected.name == record.name else {
                throw .incompatibleSchema(
                    "migration \(record.version) is \"\(record.name)\" in the database but \"\(expected.name)\" here")
            }
        }
        let appliedVersions = Set(applied.map(\.version))
        guard appliedVersions == Set(1...max(1, appliedVersions.count)) || appliedVersions.isEmpty else {
            throw .incompatibleSchema("the database's migration history has gaps: \(appliedVersions.sorted())")
        }
        return known.prefix(limit).filter { !appliedVersions.contains($0.version) }
    }
}

import GluteStore
import Testing

@testable import GluteSQLite

/// Migrations apply from zero, once, forward only.
@Suite struct SQLiteMigrationTests {
    private func tables(_ store: SQLiteStore) async throws -> [String] {
        try await store.runRaw("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").map {
            guard case .text(let name) = $0[0] else { return "?" }
            return name
        }
    }

    @Test func migrationsApplyFromZeroAndAreRecorded() async throws {
        let folder = try TemporaryFolder()
        let recorder = SQLRecorder()
        let store = try makeSQLiteStore(in: folder, recorder: recorder)
        #expect(
            try await tables(store) == [
                "assessment", "logged_set", "logged_set_rep", "person", "plan", "retest", "schema_migration",
                "wake_up_call",
            ])
        let history = try await store.runRaw("SELECT version, name FROM schema_migration ORDER BY version")
        #expect(history == StoreSchema.migrations.map { [.integer(Int64($0.version)), .text($0.name)] })
        let creates = recorder.all.filter {
            $0.hasPrefix("CREATE TABLE person") || $0.hasPrefix("CREATE TABLE logged_set ")
        }
        #expect(creates.count == 2)
        #expect(recorder.all.filter { $0 == "BEGIN IMMEDIATE" }.count == StoreSchema.migrations.count + 1)
    }

    @Test func reopeningAMigratedDatabaseRunsNoDDL() async throws {
        let folder = try TemporaryFolder()
        _ = try makeSQLiteStore(in: folder)
        let recorder = SQLRecorder()
        let store = try makeSQLiteStore(in: folder, recorder: recorder)
        #expect(!recorder.all.contains { $0.hasPrefix("CREATE TABLE ") || $0.hasPrefix("CREATE INDEX") })
        #expect(!recorder.all.contains { $0.hasPrefix("INSERT INTO schema_migration") })
        #expect(
            try await store.runRaw("SELECT count(*) FROM schema_migration") == [
                [.integer(Int64(StoreSchema.migrations.count))]
            ])
    }

    @Test func migratingUpToANameStopsThereAndResumesLater() async throws {
        let folder = try TemporaryFolder()
        let first = try makeSQLiteStore(in: folder, migrationTarget: StoreSchema.migrations[0].name)
        #expect(try await !tables(first).contains("logged_set"))
        #expect(try await tables(first).contains("plan"))
        let second = try makeSQLiteStore(in: folder)
        #expect(try await tables(second).contains("logged_set"))
        #expect(
            try await second.runRaw("SELECT max(version) FROM schema_migration") == [
                [.integer(Int64(StoreSchema.migrations.count))]
            ])
    }

    @Test func aDatabaseFromANewerBuildIsRefused() async throws {
        let folder = try TemporaryFolder()
        let store = try makeSQLiteStore(in: folder)
        _ = try await store.runRaw(
            SQLQuery(
                unsafeSQL:
                    "INSERT INTO schema_migration (version, name, applied_at) VALUES (\(StoreSchema.migrations.count + 1), 'from the future', 0)"
            ))
        let error = #expect(throws: StoreError.self) { try makeSQLiteStore(in: folder) }
        #expect(error?.code == .incompatibleSchema)
        #expect(error?.description.contains("use a newer glute") == true)
    }

    @Test func aRenamedMigrationIsRefused() async throws {
        let folder = try TemporaryFolder()
        let store = try makeSQLiteStore(in: folder)
        _ = try await store.runRaw("UPDATE schema_migration SET name = 'something else' WHERE version = 1")
        let error = #expect(throws: StoreError.self) { try makeSQLiteStore(in: folder) }
        #expect(error?.code == .incompatibleSchema)
    }

    @Test func twoStoresOpeningANewFileAtOnceMigrateItOnce() async throws {
        let folder = try TemporaryFolder()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { _ = try makeSQLiteStore(in: folder) }
            }
            try await group.waitForAll()
        }
        let store = try makeSQLiteStore(in: folder)
        #expect(
            try await store.runRaw("SELECT count(*) FROM schema_migration") == [
                [.integer(Int64(StoreSchema.migrations.count))]
            ])
    }
}

/// The pure decision of which migrations are pending.
@Suite struct MigrationPlanTests {
    private let known = [
        Migration(version: 1, name: "one", statements: [:]),
        Migration(version: 2, name: "two", statements: [:]),
        Migration(version: 3, name: "three", statements: [:]),
    ]

    @Test func everythingIsPendingOnAnEmptyDatabase() throws {
        #expect(try MigrationPlan.pending(applied: [], known: known).map(\.name) == ["one", "two", "three"])
    }

    @Test func appliedMigrationsAreSkipped() throws {
        let applied = [AppliedMigration(version: 1, name: "one")]
        #expect(try MigrationPlan.pending(applied: applied, known: known).map(\.name) == ["two", "three"])
        #expect(try MigrationPlan.pending(applied: applied, known: known, upTo: "two").map(\.name) == ["two"])
    }

    @Test func unknownTargetsVersionsAndNamesAreErrors() {
        #expect(throws: StoreError.self) { try MigrationPlan.pending(applied: [], known: known, upTo: "four") }
        #expect(throws: StoreError.self) {
            try MigrationPlan.pending(applied: [AppliedMigration(version: 4, name: "four")], known: known)
        }
        #expect(throws: StoreError.self) {
            try MigrationPlan.pending(applied: [AppliedMigration(version: 1, name: "uno")], known: known)
        }
        #expect(throws: StoreError.self) {
            try MigrationPlan.pending(applied: [], known: [Migration(version: 2, name: "gap", statements: [:])])
        }
    }

    @Test func aHistoryWithGapsIsAnError() {
        #expect(throws: StoreError.self) {
            try MigrationPlan.pending(applied: [AppliedMigration(version: 2, name: "two")], known: known)
        }
    }

    @Test func aMissingDialectIsAnError() {
        #expect(throws: StoreError.self) { try known[0].statements(for: .postgres) }
    }

    @Test func numbnessMarkersAtTheStartOfOldNotesMoveIntoTheField() async throws {
        let folder = try TemporaryFolder()
        let old = try makeSQLiteStore(in: folder, migrationTarget: StoreSchema.migrations[1].name)
        _ = try await old.runRaw("INSERT INTO person (id, name, created_at) VALUES ('p', NULL, 0)")
        for (id, note) in [
            ("a", "'[new numbness] left calf'"), ("b", "'[new numbness]'"), ("c", "'quoting [new numbness] here'"),
            ("d", "NULL"),
        ] {
            _ = try await old.runRaw(
                SQLQuery(
                    unsafeSQL: """
                        INSERT INTO logged_set (id, person_id, exercise_id, side, set_count, felt, balance, pain, \
                        performed_at, note, duration_seconds) VALUES ('\(id)', 'p', 'glute-bridge', 'both', 1, 'glutes', \
                        'steady', 0, 0, \(note), 30)
                        """))
        }
        let migrated = try makeSQLiteStore(in: folder)
        let rows = try await migrated.runRaw("SELECT id, numbness, note FROM logged_set ORDER BY id")
        #expect(
            rows == [
                [.text("a"), .integer(1), .text("left calf")], [.text("b"), .integer(1), .null],
                [.text("c"), .integer(0), .text("quoting [new numbness] here")], [.text("d"), .integer(0), .null],
            ])
    }
}

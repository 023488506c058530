import GluteCore
import GluteJSON
import GluteStore
import Synchronization
import Testing

@testable import GluteSQLite

/// Migrations apply from zero, once, forward only, and keep old data.
@Suite struct SQLiteMigrationTests {
    private func tables(_ store: SQLiteStore) async throws -> [String] {
        try await store.readRaw("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").map {
            guard case .text(let name) = $0[0] else { return "?" }
            return name
        }
    }

    private func appliedVersion(_ store: SQLiteStore) async throws -> [[SQLValue]] {
        try await store.readRaw("SELECT max(version), count(*) FROM schema_migration")
    }

    @Test func migrationsApplyFromZeroAndAreRecorded() async throws {
        let folder = try TemporaryFolder()
        let recorder = SQLRecorder()
        let store = try makeSQLiteStore(in: folder, recorder: recorder)
        let opening = recorder.all
        #expect(
            try await tables(store) == [
                "account", "api_token", "assessment", "auth_session", "client_note", "client_state", "coach_link",
                "deletion", "idempotency_record", "invitation", "item_state", "logged_set", "logged_set_rep", "person",
                "plan", "plan_cause", "rate_limit", "retest", "schema_migration", "wake_up_call",
            ])
        let history = try await store.readRaw("SELECT version, name FROM schema_migration ORDER BY version")
        #expect(history == StoreSchema.migrations.map { [.integer(Int64($0.version)), .text($0.name)] })
        #expect(opening.count { $0.hasPrefix("CREATE TABLE person") || $0.hasPrefix("CREATE TABLE logged_set ") } == 2)
        // One transaction per migration, and one that finds nothing left to do.
        #expect(opening.count { $0 == "BEGIN IMMEDIATE" } == StoreSchema.migrations.count + 1)
    }

    @Test func reopeningAMigratedDatabaseRunsNoDDL() async throws {
        let folder = try TemporaryFolder()
        _ = try makeSQLiteStore(in: folder)
        let recorder = SQLRecorder()
        let store = try makeSQLiteStore(in: folder, recorder: recorder)
        #expect(!recorder.contains(prefix: "CREATE ") && !recorder.contains(prefix: "ALTER "))
        #expect(!recorder.contains(prefix: "INSERT INTO schema_migration"))
        let latest = Int64(StoreSchema.migrations.count)
        #expect(try await appliedVersion(store) == [[.integer(latest), .integer(latest)]])
    }

    @Test(arguments: 1..<StoreSchema.migrations.count)
    func migratingUpToOneStopsThereAndReopeningAppliesTheRest(_ applied: Int) async throws {
        let folder = try TemporaryFolder()
        let old = try makeSQLiteStore(in: folder, migrationTarget: StoreSchema.migrations[applied - 1].name)
        #expect(try await appliedVersion(old) == [[.integer(Int64(applied)), .integer(Int64(applied))]])
        #expect(try await tables(old).contains("logged_set") == (applied >= 2))
        #expect(try await tables(old).contains("deletion") == (applied >= 4))
        #expect(try await tables(old).contains("account") == (applied >= 5))
        let recorder = SQLRecorder()
        let store = try makeSQLiteStore(in: folder, recorder: recorder)
        let count = Int64(StoreSchema.migrations.count)
        #expect(try await appliedVersion(store) == [[.integer(count), .integer(count)]])
        #expect(recorder.count("BEGIN IMMEDIATE") == StoreSchema.migrations.count - applied + 1)
        // Everything the latest schema has works on the migrated file.
        let person = try await store.createPerson("Ana", timeZone: "Europe/Madrid")
        let set = try await store.insertSet(sampleEntry(numbness: true, session: .strength), for: person.id)
        try await store.write { tx in
            let plan = try tx.insertPlan(
                for: person.id, status: .stopped(reason: "numbness"), reason: "numbness", assessment: nil,
                causes: [set.id.rawValue], at: at(9))
            try tx.saveItemStates([sampleState("glute-bridge")], plan: plan.id, for: person.id, at: at(9))
            _ = try tx.insertWakeUpCall(for: person.id, at: at(9), outcome: .done, answers: nil)
            _ = try tx.insertWakeUpCall(for: person.id, at: at(9), outcome: .done, answers: nil)
            _ = try tx.deleteEntry(.set, id: set.id.rawValue, for: person.id, entry: .null, at: at(10))
        }
        let document = try await store.exportDatabase()
        #expect(
            document.summary
                == ImportSummary(
                    people: 1, assessments: 0, plans: 1, loggedSets: 0, wakeUpCalls: 2, retests: 0, deletions: 1))
    }

    @Test func migrationFourKeepsOldPlansWakeUpCallsAndRetests() async throws {
        let folder = try TemporaryFolder()
        let old = try makeSQLiteStore(in: folder, migrationTarget: StoreSchema.migrations[2].name)
        let plan = samplePlan.jsonValue.serialized(.compact)
        let bridge = bridgeResult(left: 10, right: 14).serialized(.compact)
        for statement: SQLQuery in [
            "INSERT INTO person (id, name, created_at) VALUES ('p', 'Ana', \(at(7)))",
            "INSERT INTO assessment (id, person_id, taken_at, input_json, output_json) VALUES ('a', 'p', \(at(7)), '{ }', '{}')",
            """
            INSERT INTO plan (id, person_id, version, plan_json, reason, created_at, assessment_id) \
            VALUES ('v1', 'p', 1, \(plan), 'first assessment', \(at(7)), 'a')
            """,
            """
            INSERT INTO plan (id, person_id, version, plan_json, reason, created_at, assessment_id) \
            VALUES ('v2', 'p', 2, 'null', 'stopped: see a clinician', \(at(8)), NULL)
            """,
            "INSERT INTO wake_up_call (id, person_id, called_at, outcome) VALUES ('w2', 'p', \(at(10)), 'skip')",
            "INSERT INTO wake_up_call (id, person_id, called_at, outcome) VALUES ('w1', 'p', \(at(9)), 'done')",
            """
            INSERT INTO retest (id, person_id, test_name, side, result_json, taken_at) \
            VALUES ('r', 'p', 'single-leg-bridge', NULL, \(bridge), \(at(11)))
            """,
        ] {
            _ = try await old.runRaw(statement)
        }
        let store = try makeSQLiteStore(in: folder)
        let person = Person.ID(rawValue: "p")
        #expect(try await store.read { tx in try tx.person(person) }?.timeZone == nil)
        let history = try await store.read { tx in try tx.planHistory(for: person) }
        #expect(history.map(\.version) == [1, 2])
        #expect(history[0].status == .active(samplePlan) && history[0].assessmentID?.rawValue == "a")
        #expect(history[1].status == .stopped(reason: "stopped: see a clinician") && history[1].causes.isEmpty)
        #expect(
            try await store.readRaw("SELECT id, status FROM plan ORDER BY id") == [
                [.text("v1"), .text("active")], [.text("v2"), .text("stopped")],
            ])
        let calls = try await store.read { tx in try tx.wakeUpCalls(for: person, in: at(0)..<at(23)) }
        #expect(
            calls == [
                WakeUpCall(id: .init(rawValue: "w1"), personID: person, at: at(9), outcome: .done, answers: at(9)),
                WakeUpCall(id: .init(rawValue: "w2"), personID: person, at: at(10), outcome: .skip, answers: at(10)),
            ])
        let retests = try await store.read { tx in try tx.retests(for: person, kind: .singleLegBridge) }
        #expect(retests.map(\.result) == [bridgeResult(left: 10, right: 14)])
        #expect(try await store.read { tx in try tx.latestAssessment(for: person) }?.inputText == "{ }")
        // The one-log-per-instant rule is gone with the old table.
        _ = try await store.write { tx in
            try tx.insertWakeUpCall(for: person, at: at(9), outcome: .skip, answers: at(9))
        }
    }

    @Test func aDatabaseFromANewerBuildIsRefused() async throws {
        let folder = try TemporaryFolder()
        let store = try makeSQLiteStore(in: folder)
        _ = try await store.runRaw(
            "INSERT INTO schema_migration (version, name, applied_at) VALUES (\(StoreSchema.migrations.count + 1), 'from the future', 0)"
        )
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

    @Test func storesOpeningANewFileAtOnceMigrateItOnce() async throws {
        let folder = try TemporaryFolder()
        let recorder = SQLRecorder()
        try await onThreads(4) { _ in _ = try makeSQLiteStore(in: folder, recorder: recorder) }
        #expect(recorder.count(where: { $0.hasPrefix("CREATE TABLE person") }) == 1)
        #expect(recorder.count(where: { $0.hasPrefix("CREATE TABLE deletion") }) == 1)
        let store = try makeSQLiteStore(in: folder)
        let latest = Int64(StoreSchema.migrations.count)
        #expect(try await appliedVersion(store) == [[.integer(latest), .integer(latest)]])
    }

    @Test func migrationSixKeepsEverySetWithItsRepsAndRules() async throws {
        let folder = try TemporaryFolder()
        let old = try makeSQLiteStore(in: folder, migrationTarget: StoreSchema.migrations[4].name)
        let person = try await old.createPerson("Ana", timeZone: "UTC")
        let kept = [
            try await old.insertSet(sampleEntry(performedAt: at(9)), for: person.id),
            try await old.insertSet(sampleEntry(side: nil, performedAt: at(10), reps: []), for: person.id),
            try await old.insertSet(
                sampleEntry(performedAt: at(11), reps: [8, 8, 6], session: .activation), for: person.id),
        ]
        let store = try makeSQLiteStore(in: folder)
        #expect(try await store.read { tx in try tx.loggedSets(for: person.id, in: at(0)..<at(23)) } == kept)
        #expect(try await store.readRaw("SELECT count(*) FROM logged_set_rep") == [[.integer(5)]])
        #expect(try await store.readRaw("PRAGMA foreign_key_check") == [])
        // The rules hold as before: a name outside the list, a rep beyond the set count.
        let badSide = SQLQuery(
            unsafeSQL: """
                INSERT INTO logged_set (id, person_id, exercise_id, side, set_count, felt, balance, pain, performed_at) \
                VALUES ('x', '\(person.id.rawValue)', 'glute-bridge', 'up', 1, 'glutes', 'steady', 0, 0)
                """)
        await #expect(throws: (any Error).self) { _ = try await store.runRaw(badSide) }
        let extraRep = SQLQuery(
            unsafeSQL:
                "INSERT INTO logged_set_rep (logged_set_id, set_number, reps) VALUES ('\(kept[0].id.rawValue)', 3, 5)")
        await #expect(throws: (any Error).self) { _ = try await store.runRaw(extraRep) }
        // The reps still go with their set.
        _ = try await store.runRaw(SQLQuery(unsafeSQL: "DELETE FROM logged_set WHERE id = '\(kept[2].id.rawValue)'"))
        #expect(try await store.readRaw("SELECT count(*) FROM logged_set_rep") == [[.integer(2)]])
        let checks = try await store.readRaw("SELECT sql FROM sqlite_schema WHERE name = 'logged_set'")
        guard case .text(let definition) = checks.first?.first else { Issue.record("no logged_set table"); return }
        #expect(!definition.contains("side IN") && !definition.contains("felt IN"))
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
        let rows = try await migrated.readRaw("SELECT id, numbness, note FROM logged_set ORDER BY id")
        #expect(
            rows == [
                [.text("a"), .integer(1), .text("left calf")], [.text("b"), .integer(1), .null],
                [.text("c"), .integer(0), .text("quoting [new numbness] here")], [.text("d"), .integer(0), .null],
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
}

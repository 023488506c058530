import GluteCore
import GluteStore
import Testing

@testable import GluteSQLite

/// The schema itself refuses rows that break the rules, whoever writes them.
@Suite struct SQLiteSchemaTests {
    /// A migrated store holding person `p1` and logged set `s1` (2 sets).
    private func makeStore(_ folder: TemporaryFolder) async throws -> SQLiteStore {
        let store = try makeSQLiteStore(in: folder)
        _ = try await store.runRaw("INSERT INTO person (id, name, created_at) VALUES ('p1', NULL, 0)")
        _ = try await store.runRaw(
            """
            INSERT INTO logged_set (id, person_id, exercise_id, side, set_count, felt, balance, pain, performed_at) \
            VALUES ('s1', 'p1', 'bridge', 'left', 2, 'glutes', 'steady', 0, 0)
            """)
        return store
    }

    /// The SQLite error under the store error that `body` throws.
    private func sqliteError(
        sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> [[SQLValue]]
    ) async -> SQLiteError? {
        let error = await #expect(throws: StoreError.self, sourceLocation: sourceLocation) { try await body() }
        return error?.underlying as? SQLiteError
    }

    private static let setColumns = "id, person_id, exercise_id, side, set_count, felt, balance, pain, performed_at"

    @Test(arguments: [
        (
            "NULL pain", "'x', 'p1', 'bridge', 'left', 1, 'glutes', 'steady', NULL, 0",
            SQLiteError.ResultCode.constraintNotNull
        ),
        ("pain above 10", "'x', 'p1', 'bridge', 'left', 1, 'glutes', 'steady', 11, 0", .constraintCheck),
        ("unknown side", "'x', 'p1', 'bridge', 'middle', 1, 'glutes', 'steady', 0, 0", .constraintCheck),
        ("unknown felt", "'x', 'p1', 'bridge', 'left', 1, 'calves', 'steady', 0, 0", .constraintCheck),
        ("zero sets", "'x', 'p1', 'bridge', 'left', 0, 'glutes', 'steady', 0, 0", .constraintCheck),
        ("unknown person", "'x', 'p9', 'bridge', 'left', 1, 'glutes', 'steady', 0, 0", .constraintForeignKey),
        (
            "text in an integer column", "'x', 'p1', 'bridge', 'left', 'two', 'glutes', 'steady', 0, 0",
            .constraintDataType
        ),
        ("duplicate id", "'s1', 'p1', 'bridge', 'left', 1, 'glutes', 'steady', 0, 0", .constraintPrimaryKey),
    ])
    func badLoggedSetIsRefused(_ label: String, _ values: String, _ code: SQLiteError.ResultCode) async throws {
        let folder = try TemporaryFolder()
        let store = try await makeStore(folder)
        let error = await sqliteError {
            try await store.runRaw(
                SQLQuery(unsafeSQL: "INSERT INTO logged_set (\(Self.setColumns)) VALUES (\(values))"))
        }
        #expect(error?.code == code, "\(label)")
        #expect(error?.code.primary == .constraint)
    }

    @Test func loadNeedsBothValueAndUnit() async throws {
        let folder = try TemporaryFolder()
        let store = try await makeStore(folder)
        let error = await sqliteError {
            try await store.runRaw("UPDATE logged_set SET load_value = 20 WHERE id = 's1'")
        }
        #expect(error?.code == .constraintCheck)
        _ = try await store.runRaw("UPDATE logged_set SET load_value = 20, load_unit = 'lb' WHERE id = 's1'")
    }

    @Test func repsAreLimitedToTheSetCount() async throws {
        let folder = try TemporaryFolder()
        let store = try await makeStore(folder)
        _ = try await store.runRaw("INSERT INTO logged_set_rep (logged_set_id, set_number, reps) VALUES ('s1', 2, 10)")
        let error = await sqliteError {
            try await store.runRaw("INSERT INTO logged_set_rep (logged_set_id, set_number, reps) VALUES ('s1', 3, 10)")
        }
        #expect(error?.code == .constraintTrigger)
        let negative = await sqliteError {
            try await store.runRaw("INSERT INTO logged_set_rep (logged_set_id, set_number, reps) VALUES ('s1', 1, -1)")
        }
        #expect(negative?.code == .constraintCheck)
    }

    @Test func planVersionsAreUniquePerPersonAndAssessmentsMustBeTheirs() async throws {
        let folder = try TemporaryFolder()
        let store = try await makeStore(folder)
        _ = try await store.runRaw("INSERT INTO person (id, name, created_at) VALUES ('p2', 'Ben', 0)")
        _ = try await store.runRaw(
            """
            INSERT INTO assessment (id, person_id, taken_at, input_json, output_json) VALUES ('a1', 'p1', 0, '{}', '{}')
            """)
        _ = try await store.runRaw(
            """
            INSERT INTO plan (id, person_id, version, plan_json, reason, created_at, assessment_id) \
            VALUES ('v1', 'p1', 1, '{}', 'first', 0, 'a1')
            """)
        let duplicate = await sqliteError {
            try await store.runRaw(
                """
                INSERT INTO plan (id, person_id, version, plan_json, reason, created_at) VALUES ('v2', 'p1', 1, '{}', 'again', 0)
                """)
        }
        #expect(duplicate?.code == .constraintUnique)
        let foreign = await sqliteError {
            try await store.runRaw(
                """
                INSERT INTO plan (id, person_id, version, plan_json, reason, created_at, assessment_id) \
                VALUES ('v3', 'p2', 1, '{}', 'borrowed', 0, 'a1')
                """)
        }
        #expect(foreign?.code == .constraintForeignKey)
        let notJSON = await sqliteError {
            try await store.runRaw(
                """
                INSERT INTO plan (id, person_id, version, plan_json, reason, created_at) VALUES ('v4', 'p2', 1, '{', 'x', 0)
                """)
        }
        #expect(notJSON?.code == .constraintCheck)
    }

    @Test func errorDescriptionHasTheHouseShapeAndNoValues() async throws {
        let folder = try TemporaryFolder()
        let store = try await makeStore(folder)
        let secret = "secret-note"
        let error = await sqliteError {
            try await store.runRaw(
                """
                INSERT INTO logged_set (id, person_id, exercise_id, side, set_count, felt, balance, pain, performed_at, note) \
                VALUES ('x', 'p1', 'bridge', 'left', 1, 'glutes', 'steady', \(nil as Int?), 0, \(secret))
                """)
        }
        let description = try #require(error).description
        #expect(
            description.hasPrefix(
                "SQLite error 19: NOT NULL constraint failed: logged_set.pain - while executing `INSERT INTO logged_set"
            ))
        #expect(description.hasSuffix("?, 0, ?)`"))
        #expect(!description.contains(secret))
        #expect(String(reflecting: try #require(error)).contains(secret))
    }

    @Test func storeErrorsKeepTheSQLiteMessageButNotTheValues() async throws {
        let folder = try TemporaryFolder()
        let store = try makeSQLiteStore(in: folder)
        let person = try await store.createPerson("Secret Name")
        let copy = ExportDocument(
            people: [Person(id: person.id, name: "Secret Name", timeZone: nil, createdAt: at(8))], assessments: [],
            plans: [], loggedSets: [], wakeUpCalls: [], retests: [])
        let error = await #expect(throws: StoreError.self) {
            try await store.write { tx in try tx.importRecords(copy) }
        }
        let storeError = try #require(error)
        #expect(storeError.code == .constraintViolation)
        #expect(
            storeError.description.hasPrefix(
                "SQLite error 19: UNIQUE constraint failed: person.id - while executing `INSERT INTO person"
            ))
        #expect(!storeError.description.contains(person.id.rawValue) && !storeError.description.contains("Secret"))
        #expect(storeError.debugDescription.contains(person.id.rawValue))
        #expect((storeError.underlying as? SQLiteError)?.code == .constraintPrimaryKey)
    }

    @Test func deletingASetRemovesItsRepsAndRecordsTheDeletion() async throws {
        let folder = try TemporaryFolder()
        let store = try makeSQLiteStore(in: folder)
        let person = try await store.createPerson("Ana")
        let set = try await store.insertSet(sampleEntry(reps: [15, 12]), for: person.id)
        _ = try await store.insertSet(sampleEntry(performedAt: at(10), reps: [10, 10]), for: person.id)
        #expect(try await store.readRaw("SELECT count(*) FROM logged_set_rep") == [[.integer(4)]])
        _ = try await store.write { tx in
            try tx.deleteEntry(.set, id: set.id.rawValue, for: person.id, entry: ExportDocument.json(set), at: at(12))
        }
        // The foreign key's ON DELETE CASCADE (foreign keys are on for the writer) takes the reps.
        #expect(try await store.readRaw("SELECT count(*) FROM logged_set_rep") == [[.integer(2)]])
        #expect(
            try await store.readRaw("SELECT kind, entry_id FROM deletion") == [[.text("set"), .text(set.id.rawValue)]])
    }
}

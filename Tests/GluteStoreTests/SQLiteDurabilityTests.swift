import Foundation
import GluteCore
import GluteStore
import Testing

@testable import GluteSQLite

/// Connection settings, transactions and what survives a reopen.
@Suite struct SQLiteDurabilityTests {
    @Test func defaultsAreWALForeignKeysAndFullSync() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteStore(path: folder.file(), environment: makeTestEnvironment())
        #expect(try await store.runRaw("PRAGMA journal_mode") == [[.text("wal")]])
        #expect(try await store.runRaw("PRAGMA foreign_keys") == [[.integer(1)]])
        #expect(try await store.runRaw("PRAGMA synchronous") == [[.integer(2)]])  // 2 is FULL
    }

    @Test func everyWriteIsOneImmediateTransaction() async throws {
        let folder = try TemporaryFolder()
        let recorder = SQLRecorder()
        let store = try makeSQLiteStore(in: folder, recorder: recorder)
        let person = try await store.defaultPerson()
        recorder.clear()
        _ = try await store.logSet(sampleEntry(reps: [15, 12]), for: person.id)
        #expect(
            recorder.all == [
                "BEGIN IMMEDIATE",
                "SELECT 1 FROM person WHERE id = ?",
                """
                INSERT INTO logged_set (id, person_id, exercise_id, side, set_count, load_value, load_unit, \
                duration_seconds, felt, balance, rpe, pain, performed_at, note, numbness) \
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                "INSERT INTO logged_set_rep (logged_set_id, set_number, reps) VALUES (?, ?, ?)",
                "INSERT INTO logged_set_rep (logged_set_id, set_number, reps) VALUES (?, ?, ?)",
                "COMMIT",
            ])
    }

    @Test func statementsArePreparedOnceAndReused() async throws {
        let folder = try TemporaryFolder()
        let store = try makeSQLiteStore(in: folder)
        let person = try await store.defaultPerson()
        _ = try await store.logSet(sampleEntry(performedAt: at(9)), for: person.id)
        let cached = await store.cachedStatementCount
        for minute in 1...5 { _ = try await store.logSet(sampleEntry(performedAt: at(9, minute)), for: person.id) }
        #expect(await store.cachedStatementCount == cached)
    }

    @Test func aFailedImportRollsBackAfterWritingPartOfIt() async throws {
        let folder = try TemporaryFolder()
        let source = try makeSQLiteStore(
            in: folder, name: "source.sqlite", environment: makeTestEnvironment(prefix: "a"))
        try await StoreContract.fill(source, sets: 60)
        let text = try await source.exportDocument()
        let clash = try ExportDocument.parse(text).loggedSets[49].id.rawValue
        let recorder = SQLRecorder()
        let target = try makeSQLiteStore(
            in: folder, name: "target.sqlite",
            environment: StoreEnvironment(now: { at(6) }, makeID: { clash }),
            recorder: recorder)
        _ = try await target.logSet(sampleEntry(), for: try await target.defaultPerson().id)
        recorder.clear()
        await #expect(throws: StoreError.self) { try await target.importDocument(text) }
        #expect(recorder.all.filter { $0.hasPrefix("INSERT INTO logged_set (") }.count == 50)
        #expect(recorder.all.last == "ROLLBACK")
        #expect(try await target.runRaw("SELECT count(*) FROM logged_set") == [[.integer(1)]])
        #expect(try await target.runRaw("SELECT count(*) FROM person") == [[.integer(1)]])
    }

    @Test func dataSurvivesClosingAndReopening() async throws {
        let folder = try TemporaryFolder()
        var written: String
        do {
            let store = try SQLiteStore(path: folder.file(), environment: makeTestEnvironment())
            try await StoreContract.fill(store)
            written = try await store.exportDocument()
        }
        let reopened = try makeSQLiteStore(in: folder)
        #expect(try await reopened.exportDocument() == written)
    }

    @Test func twoStoresOnOneFileLoseNoRows() async throws {
        let folder = try TemporaryFolder()
        let first = try makeSQLiteStore(in: folder, environment: makeTestEnvironment(prefix: "first"))
        let second = try makeSQLiteStore(in: folder, environment: makeTestEnvironment(prefix: "second"))
        let person = try await first.defaultPerson()
        #expect(try await second.defaultPerson() == person)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (offset, store) in [first, second].enumerated() {
                group.addTask {
                    for index in 0..<50 {
                        let time = at(6).adding(seconds: Int64(offset * 1000 + index))
                        _ = try await store.logSet(sampleEntry(performedAt: time), for: person.id)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await first.loggedSets(for: person.id, in: at(0)..<at(23)).count == 100)
        #expect(try await second.loggedSets(for: person.id, in: at(0)..<at(23)).count == 100)
    }

    @Test func aFileThatIsNotADatabaseCannotBeOpened() throws {
        let folder = try TemporaryFolder()
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: folder.file()))
        let error = #expect(throws: StoreError.self) { try makeSQLiteStore(in: folder) }
        #expect(error?.code == .cannotOpen)
        #expect((error?.underlying as? SQLiteError)?.code == .notADatabase)
    }

    @Test func theParentFolderIsCreated() async throws {
        let folder = try TemporaryFolder()
        let store = try makeSQLiteStore(in: folder, name: "deeper/still/glute.sqlite")
        #expect(store.path.hasSuffix("deeper/still/glute.sqlite"))
        #expect(try await store.people().isEmpty)
    }
}

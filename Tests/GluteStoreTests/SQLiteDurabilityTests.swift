import Foundation
import GluteCore
import GluteStore
import Testing

@testable import GluteSQLite

/// Connection settings, the shape of a write, and what survives closing and reopening.
@Suite struct SQLiteDurabilityTests {
    @Test func defaultsAreWALForeignKeysAndFullSync() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteStore(path: folder.file(), clock: testClock, ids: numberedIDs())
        #expect(try await store.runRaw("PRAGMA journal_mode") == [[.text("wal")]])
        #expect(try await store.runRaw("PRAGMA foreign_keys") == [[.integer(1)]])
        #expect(try await store.runRaw("PRAGMA synchronous") == [[.integer(2)]])  // 2 is FULL
        // The readers share the file's journal mode.
        #expect(try await store.readRaw("PRAGMA journal_mode") == [[.text("wal")]])
    }

    @Test func synchronousFollowsTheConfiguration() async throws {
        let folder = try TemporaryFolder()
        let store = try makeSQLiteStore(in: folder, synchronous: .normal)
        #expect(try await store.runRaw("PRAGMA synchronous") == [[.integer(1)]])  // 1 is NORMAL
    }

    @Test func oneWriteIsOneImmediateTransactionWithASavepoint() async throws {
        let folder = try TemporaryFolder()
        let recorder = SQLRecorder()
        let store = try makeSQLiteStore(in: folder, recorder: recorder)
        let person = try await store.createPerson("Ana")
        recorder.clear()
        _ = try await store.insertSet(sampleEntry(reps: [15, 12]), for: person.id)
        #expect(
            recorder.all == [
                "BEGIN IMMEDIATE",
                "PRAGMA data_version",
                "SAVEPOINT job",
                "SELECT 1 FROM person WHERE id = ?",
                """
                INSERT INTO logged_set (id, person_id, exercise_id, side, set_count, load_value, load_unit, \
                duration_seconds, felt, balance, rpe, pain, performed_at, note, numbness, session_kind) \
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                "INSERT INTO logged_set_rep (logged_set_id, set_number, reps) VALUES (?, 1, ?), (?, ?, ?)",
                "RELEASE job",
                "COMMIT",
            ])
    }

    @Test func aFailedImportRollsBackAfterWritingPartOfIt() async throws {
        let folder = try TemporaryFolder()
        let source = try makeSQLiteStore(in: folder, name: "source.sqlite", ids: numberedIDs(prefix: "a"))
        try await StoreContract.fill(source, sets: 60)
        let document = try ExportDocument.parse(try await source.exportDatabase().serialized())
        let clash = document.loggedSets[49].id.rawValue
        let recorder = SQLRecorder()
        let target = try makeSQLiteStore(
            in: folder, name: "target.sqlite", ids: IdentifierSource { clash }, recorder: recorder)
        _ = try await target.insertSet(sampleEntry(), for: try await target.createPerson("Owner").id)
        recorder.clear()
        await #expect(throws: StoreError.self) { try await target.write { tx in try tx.importRecords(document) } }
        #expect(recorder.count(where: { $0.hasPrefix("INSERT INTO logged_set (") }) == 50)
        // The failed body is undone to its savepoint; the (empty) rest of the batch commits.
        #expect(recorder.all.suffix(3) == ["ROLLBACK TO job", "RELEASE job", "COMMIT"])
        #expect(try await target.readRaw("SELECT count(*) FROM logged_set") == [[.integer(1)]])
        #expect(try await target.readRaw("SELECT count(*) FROM person") == [[.integer(1)]])
    }

    @Test func dataSurvivesClosingAndReopening() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteStore(path: folder.file(), clock: testClock, ids: numberedIDs())
        try await StoreContract.fill(store)
        let written = try await store.exportDatabase().serialized()
        await store.close()
        let reopened = try makeSQLiteStore(in: folder, ids: numberedIDs(prefix: "later"))
        #expect(try await reopened.exportDatabase().serialized() == written)
    }

    @Test func closeWaitsForQueuedWritesAndLaterCallsFail() async throws {
        let folder = try TemporaryFolder()
        let store = try makeSQLiteStore(in: folder)
        let person = try await store.createPerson("Ana")
        let started = Flag()
        let release = Flag()
        let slow = Task {
            try await store.write { tx in
                started.set()
                release.wait()
                return try tx.insertSet(sampleEntry(performedAt: at(8)), for: person.id)
            }
        }
        try await waitUntil("the slow write to start") { started.isSet }
        let queued = (0..<10).map { index in
            Task { try await store.insertSet(sampleEntry(performedAt: at(9, index)), for: person.id) }
        }
        try await waitUntil("ten writes to queue") { store.queuedWriteCount == 10 }
        let closed = Flag()
        let closing = Task {
            await store.close()
            closed.set()
        }
        try await Task.sleep(for: .milliseconds(20))
        #expect(!closed.isSet, "close() returned while eleven writes were still to do")
        release.set()
        await closing.value
        // Nothing was awaited but the close: what it waited for is on disk.
        let reopened = try makeSQLiteStore(in: folder, ids: numberedIDs(prefix: "later"))
        #expect(try await reopened.allSets(for: person.id).count == 11)
        _ = try await slow.value
        for task in queued { _ = try await task.value }
        await StoreContract.expectStoreError(.cannotOpen) { _ = try await store.createPerson("Late") }
        await StoreContract.expectStoreError(.cannotOpen) { _ = try await store.read { tx in try tx.earliestPerson() } }
    }

    @Test func twoStoresOnOneFileLoseNoRows() async throws {
        let folder = try TemporaryFolder()
        let first = try makeSQLiteStore(in: folder, ids: numberedIDs(prefix: "first"))
        let second = try makeSQLiteStore(in: folder, ids: numberedIDs(prefix: "second"))
        let person = try await first.createPerson("Ana")
        #expect(try await second.read { tx in try tx.earliestPerson() } == person)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (offset, store) in [first, second].enumerated() {
                group.addTask {
                    for index in 0..<50 {
                        let time = at(6).adding(seconds: Int64(offset * 1000 + index))
                        _ = try await store.insertSet(sampleEntry(performedAt: time), for: person.id)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await first.allSets(for: person.id).count == 100)
        #expect(try await second.allSets(for: person.id).count == 100)
    }

    @Test func aFileThatIsNotADatabaseCannotBeOpened() throws {
        let folder = try TemporaryFolder()
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: folder.file()))
        let error = #expect(throws: StoreError.self) { try makeSQLiteStore(in: folder) }
        #expect(error?.code == .cannotOpen)
        #expect((error?.underlying as? SQLiteError)?.code == .notADatabase)
    }

    @Test func aMissingFolderIsNotCreated() throws {
        // The front end decides where the folder goes and makes it (the CLI does); the store
        // only creates the file.
        let folder = try TemporaryFolder()
        let error = #expect(throws: StoreError.self) { try makeSQLiteStore(in: folder, name: "deeper/glute.sqlite") }
        #expect(error?.code == .cannotOpen)
        #expect(!FileManager.default.fileExists(atPath: folder.file("deeper")))
    }
}

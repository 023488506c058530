import Foundation
import GluteCore
import GluteStore
import Synchronization
import Testing

@testable import GluteSQLite

/// `backup(to:)` copies a consistent database while the store goes on writing.
@Suite struct SQLiteBackupTests {
    @Test func aBackupTakenDuringWritesHoldsAPrefixOfTheCommittedRowsAndIsIntact() async throws {
        let folder = try TemporaryFolder()
        let store = try makeSQLiteStore(in: folder)
        let person = try await store.createPerson("Ana")
        // Enough rows that the copy takes many steps of the backup API.
        let note = String(repeating: "n", count: 900)
        try await store.write { tx in
            for index in 0..<2000 {
                var entry = sampleEntry(performedAt: at(0, day: 1).adding(seconds: Int64(index)))
                entry.note = note
                _ = try tx.insertSet(entry, for: person.id)
            }
        }
        let committed = Atomic<Int>(2000)
        let stop = Flag()
        let writer = Task {
            var index = 2000
            while !stop.isSet {
                var entry = sampleEntry(performedAt: at(0, day: 1).adding(seconds: Int64(index)))
                entry.note = note
                _ = try await store.insertSet(entry, for: person.id)
                index += 1
                committed.store(index, ordering: .sequentiallyConsistent)
            }
        }
        try await waitUntil("writes during the backup") { committed.load(ordering: .sequentiallyConsistent) > 2010 }
        let before = committed.load(ordering: .sequentiallyConsistent)
        try await store.backup(to: folder.file("backup.sqlite"))
        let after = committed.load(ordering: .sequentiallyConsistent)
        stop.set()
        try await writer.value

        let copy = try makeSQLiteStore(in: folder, name: "backup.sqlite", readOnly: true)
        #expect(try await copy.readRaw("PRAGMA integrity_check") == [[.text("ok")]])
        let times = try await copy.read { tx in try tx.loggedSets(for: person.id, in: at(0, day: 1)..<at(0, day: 9)) }
            .map(\.performedAt)
        // Every set committed before the backup began, none that was not committed when it ended,
        // and no gaps: one consistent snapshot.
        #expect(times.count >= before && times.count <= after + 1, "\(before) ≤ \(times.count) ≤ \(after)")
        #expect(times == (0..<times.count).map { at(0, day: 1).adding(seconds: Int64($0)) })
    }

    @Test func aBackupOfAQuietStoreEqualsIt() async throws {
        let folder = try TemporaryFolder()
        let store = try makeSQLiteStore(in: folder)
        try await StoreContract.fill(store)
        try await store.backup(to: folder.file("backup.sqlite"))
        let copy = try makeSQLiteStore(in: folder, name: "backup.sqlite")
        #expect(try await copy.exportDatabase().serialized() == (try await store.exportDatabase().serialized()))
        #expect(try await copy.runRaw("PRAGMA journal_mode") == [[.text("wal")]])
    }

    @Test func aBackupOntoAnExistingFileIsRefused() async throws {
        let folder = try TemporaryFolder()
        let store = try makeSQLiteStore(in: folder)
        _ = try await store.createPerson("Ana")
        let existing = Data("keep me".utf8)
        try existing.write(to: URL(fileURLWithPath: folder.file("backup.sqlite")))
        let error = await #expect(throws: StoreError.self) { try await store.backup(to: folder.file("backup.sqlite")) }
        #expect(error?.code == .cannotOpen)
        #expect(error?.message.contains("exists already") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.file("backup.sqlite"))) == existing)
    }

    @Test func aBackupIntoAMissingFolderFailsAndLeavesNothing() async throws {
        let folder = try TemporaryFolder()
        let store = try makeSQLiteStore(in: folder)
        await #expect(throws: StoreError.self) { try await store.backup(to: folder.file("missing/backup.sqlite")) }
        #expect(!FileManager.default.fileExists(atPath: folder.file("missing")))
    }
}

import Foundation
import GluteCore
import GluteStore
import Testing

@testable import GluteSQLite

/// A database the process cannot write still answers reads, refuses writes, and is never migrated.
///
/// Tests run as root on CI, and root ignores permission bits: a file with mode 0444 in a folder
/// with mode 0555 is still writable to it, so the store (rightly) opens it read-write. There, the
/// tests open with ``SQLiteStore/Configuration/readOnly`` instead: that proves everything after
/// the decision (read-only connections, refused writes, no migration) but not the decision
/// itself. The last two tests prove that, and the immutable fallback for a folder where SQLite
/// cannot make its WAL index, when the suite runs as an ordinary user, for example with
/// `runuser -u nobody -- .build/debug/GluteCoachPackageTests.xctest --testing-library swift-testing --filter ReadOnly`.
@Suite struct SQLiteReadOnlyTests {
    private static let isRoot = getuid() == 0

    /// A database at `folder`'s default file holding what ``StoreContract/fill(_:sets:)`` writes.
    private func filledDatabase(in folder: TemporaryFolder) async throws -> String {
        let store = try makeSQLiteStore(in: folder)
        try await StoreContract.fill(store)
        let text = try await store.exportDatabase().serialized()
        await store.close()
        return text
    }

    @Test func aReadOnlyStoreAnswersReadsAndRefusesWrites() async throws {
        let folder = try TemporaryFolder()
        let written = try await filledDatabase(in: folder)
        let store = try makeSQLiteStore(in: folder, readOnly: true)
        #expect(store.isReadOnly)
        #expect(try await store.exportDatabase().serialized() == written)
        let person = try #require(try await store.read { tx in try tx.earliestPerson() })
        #expect(try await store.allSets(for: person.id).count == 8)
        let error = await #expect(throws: StoreError.self) { _ = try await store.createPerson("Ben") }
        #expect(error?.code == .readOnly)
        #expect(error?.message.contains(folder.file()) == true)
        await StoreContract.expectStoreError(.readOnly) { _ = try await store.runRaw("SELECT 1") }
        // A read body that reaches for the writer's methods cannot write either.
        await StoreContract.expectStoreError(.readOnly) {
            _ = try await store.read { tx in
                try (tx as? any StoreWriter)?.createPerson(name: "Sneaky", timeZone: nil, at: at(9))
            }
        }
        // The readers' own connections are read-only too.
        await StoreContract.expectStoreError(.readOnly) {
            _ = try await store.readRaw("INSERT INTO person (id, name, created_at) VALUES ('x', NULL, 0)")
        }
        #expect(try await store.exportDatabase().serialized() == written)
    }

    @Test func aReadOnlyFileThatNeedsAMigrationIsRefusedAndLeftAlone() async throws {
        let folder = try TemporaryFolder()
        let old = try makeSQLiteStore(in: folder, migrationTarget: StoreSchema.migrations[2].name)
        await old.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.file()))
        let error = #expect(throws: StoreError.self) { try makeSQLiteStore(in: folder, readOnly: true) }
        #expect(error?.code == .incompatibleSchema)
        #expect(error?.message.contains("needs an upgrade, which cannot be written to a read-only file") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.file())) == before)
        let reopened = try makeSQLiteStore(in: folder)
        #expect(
            try await reopened.readRaw("SELECT max(version) FROM schema_migration")
                == [[.integer(Int64(StoreSchema.migrations.count))]])
    }

    @Test func aMissingFileIsNotCreatedReadOnly() throws {
        let folder = try TemporaryFolder()
        let error = #expect(throws: StoreError.self) { try makeSQLiteStore(in: folder, readOnly: true) }
        #expect(error?.code == .cannotOpen)
        #expect(!FileManager.default.fileExists(atPath: folder.file()))
    }

    @Test(.enabled(if: !isRoot, "root can write any file, so only an ordinary user can see this"))
    func aFileTheUserCannotWriteOpensReadOnly() async throws {
        let folder = try TemporaryFolder()
        let written = try await filledDatabase(in: folder)
        #expect(chmod(folder.file(), 0o444) == 0 && chmod(folder.path, 0o555) == 0)
        let store = try makeSQLiteStore(in: folder)
        #expect(store.isReadOnly)
        #expect(try await store.exportDatabase().serialized() == written)
        await StoreContract.expectStoreError(.readOnly) { _ = try await store.createPerson("Ben") }
    }

    @Test(.enabled(if: !isRoot, "root can write any file, so only an ordinary user can see this"))
    func aFileTheUserCannotWriteThatNeedsAMigrationIsRefused() async throws {
        let folder = try TemporaryFolder()
        let old = try makeSQLiteStore(in: folder, migrationTarget: StoreSchema.migrations[1].name)
        await old.close()
        #expect(chmod(folder.file(), 0o444) == 0 && chmod(folder.path, 0o555) == 0)
        let error = #expect(throws: StoreError.self) { try makeSQLiteStore(in: folder) }
        #expect(error?.code == .incompatibleSchema)
        #expect(error?.message.contains("needs an upgrade") == true)
    }
}

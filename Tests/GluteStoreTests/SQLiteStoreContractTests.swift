import GluteStore
import Synchronization
import Testing

@testable import GluteSQLite

/// Runs the back-end-neutral contract suite against SQLite files in fresh temporary folders.
@Suite struct SQLiteStoreContractTests {
    @Test(arguments: StoreContract.checks)
    func contract(_ check: ContractCheck) async throws {
        let folder = try TemporaryFolder()
        let count = Mutex(0)
        try await check.run { ids in
            let number = count.withLock { value in
                value += 1
                return value
            }
            return try makeSQLiteStore(in: folder, name: "store-\(number).sqlite", ids: ids)
        }
    }
}

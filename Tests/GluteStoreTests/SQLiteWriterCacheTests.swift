import GluteCore
import GluteStore
import Testing

@testable import GluteSQLite

/// The writer keeps the person, the plan in force and the dashboard state between its batches;
/// whatever changes them, inside or outside this store, is seen by the next write.
@Suite struct SQLiteWriterCacheTests {
    private func plan(_ tx: any StoreWriter, for person: Person.ID, _ reason: String, at hour: Int) throws
        -> PlanVersion
    {
        try tx.insertPlan(
            for: person, status: .active(samplePlan), reason: reason, assessment: nil, causes: [], at: at(hour))
    }

    @Test func aWriteSeesWhatAnotherStoreOnTheFileCommitted() async throws {
        let folder = try TemporaryFolder()
        let first = try makeSQLiteStore(in: folder, ids: numberedIDs(prefix: "first"))
        let second = try makeSQLiteStore(in: folder, ids: numberedIDs(prefix: "second"))
        let person = try await first.createPerson("Ana")
        _ = try await first.write { tx in try plan(tx, for: person.id, "first", at: 8) }
        #expect(try await first.write { tx in try tx.currentPlan(for: person.id)?.reason } == "first")
        _ = try await second.write { tx in try plan(tx, for: person.id, "second", at: 9) }
        try await second.write { tx in try tx.setTimeZone("Europe/Madrid", for: person.id) }
        let seen = try await first.write { tx in
            (try tx.currentPlan(for: person.id)?.reason, try tx.person(person.id)?.timeZone)
        }
        #expect(seen.0 == "second" && seen.1 == "Europe/Madrid")
    }

    @Test func aBodyThatFailsLeavesNothingKept() async throws {
        let folder = try TemporaryFolder()
        let store = try makeSQLiteStore(in: folder)
        let person = try await store.createPerson("Ana")
        _ = try await store.write { tx in try plan(tx, for: person.id, "first", at: 8) }
        struct Refused: Error {}
        await #expect(throws: (any Error).self) {
            try await store.write { tx in
                _ = try plan(tx, for: person.id, "rolled back", at: 9)
                _ = try tx.currentPlan(for: person.id)
                try tx.saveClientState(ClientState(personID: person.id, updatedAt: at(9)))
                _ = try tx.clientState(for: person.id)
                throw Refused()
            }
        }
        let seen = try await store.write { tx in
            (try tx.currentPlan(for: person.id)?.reason, try tx.clientState(for: person.id))
        }
        #expect(seen.0 == "first" && seen.1 == nil)
    }

    @Test func writesKeepTheRecordsTheyWroteAsAReaderReadsThem() async throws {
        let folder = try TemporaryFolder()
        let store = try makeSQLiteStore(in: folder)
        let person = try await store.createPerson("Ana")
        let state = {
            var state = ClientState(personID: person.id, updatedAt: at(9))
            state.stopReason = "stopped: see a clinician"
            state.activationDaysDone = [.mon, .thu]
            state.lastLogAt = at(9)
            state.highestPain = 7
            state.stalledItems = [ItemKey(kind: .strength, exercise: "glute-bridge", side: nil)]
            state.retestsDue = [.singleLegBridge]
            return state
        }()
        try await store.write { tx in try tx.saveClientState(state) }
        _ = try await store.write { tx in try plan(tx, for: person.id, "first", at: 8) }
        let written = try await store.write { tx in
            try tx.addCause("set-1", to: try #require(try tx.currentPlan(for: person.id)).id, for: person.id)
            return (try tx.clientState(for: person.id), try tx.currentPlan(for: person.id), try tx.person(person.id))
        }
        let read = try await store.read { tx in
            (try tx.clientState(for: person.id), try tx.currentPlan(for: person.id), try tx.person(person.id))
        }
        #expect(written.0 == read.0 && written.0 == state)
        #expect(written.1 == read.1 && written.1?.causes == ["set-1"])
        #expect(written.2 == read.2)
    }
}

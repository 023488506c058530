import Foundation
import GluteCore
import GluteStore
import Synchronization
import Testing

@testable import GluteSQLite

/// The writer commits many callers together, each body on its own; readers run beside it and a
/// cancelled read stops.
///
/// Tests that need writes queued behind a running one hold the writer with a body that waits for
/// a flag (the body runs on the writer's own queue, so waiting there blocks no task), and wait
/// until the store reports the others queued: which body lands in which batch is then certain.
@Suite struct SQLiteConcurrencyTests {
    /// Holds the writer: a write whose body waits until ``release()``.
    private struct HeldWriter {
        let started = Flag()
        let released = Flag()
        let task: Task<LoggedSet, any Error>

        init(_ store: SQLiteStore, person: Person.ID) async throws {
            let started = started
            let released = released
            task = Task {
                try await store.write { tx in
                    started.set()
                    released.wait()
                    return try tx.insertSet(sampleEntry(performedAt: at(8)), for: person)
                }
            }
            try await waitUntil("the held write to start") { started.isSet }
        }

        func release() { released.set() }
    }

    /// Starts `body` as a task and waits until the writer has it queued as number `position`.
    private func queue<Value: Sendable>(
        _ store: SQLiteStore, position: Int, _ body: @escaping @Sendable (any StoreWriter) throws -> Value
    ) async throws -> Task<Value, any Error> {
        let task = Task { try await store.write(body) }
        try await waitUntil("write \(position) to queue") { store.queuedWriteCount == position }
        return task
    }

    @Test func manyConcurrentWritesAllCommitInFewerTransactions() async throws {
        let folder = try TemporaryFolder()
        let recorder = SQLRecorder()
        let store = try makeSQLiteStore(in: folder, synchronous: .full, recorder: recorder)
        let person = try await store.createPerson("Ana")
        recorder.clear()
        let ids = try await withThrowingTaskGroup(of: LoggedSet.ID.self) { group in
            for index in 0..<200 {
                group.addTask {
                    try await store.insertSet(
                        sampleEntry(performedAt: at(6).adding(seconds: Int64(index))), for: person.id
                    )
                    .id
                }
            }
            return try await group.reduce(into: Set<LoggedSet.ID>()) { $0.insert($1) }
        }
        let commits = recorder.count("COMMIT")
        #expect(recorder.count("SAVEPOINT job") == 200)
        #expect(commits >= 1 && commits < 200, "\(commits) commits for 200 writes")
        #expect(ids.count == 200)
        #expect(try await store.allSets(for: person.id).count == 200)
    }

    @Test func aFailingBodyInABatchRollsBackOnlyItsOwnWrites() async throws {
        let folder = try TemporaryFolder()
        let recorder = SQLRecorder()
        let store = try makeSQLiteStore(in: folder, recorder: recorder)
        let person = try await store.createPerson("Ana")
        let copy = ExportDocument(
            people: [person], assessments: [], plans: [], loggedSets: [], wakeUpCalls: [], retests: [])
        recorder.clear()
        let held = try await HeldWriter(store, person: person.id)
        let plain = try await queue(store, position: 1) { tx in
            try tx.insertSet(sampleEntry(performedAt: at(9)), for: person.id)
        }
        let ownError = try await queue(store, position: 2) { tx -> LoggedSet in
            _ = try tx.insertSet(sampleEntry(performedAt: at(10)), for: person.id)
            throw BodyError(label: "own")
        }
        let invalid = try await queue(store, position: 3) { tx in
            _ = try tx.insertSet(sampleEntry(performedAt: at(11)), for: person.id)
            return try tx.insertSet(sampleEntry(performedAt: at(11), pain: 12), for: person.id)
        }
        let constraint = try await queue(store, position: 4) { tx in
            _ = try tx.insertSet(sampleEntry(performedAt: at(12)), for: person.id)
            return try tx.importRecords(copy)
        }
        let last = try await queue(store, position: 5) { tx in
            try tx.insertSet(sampleEntry(performedAt: at(13)), for: person.id)
        }
        held.release()
        let first = try await held.task.value
        let second = try await plain.value
        let own = await #expect(throws: BodyError.self) { try await ownError.value }
        #expect(own == BodyError(label: "own"))
        let invalidError = await #expect(throws: StoreError.self) { try await invalid.value }
        #expect(invalidError?.code == .invalidRecord && invalidError?.field == "pain")
        let constraintError = await #expect(throws: StoreError.self) { try await constraint.value }
        #expect(constraintError?.code == .constraintViolation)
        let sixth = try await last.value
        // Two transactions: the held write alone, then the five queued behind it.
        #expect(recorder.count("BEGIN IMMEDIATE") == 2 && recorder.count("COMMIT") == 2)
        #expect(recorder.count("SAVEPOINT job") == 6 && recorder.count("ROLLBACK TO job") == 3)
        #expect(try await store.allSets(for: person.id) == [first, second, sixth])
    }

    @Test func aWriteCancelledBeforeItsBodyStartsIsSkipped() async throws {
        let folder = try TemporaryFolder()
        let recorder = SQLRecorder()
        let store = try makeSQLiteStore(in: folder, recorder: recorder)
        let person = try await store.createPerson("Ana")
        recorder.clear()
        let held = try await HeldWriter(store, person: person.id)
        let ran = Flag()
        let cancelled = try await queue(store, position: 1) { tx in
            ran.set()
            return try tx.insertSet(sampleEntry(performedAt: at(9)), for: person.id)
        }
        let kept = try await queue(store, position: 2) { tx in
            try tx.insertSet(sampleEntry(performedAt: at(10)), for: person.id)
        }
        cancelled.cancel()
        held.release()
        await #expect(throws: CancellationError.self) { try await cancelled.value }
        let first = try await held.task.value
        let second = try await kept.value
        #expect(!ran.isSet)
        #expect(recorder.count("SAVEPOINT job") == 2 && recorder.count("COMMIT") == 2)
        #expect(try await store.allSets(for: person.id) == [first, second])
    }

    @Test func aWriteWhoseTaskIsAlreadyCancelledWritesNothing() async throws {
        let folder = try TemporaryFolder()
        let store = try makeSQLiteStore(in: folder)
        let person = try await store.createPerson("Ana")
        let ran = Flag()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await store.write { tx in
                ran.set()
                return try tx.insertSet(sampleEntry(), for: person.id)
            }
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(!ran.isSet)
        #expect(try await store.allSets(for: person.id).isEmpty)
    }

    /// Counts to a billion: minutes of work, unless it is interrupted.
    private static let longQuery = SQLQuery(
        unsafeSQL: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) "
            + "SELECT count(*) FROM c")

    @Test func aReadCancelledMidQueryIsInterruptedWhileAWriteCommits() async throws {
        let folder = try TemporaryFolder()
        let recorder = SQLRecorder()
        let store = try makeSQLiteStore(in: folder, recorder: recorder, readers: 1)
        let read = Task { try await store.readRaw(Self.longQuery) }
        try await waitUntil("the long query to start") { recorder.contains(prefix: "WITH RECURSIVE") }
        // The running read does not hold up the writer.
        let person = try await store.createPerson("Ana")
        try await Task.sleep(for: .milliseconds(30))
        read.cancel()
        let error = await #expect(throws: StoreError.self) { try await read.value }
        #expect((error?.underlying as? SQLiteError)?.code == SQLiteError.ResultCode(rawValue: 9))  // SQLITE_INTERRUPT
        // The interrupt, not the query's end, finished it: a billion rows take minutes (no timing
        // is asserted: the machine may be busy).
        // The one reader is free again and sees the write.
        #expect(try await store.read { tx in try tx.person(person.id) } == person)
    }

    @Test func aReadCancelledWhileQueuedBehindAnotherNeverRuns() async throws {
        let folder = try TemporaryFolder()
        let recorder = SQLRecorder()
        let store = try makeSQLiteStore(in: folder, recorder: recorder, readers: 1)
        let long = Task { try await store.readRaw(Self.longQuery) }
        try await waitUntil("the long query to start") { recorder.contains(prefix: "WITH RECURSIVE") }
        let ran = Flag()
        let queued = Task {
            try await store.read { tx in
                ran.set()
                return try tx.earliestPerson()
            }
        }
        try await Task.sleep(for: .milliseconds(20))
        queued.cancel()
        long.cancel()
        await #expect(throws: StoreError.self) { try await long.value }
        await #expect(throws: CancellationError.self) { try await queued.value }
        #expect(!ran.isSet)
    }

    /// A bounded read takes a free reader on the caller's thread; with the only reader busy it
    /// waits its turn on that reader's queue instead of sharing the connection.
    @Test func aBoundedReadNeverSharesABusyReader() async throws {
        let folder = try TemporaryFolder()
        let recorder = SQLRecorder()
        let store = try makeSQLiteStore(in: folder, recorder: recorder, readers: 1)
        let person = try await store.createPerson("Ana")
        #expect(try await store.readBounded { tx in try tx.person(person.id) } == person)
        let long = Task { try await store.readRaw(Self.longQuery) }
        try await waitUntil("the long query to start") { recorder.contains(prefix: "WITH RECURSIVE") }
        let answered = Flag()
        let bounded = Task {
            let found = try await store.readBounded { tx in try tx.person(person.id) }
            answered.set()
            return found
        }
        try await Task.sleep(for: .milliseconds(50))
        #expect(!answered.isSet, "the reader's connection is the long query's until it ends")
        long.cancel()
        await #expect(throws: StoreError.self) { try await long.value }
        #expect(try await bounded.value == person)
        await store.close()
    }

    @Test func readsSeeTheLastCommitWhileAWriteIsUnderWay() async throws {
        let folder = try TemporaryFolder()
        let store = try makeSQLiteStore(in: folder)
        let wrote = Flag()
        let released = Flag()
        let write = Task {
            try await store.write { tx in
                let person = try tx.createPerson(name: "Ana", timeZone: nil, at: at(8))
                wrote.set()
                released.wait()
                return person
            }
        }
        try await waitUntil("the write body to insert") { wrote.isSet }
        #expect(try await store.read { tx in try tx.earliestPerson() } == nil)
        released.set()
        let person = try await write.value
        #expect(try await store.read { tx in try tx.earliestPerson() } == person)
    }
}

internal import Dispatch
internal import GluteStore
internal import Synchronization

/// The one connection that writes, on a serial queue of its own, committing the writes of many
/// callers together.
///
/// Callers queue their transaction bodies; the queue takes every body waiting, runs them inside
/// one `BEGIN IMMEDIATE` ... `COMMIT`, each in a savepoint of its own, and answers each caller
/// once the commit (and its sync to disk) is done. Under load many requests share one sync,
/// which is what makes durable writes fast; alone, a write is one transaction as before.
///
/// A body that throws rolls back to its savepoint: the others in the batch are not touched, and
/// its caller gets the body's own error (SQLite's errors become ``StoreError``). A
/// caller cancelled before its body starts is skipped. A body that has started is never
/// interrupted (`sqlite3_interrupt` would roll back everyone's work in the batch); bodies are
/// short by design (read, compute, write).
final class SQLiteWriter: @unchecked Sendable {
    // `connection` is used only on `queue`; the pending jobs are guarded by `state`. That is what
    // makes sharing this class between tasks safe.
    private let connection: SQLiteConnection
    private let queue = DispatchQueue(label: "glutecoach.sqlite.writer")
    private let state = Mutex(State())
    private let makeTransaction: @Sendable (SQLiteConnection) -> SQLiteTransaction

    private struct State {
        var jobs: [Job] = []
        var draining = false
        var cancelled: Set<UInt64> = []
        var nextID: UInt64 = 0
        var closed = false
    }

    private struct Job: Sendable {
        let id: UInt64
        let run: @Sendable (SQLiteTransaction) throws -> Void
        let finish: @Sendable ((any Error)?) -> Void
    }

    private let cache: SQLiteWriterCache

    init(
        connection: SQLiteConnection, cache: SQLiteWriterCache,
        makeTransaction: @escaping @Sendable (SQLiteConnection) -> SQLiteTransaction
    ) {
        self.connection = connection
        self.cache = cache
        self.makeTransaction = makeTransaction
    }

    /// Runs `body` in the next batch and returns its value once the batch is committed.
    func write<Value: Sendable>(_ body: @escaping @Sendable (SQLiteTransaction) throws -> Value) async throws -> Value {
        let box = ResultBox<Value>()
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
                let job = Job(
                    id: id, run: { transaction in box.value = try body(transaction) },
                    finish: { error in
                        if let error {
                            continuation.resume(throwing: error)
                        } else if let value = box.value {
                            continuation.resume(returning: value)
                        } else {
                            continuation.resume(
                                throwing: StoreError(code: .backendFailure, message: "a write returned nothing"))
                        }
                    })
                enqueue(job)
            }
        } onCancel: {
            _ = state.withLock { $0.cancelled.insert(id) }
        }
    }

    /// How many bodies wait for the next batch (for tests).
    var queuedCount: Int { state.withLock { $0.jobs.count } }

    /// Waits for every queued write, then refuses new ones.
    func close() async {
        state.withLock { $0.closed = true }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async { continuation.resume() }
        }
    }

    private func enqueue(_ job: Job) {
        let accepted = state.withLock { state -> Bool in
            guard !state.closed else { return false }
            state.jobs.append(job)
            if !state.draining {
                state.draining = true
                // Queued under the lock, so that a `close()` that comes after this write is
                // accepted also queues its wait after this drain, and waits for the write.
                queue.async { self.drain() }
            }
            return true
        }
        if !accepted { job.finish(SQLiteStore.closedError()) }
    }

    private func drain() {
        while true {
            let batch = state.withLock { state -> [Job] in
                let jobs = state.jobs
                state.jobs = []
                if jobs.isEmpty { state.draining = false }
                return jobs
            }
            if batch.isEmpty { return }
            run(batch)
            state.withLock { state in
                for job in batch { state.cancelled.remove(job.id) }
            }
        }
    }

    private func run(_ batch: [Job]) {
        do {
            try connection.execute("BEGIN IMMEDIATE")
            // Another connection's commit since the last batch makes the kept records unsure.
            cache.validate(dataVersion: try connection.rows("PRAGMA data_version").first?.optionalInt64(0))
        } catch {
            cache.clear()
            if connection.isInTransaction { try? connection.execute("ROLLBACK") }
            for job in batch { job.finish(SQLiteStore.storeError(error)) }
            return
        }
        let transaction = makeTransaction(connection)
        var outcomes: [(Job, (any Error)?)] = []
        for job in batch {
            if state.withLock({ $0.cancelled.contains(job.id) }) {
                outcomes.append((job, CancellationError()))
                continue
            }
            let mark = transaction.pendingStates.count
            transaction.startJob()
            cache.startJob()
            do {
                try connection.execute("SAVEPOINT job")
                do {
                    try job.run(transaction)
                    try connection.execute("RELEASE job")
                    outcomes.append((job, nil))
                } catch {
                    transaction.pendingStates.removeSubrange(mark...)
                    cache.forgetJob()
                    try connection.execute("ROLLBACK TO job")
                    try connection.execute("RELEASE job")
                    outcomes.append((job, SQLiteStore.transactionError(error)))
                }
            } catch {
                // The savepoint itself failed, or SQLite rolled the whole transaction back (a full
                // disk, say): nothing of this batch is written, so nobody may be told otherwise.
                abort(batch, error)
                return
            }
            if !connection.isInTransaction {
                abort(batch, StoreError(code: .backendFailure, message: "the transaction was rolled back"))
                return
            }
        }
        do {
            try connection.execute("COMMIT")
        } catch {
            abort(batch, error)
            return
        }
        transaction.plans.keep(transaction.pendingStates)
        for (job, error) in outcomes { job.finish(error) }
    }

    private func abort(_ batch: [Job], _ error: any Error) {
        cache.clear()
        if connection.isInTransaction { try? connection.execute("ROLLBACK") }
        let failure = SQLiteStore.storeError(error)
        for job in batch { job.finish(failure) }
    }
}

/// Carries a body's value from the writer's queue to the caller.
final class ResultBox<Value: Sendable>: @unchecked Sendable {
    // Written once on the store's queue before the continuation resumes, read once after it:
    // the continuation orders the two.
    var value: Value?
}

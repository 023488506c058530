internal import Dispatch
internal import GluteStore
internal import Synchronization

/// The connections that only read, each on a serial queue of its own, opened read-only.
///
/// WAL lets readers run beside the writer, each on its own snapshot. A read whose task is
/// cancelled while its statement runs is interrupted with `sqlite3_interrupt`: the reader runs one
/// caller's body at a time, so the interrupt can only stop that caller's own statement.
///
/// A bounded read (``readBounded(_:)``) runs on the caller's thread when a reader's connection is
/// free: waking a queue's thread and the caller's again cost more than the read itself. Each
/// reader's `inUse` lock is held by whichever body uses its connection, on its queue or inline.
final class SQLiteReaderPool: @unchecked Sendable {
    // Each reader's connection is used only under its `inUse` lock, which `close()` takes last;
    // `next` and `closed` are atomic.
    private let readers: [Reader]
    private let next = Atomic<Int>(0)
    private let closed = Atomic<Bool>(false)
    private let makeTransaction: @Sendable (SQLiteConnection) -> SQLiteTransaction

    private final class Reader: @unchecked Sendable {
        // The connection is touched only on `queue`; `running` names the job whose body the queue
        // runs now, guarded by its mutex.
        let connection: SQLiteConnection
        let queue: DispatchQueue
        let interrupter: SQLiteInterrupter
        let inUse = Mutex(())

        init(connection: SQLiteConnection, index: Int) {
            self.connection = connection
            self.queue = DispatchQueue(label: "glutecoach.sqlite.reader.\(index)")
            self.interrupter = connection.interrupter
        }
    }

    /// Where one read stands, so that a cancellation interrupts it only while it runs.
    private final class ReadPhase: Sendable {
        enum Phase { case waiting, running, cancelled, finished }
        let phase = Mutex(Phase.waiting)
    }

    init(connections: [SQLiteConnection], makeTransaction: @escaping @Sendable (SQLiteConnection) -> SQLiteTransaction)
    {
        self.readers = connections.enumerated().map { Reader(connection: $1, index: $0) }
        self.makeTransaction = makeTransaction
    }

    /// Runs `body` in a read transaction on the next reader.
    ///
    /// - Throws: ``StoreError/Code/cannotOpen`` after ``close()``.
    func read<Value: Sendable>(_ body: @escaping @Sendable (SQLiteTransaction) throws -> Value) async throws -> Value {
        guard !closed.load(ordering: .acquiring) else { throw SQLiteStore.closedError() }
        let reader = readers[next.add(1, ordering: .relaxed).oldValue % readers.count]
        let read = ReadPhase()
        let makeTransaction = self.makeTransaction
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
                reader.queue.async {
                    // The lock first: a cancellation may interrupt only this read's own statement.
                    let result = reader.inUse.withLock { _ -> Result<Value, any Error>? in
                        let start = read.phase.withLock { phase -> Bool in
                            guard phase == .waiting else { return false }
                            phase = .running
                            return true
                        }
                        guard start else { return nil }
                        guard !self.closed.load(ordering: .acquiring) else {
                            return .failure(SQLiteStore.closedError())
                        }
                        let result = Self.run(body, on: reader.connection, makeTransaction)
                        read.phase.withLock { $0 = .finished }
                        return result
                    }
                    continuation.resume(with: result ?? .failure(CancellationError()))
                }
            }
        } onCancel: {
            read.phase.withLock { phase in
                switch phase {
                case .waiting: phase = .cancelled
                // Under the lock the body cannot finish, so the interrupt reaches only its statement.
                case .running: reader.interrupter.interrupt()
                case .cancelled, .finished: break
                }
            }
        }
    }

    /// Runs `body` on the caller's thread in a read transaction of the first free reader.
    ///
    /// When every reader is busy it reads like ``read(_:)``. The body is not interrupted when the
    /// task is cancelled (it is bounded); a task cancelled before it starts gets
    /// `CancellationError`.
    func readBounded<Value: Sendable>(_ body: @escaping @Sendable (SQLiteTransaction) throws -> Value) async throws
        -> Value
    {
        guard !closed.load(ordering: .acquiring) else { throw SQLiteStore.closedError() }
        try Task.checkCancellation()
        let first = next.add(1, ordering: .relaxed).oldValue
        for offset in 0..<readers.count {
            let reader = readers[(first + offset) % readers.count]
            let result = reader.inUse.withLockIfAvailable { _ -> Result<Value, any Error> in
                // Under the lock: a close() that began meanwhile may have let the connection go.
                guard !closed.load(ordering: .acquiring) else { return .failure(SQLiteStore.closedError()) }
                return Self.run(body, on: reader.connection, makeTransaction)
            }
            if let result { return try result.get() }
        }
        return try await read(body)
    }

    private static func run<Value>(
        _ body: (SQLiteTransaction) throws -> Value, on connection: SQLiteConnection,
        _ makeTransaction: (SQLiteConnection) -> SQLiteTransaction
    ) -> Result<Value, any Error> {
        Result {
            do {
                return try connection.readTransaction { try body(makeTransaction(connection)) }
            } catch {
                throw SQLiteStore.transactionError(error)
            }
        }
    }

    /// Refuses new reads, then waits until every reader has finished what it was given, on its
    /// queue or on a caller's thread.
    func close() async {
        closed.store(true, ordering: .releasing)
        for reader in readers {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                reader.queue.async {
                    reader.inUse.withLock { _ in }
                    continuation.resume()
                }
            }
        }
    }
}

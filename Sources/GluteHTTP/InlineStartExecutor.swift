import Glibc

/// A task executor that runs a request task's first job on the libmicrohttpd thread that created
/// it, and every later job on Swift's global concurrent executor.
///
/// Most handlers answer without ever suspending (a small JSON read), and for those the hop to the
/// cooperative pool and back costs two thread wake-ups, more than the handler itself. Starting the
/// task inline lets such a handler finish inside the access-handler call, so the response is
/// queued at once and the connection is never suspended. A handler that does suspend (it awaits a
/// database queue, a sleep, an actor) gives the thread back at its first suspension point and
/// continues on the pool; its connection is then suspended and resumed as usual. A handler must
/// therefore not block or compute for long before its first `await`, just as it must not on the
/// cooperative pool.
///
/// The first job is caught in a per-thread slot armed only for the duration of `Task.init`, so it
/// is never run nested inside another job.
final class InlineStartExecutor: TaskExecutor {
    static let shared = InlineStartExecutor()

    private struct Slot {
        var armed = false
        var job: UnownedJob?
    }

    private let key: pthread_key_t

    private init() {
        var key = pthread_key_t()
        pthread_key_create(&key) { slot in free(slot) }
        self.key = key
    }

    /// Catches the first job of a task being created on this thread; forwards every other job.
    func enqueue(_ job: consuming ExecutorJob) {
        if let raw = pthread_getspecific(key) {
            let slot = raw.assumingMemoryBound(to: Slot.self)
            if slot.pointee.armed {
                slot.pointee.armed = false
                slot.pointee.job = UnownedJob(job)
                return
            }
        }
        globalConcurrentExecutor.enqueue(job)
    }

    /// Creates a task and runs it on this thread until it first suspends or returns.
    func start(_ operation: sending @escaping @isolated(any) () async -> Void) -> Task<Void, Never> {
        let slot = threadSlot()
        slot.pointee.armed = true
        let task = Task(executorPreference: self, operation: operation)
        slot.pointee.armed = false
        if let job = slot.pointee.job {
            slot.pointee.job = nil
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
        return task
    }

    private func threadSlot() -> UnsafeMutablePointer<Slot> {
        if let raw = pthread_getspecific(key) { return raw.assumingMemoryBound(to: Slot.self) }
        // malloc, not allocate: the key's destructor frees it with free() when the thread ends.
        guard let raw = malloc(MemoryLayout<Slot>.stride) else { fatalError("out of memory") }
        let slot = raw.bindMemory(to: Slot.self, capacity: 1)
        slot.initialize(to: Slot())
        pthread_setspecific(key, raw)
        return slot
    }
}

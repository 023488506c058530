internal import Foundation

/// A few threads of their own that run blocking jobs one at a time each, so that at most
/// ``limit`` run at once and none runs on Swift's cooperative pool.
///
/// An argon2id hash blocks its thread for tens of milliseconds and holds 64 MiB while it runs.
/// On the cooperative pool (one thread per core, two here) two sign-ins would stall every other
/// task of the process; on unbounded threads a burst of sign-ins would take a gigabyte. Jobs
/// wait in a first-in, first-out queue; the threads start with the first job and end when the
/// owner goes away.
final class HashingThreads: @unchecked Sendable {
    // Safe to share: every mutable field below is read and written only while `condition` is
    // locked, and jobs are `@Sendable`.
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var next = 0
    private var started = false
    private var stopping = false
    /// How many jobs may run at once (the number of threads).
    let limit: Int
    private let name: String

    /// Creates the pool; no thread starts before the first job.
    ///
    /// - Parameter name: the threads' name prefix; Linux keeps 15 bytes of a thread's name, so
    ///   keep it to 12 or fewer (the threads are `name-1`, `name-2`, ...).
    init(limit: Int, name: String) {
        precondition(limit >= 1, "a hashing pool needs at least one thread")
        self.limit = limit
        self.name = name
    }

    /// Runs `work` on one of the threads and returns its value.
    func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { (continuation: CheckedContinuation<Value, Never>) in
            submit { continuation.resume(returning: work()) }
        }
    }

    /// Lets the threads finish the queued jobs and end.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        let start = !started
        started = true
        condition.signal()
        condition.unlock()
        guard start else { return }
        for number in 1...limit {
            let name = "\(name)-\(number)"
            // Named from inside: on Linux a name given before `start()` does not reach the thread.
            Thread.detachNewThread { [self] in
                Thread.current.name = name
                work()
            }
        }
    }

    /// One thread's loop: take the oldest job, run it, repeat; end when stopping and idle.
    private func work() {
        while true {
            condition.lock()
            while next == jobs.count && !stopping { condition.wait() }
            guard next < jobs.count else {
                condition.unlock()
                return
            }
            let job = jobs[next]
            next += 1
            // Drop finished jobs now and then, so the array does not grow for ever.
            if next > 64, next * 2 > jobs.count {
                jobs.removeFirst(next)
                next = 0
            }
            condition.unlock()
            job()
        }
    }
}

/// The suspended requests and the counts shutdown waits for, behind one lock.
///
/// Whoever removes a suspended request first, its task with the response or the deadline timer
/// or shutdown with a 503, is the one that resumes the connection; the others see it gone and do
/// nothing. That rule is the whole protocol: a connection is resumed exactly once, and never after
/// the daemon stopped.
final class InFlightRequests: Sendable {
    private struct Table {
        var suspended: [ObjectIdentifier: RequestState] = [:]
        /// Requests between their first access-handler call and their completion callback.
        var open = 0
        /// Handler tasks that have not returned yet (including those whose answer was dropped).
        var runningHandlers = 0
        /// Shutdown began: new requests are refused.
        var draining = false
        /// Shutdown answered every suspended request: new suspensions are answered at once.
        var forced = false
    }

    private let table = Locked(Table())

    /// What the connection thread must do after registering a suspension.
    enum SuspendResult {
        /// Nothing: the task or the timer will resume the connection.
        case wait
        /// Resume now: the task already finished.
        case resumeNow
        /// Resume now with the 503 already stored: the server is shutting down.
        case refused
    }

    /// Counts a new request; `false` when the server is draining and must refuse it.
    func begin() -> Bool {
        table.withLock { table in
            table.open += 1
            return !table.draining
        }
    }

    /// Counts a request's completion.
    func end() {
        table.withLock { $0.open -= 1 }
    }

    /// Counts a handler task that has just run up to its first suspension on the connection's
    /// thread; returns its outcome when it already finished, so it can be queued without suspending.
    func started(_ state: RequestState, task: Task<Void, Never>) -> HTTPPipeline.Outcome? {
        table.withLock { table in
            table.runningHandlers += 1
            state.task = task
            guard state.phase == .finishedEarly else { return nil }
            state.phase = .answered
            return state.outcome
        }
    }

    /// Registers a suspended request.
    func suspend(_ state: RequestState, deadline: UInt64) -> SuspendResult {
        table.withLock { table in
            state.deadlineNanoseconds = deadline
            switch state.phase {
            case .finishedEarly:
                state.phase = .responded
                return .resumeNow
            case .running where table.forced:
                state.outcome = Self.refusal(state, "the server is shutting down", detail: nil)
                state.phase = .responded
                return .refused
            default:
                table.suspended[ObjectIdentifier(state)] = state
                return .wait
            }
        }
    }

    /// Delivers a task's outcome and counts the task's end; `true` when the caller must resume the
    /// connection. (The count may dip below zero for a moment when a task ends before its
    /// suspension is registered.)
    func finish(_ state: RequestState, with outcome: HTTPPipeline.Outcome) -> Bool {
        table.withLock { table in
            table.runningHandlers -= 1
            guard state.phase == .running else { return false }
            state.outcome = outcome
            if table.suspended.removeValue(forKey: ObjectIdentifier(state)) != nil {
                state.phase = .responded
                return true
            }
            state.phase = .finishedEarly
            return false
        }
    }

    /// Takes out every suspended request whose deadline has passed, each answered with a 503.
    func expire(now: UInt64) -> [RequestState] {
        table.withLock { table in
            let expired = table.suspended.values.filter { $0.deadlineNanoseconds <= now }
            for state in expired {
                table.suspended.removeValue(forKey: ObjectIdentifier(state))
                state.outcome = Self.refusal(
                    state, "the request took too long", detail: "the handler passed the request timeout")
                state.phase = .responded
            }
            return expired
        }
    }

    /// Refuses new requests from now on.
    func startDraining() {
        table.withLock { $0.draining = true }
    }

    /// Takes out every suspended request, each answered with a 503, and answers later ones at once.
    func forceAll() -> [RequestState] {
        table.withLock { table in
            table.forced = true
            let all = Array(table.suspended.values)
            table.suspended.removeAll()
            for state in all {
                state.outcome = Self.refusal(
                    state, "the server is shutting down", detail: "the handler outlived the shutdown grace period")
                state.phase = .responded
            }
            return all
        }
    }

    /// Forgets a request whose connection went away while it was suspended (defensive: libmicrohttpd
    /// does not report that, but a resumed connection's task must never touch a freed connection).
    func abandon(_ state: RequestState) {
        table.withLock { table in
            table.suspended.removeValue(forKey: ObjectIdentifier(state))
            state.phase = .answered
        }
    }

    var openCount: Int { table.withLock { $0.open } }
    var runningHandlerCount: Int { table.withLock { $0.runningHandlers } }

    private static func refusal(_ state: RequestState, _ message: String, detail: String?) -> HTTPPipeline.Outcome {
        var outcome = HTTPPipeline.errorResponse(
            HTTPError(.serviceUnavailable, message: message), requestID: state.requestID)
        outcome.errorDetail = detail
        return outcome
    }
}

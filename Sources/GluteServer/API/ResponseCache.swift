internal import GluteCore
public import GluteHTTP
internal import Synchronization

/// Keeps the latest answer of a read per person for the current minute, so that the hottest
/// read (getToday, polled by every open app) is answered without a database read, a thread hop or
/// even a task (``ReadyAnswers``), and the caller of each session cookie or API token for a few
/// seconds, for the same reason.
///
/// An entry is good while the clock stays in the minute it was made in (the view's times are
/// minutes) and no write has gone through this server since: every write request clears the
/// answers when it ends (``CacheInvalidation``), and an answer computed while a write ran is not
/// kept (the generation it started from has moved on). A write made by another process on the
/// same database (the command line) shows within a minute.
///
/// Callers have a generation of their own: the writes that only log training (a set, a wake-up
/// call, a retest, a deletion, a coach's note) change no account, session or token, so they
/// leave the callers kept; every other write clears them too.
public final class ResponseCache: Sendable {
    struct Entry {
        let minute: Int64
        let response: HTTPResponse
    }

    struct State {
        var generation: UInt64 = 0
        var callerGeneration: UInt64 = 0
        var entries: [String: Entry] = [:]
        var callers: [Credential: (caller: Caller, until: Int64)] = [:]
    }

    /// A credential a caller came with.
    enum Credential: Hashable {
        /// An API token's text.
        case token(String)
        /// A session cookie's value.
        case cookie(String)
    }

    private let state = Mutex(State())
    private let limit: Int

    /// Creates an empty cache holding at most `limit` people's answers.
    public init(limit: Int = 10_000) { self.limit = limit }

    /// The generation a computation starts from; pass it to ``keep(_:for:minute:generation:)``.
    public var generation: UInt64 { state.withLock { $0.generation } }

    /// The generation a caller's lookup starts from; pass it to ``keep(_:for:at:generation:)``.
    var callerGeneration: UInt64 { state.withLock { $0.callerGeneration } }

    /// The answer kept for `key` in `minute`, if any.
    public func answer(for key: String, minute: Int64) -> HTTPResponse? {
        state.withLock { state in
            guard let entry = state.entries[key], entry.minute == minute else { return nil }
            return entry.response
        }
    }

    /// Keeps an answer computed from `generation`, unless a write has ended since.
    public func keep(_ response: HTTPResponse, for key: String, minute: Int64, generation: UInt64) {
        // Sent from shared memory from now on, without a copy per request.
        var kept = response
        kept.body = response.body.resendable
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= limit { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = Entry(minute: minute, response: kept)
        }
    }

    /// Forgets every answer and, unless `keepingCallers`, every caller (a write ended: a
    /// sign-out, a revoked token, a deleted account or a changed password among them).
    public func invalidate(keepingCallers: Bool = false) {
        state.withLock { state in
            state.generation &+= 1
            state.entries.removeAll(keepingCapacity: true)
            guard !keepingCallers else { return }
            state.callerGeneration &+= 1
            state.callers.removeAll(keepingCapacity: true)
        }
    }

    /// How long a credential's caller is kept, in milliseconds: a session or token ended by
    /// another process (or an idle session's end) is seen at most this late.
    static let callerLifetime: Int64 = 5_000

    /// The caller of a credential looked up less than ``callerLifetime`` ago, if any.
    func caller(for credential: Credential, at now: Timestamp) -> Caller? {
        state.withLock { state in
            guard let kept = state.callers[credential], now.millisecondsSince1970 < kept.until else { return nil }
            return kept.caller
        }
    }

    /// Keeps the caller of a credential found at `now`, unless a write that may change callers has
    /// ended since `generation` (a ``callerGeneration``).
    func keep(_ caller: Caller, for credential: Credential, at now: Timestamp, generation: UInt64) {
        state.withLock { state in
            guard state.callerGeneration == generation else { return }
            if state.callers.count >= limit { state.callers.removeAll(keepingCapacity: true) }
            state.callers[credential] = (caller, now.millisecondsSince1970 + Self.callerLifetime)
        }
    }

    /// The minute of `time`, the unit of an entry's life.
    static func minute(of time: Timestamp) -> Int64 { time.millisecondsSince1970 / 60_000 }
}

/// Clears the ``ResponseCache`` when any request that may write (any method but GET and HEAD)
/// ends, whatever its outcome; the callers stay when the operation only logs training.
struct CacheInvalidation: HTTPMiddleware {
    let cache: ResponseCache

    /// The writes that change no account, session or token.
    static let keepingCallers: Set<String> = [
        "logSet", "logWakeUpCall", "submitRetest", "deleteEntry", "addClientNote",
    ]

    func handle(
        _ request: HTTPRequest, context: APIContext, next: (HTTPRequest, APIContext) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        guard request.method != .get, request.method != .head, context.route != nil else {
            return try await next(request, context)
        }
        let keepingCallers = context.route.map { Self.keepingCallers.contains($0.metadata.id) } ?? false
        defer { cache.invalidate(keepingCallers: keepingCallers) }
        return try await next(request, context)
    }
}

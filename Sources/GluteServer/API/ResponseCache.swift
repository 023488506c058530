internal import GluteCore
public import GluteHTTP
internal import Synchronization

/// Keeps the latest answer of a read per person for the current minute, so that the hottest
/// read (getToday, polled by every open app) is answered without a database read or a thread hop.
///
/// An entry is good while the clock stays in the minute it was made in (the view's times are
/// minutes) and no write has gone through this server since: every write request clears the
/// cache when it ends (``CacheInvalidation``), and an answer computed while a write ran is not
/// kept (the generation it started from has moved on). A write made by another process on the
/// same database (the command line) shows within a minute.
public final class ResponseCache: Sendable {
    struct Entry {
        let minute: Int64
        let response: HTTPResponse
    }

    struct State {
        var generation: UInt64 = 0
        var entries: [String: Entry] = [:]
    }

    private let state = Mutex(State())
    private let limit: Int

    /// Creates an empty cache holding at most `limit` people's answers.
    public init(limit: Int = 10_000) { self.limit = limit }

    /// The generation a computation starts from; pass it to ``keep(_:for:minute:generation:)``.
    public var generation: UInt64 { state.withLock { $0.generation } }

    /// The answer kept for `key` in `minute`, if any.
    public func answer(for key: String, minute: Int64) -> HTTPResponse? {
        state.withLock { state in
            guard let entry = state.entries[key], entry.minute == minute else { return nil }
            return entry.response
        }
    }

    /// Keeps an answer computed from `generation`, unless a write has ended since.
    public func keep(_ response: HTTPResponse, for key: String, minute: Int64, generation: UInt64) {
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= limit { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = Entry(minute: minute, response: response)
        }
    }

    /// Forgets every answer (a write ended).
    public func invalidate() {
        state.withLock { state in
            state.generation &+= 1
            state.entries.removeAll(keepingCapacity: true)
        }
    }

    /// The minute of `time`, the unit of an entry's life.
    static func minute(of time: Timestamp) -> Int64 { time.millisecondsSince1970 / 60_000 }
}

/// Clears the ``ResponseCache`` when any request that may write (any method but GET and HEAD)
/// ends, whatever its outcome.
struct CacheInvalidation: HTTPMiddleware {
    let cache: ResponseCache

    func handle(
        _ request: HTTPRequest, context: APIContext, next: (HTTPRequest, APIContext) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        guard request.method != .get, request.method != .head, context.route != nil else {
            return try await next(request, context)
        }
        defer { cache.invalidate() }
        return try await next(request, context)
    }
}

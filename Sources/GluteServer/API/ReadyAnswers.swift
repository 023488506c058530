internal import GluteApp
internal import GluteCore
internal import GluteHTTP
internal import GluteStore

/// The reads the API answers before its middleware, with no task, when their answer is kept
/// (``GluteHTTP/HTTPResponder/readyResponse(to:)``): today's view, which every open app polls.
///
/// A ready answer is exactly what the route would give through the middleware. The caller is one
/// of the callers ``AccessMiddleware`` keeps, and must pass the same decision
/// (``AccessMiddleware/keptCaller(admittedTo:_:)``); the answer is the same kept entry the
/// handler would return. Whenever that is not certain (a caller or an answer not kept, another
/// operation) the request goes through the middleware as usual.
struct ReadyAnswers: Sendable {
    let access: AccessMiddleware
    let services: APIServices

    /// The kept answer for `request` on `route`, or `nil`.
    func answer(_ request: HTTPRequest, route: RouteDescription<Operation>) -> HTTPResponse? {
        guard route.metadata.id == "getToday",
            let caller = access.keptCaller(admittedTo: route.metadata.access, request)
        else { return nil }
        return services.keptToday(for: caller.account.person)
    }
}

extension APIServices {
    /// getToday's answer for `person` kept this minute, if no write has ended since.
    func keptToday(for person: Person.ID) -> HTTPResponse? {
        cache.answer(for: person.rawValue, minute: ResponseCache.minute(of: clock.now()))
    }
}

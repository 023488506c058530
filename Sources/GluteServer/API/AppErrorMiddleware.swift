public import GluteApp
public import GluteHTTP
internal import GluteStore

/// The one place application errors become HTTP statuses.
///
/// | AppError code | status |
/// | --- | --- |
/// | invalidInput | 400 Bad Request |
/// | notFound | 404 Not Found |
/// | precondition | 409 Conflict (do something first: an assessment, a plan) |
/// | conflict | 409 Conflict |
/// | unauthorized | 401 Unauthorized (a wrong email or password) |
/// | forbidden | 403 Forbidden |
/// | rateLimited | 429 Too Many Requests, with `Retry-After` |
/// | readOnly | 503 Service Unavailable (the database cannot be written) |
/// | failure | 503 Service Unavailable |
///
/// A cancelled handler (the request timed out, the server is shutting down) is a 503 too. The
/// body is the usual `{"error":{"message":…,"field":…}}`.
public struct AppErrorMiddleware: HTTPMiddleware {
    /// Creates the middleware.
    public init() {}

    /// Runs the rest of the chain and maps what it throws.
    public func handle(
        _ request: HTTPRequest, context: APIContext, next: (HTTPRequest, APIContext) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        do {
            return try await next(request, context)
        } catch let error as AppError {
            throw Self.httpError(error)
        } catch let error as StoreError {
            throw Self.httpError(AppError(store: error))
        } catch is CancellationError {
            throw HTTPError(.serviceUnavailable, message: "the request was cancelled", headers: ["Retry-After": "1"])
        }
    }

    /// The HTTP form of an application error.
    public static func httpError(_ error: AppError) -> HTTPError {
        switch error.code {
        case .invalidInput: HTTPError(.badRequest, message: error.message, field: error.field)
        case .notFound: HTTPError(.notFound, message: error.message, field: error.field)
        case .precondition, .conflict: HTTPError(.conflict, message: error.message, field: error.field)
        case .unauthorized: HTTPError(.unauthorized, message: error.message, field: error.field)
        case .forbidden: HTTPError(.forbidden, message: error.message, field: error.field)
        case .rateLimited:
            HTTPError(
                .tooManyRequests, message: error.message,
                headers: ["Retry-After": String(error.retryAfterSeconds ?? 60)])
        case .readOnly: HTTPError(.serviceUnavailable, message: error.message)
        default: HTTPError(.serviceUnavailable, message: error.message, headers: ["Retry-After": "1"])
        }
    }
}

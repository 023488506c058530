/// An error that knows the HTTP response it stands for.
///
/// Throw one from a handler or middleware and the server answers with its status, its headers and
/// the JSON body `{"error":{"message":…,"field":…}}` (`field` only when known). Any other error
/// becomes a 500 with the generic message "internal error"; its description goes to the log only.
///
/// ```swift
/// struct PlanLocked: HTTPResponseError {
///     var status: HTTPStatus { .conflict }
///     var message: String { "the plan is locked until the retest" }
/// }
/// ```
public protocol HTTPResponseError: Error {
    /// The status to answer with.
    var status: HTTPStatus { get }
    /// A message for the client; it is sent as it is, so it must not hold secrets.
    var message: String { get }
    /// The request field the error is about (`sets[2].reps`), or `nil`.
    var field: String? { get }
    /// Extra response header fields (`Allow`, `Retry-After`, `WWW-Authenticate`).
    var headers: HTTPHeaders { get }
}

extension HTTPResponseError {
    /// No field.
    public var field: String? { nil }
    /// No extra header fields.
    public var headers: HTTPHeaders { [:] }
}

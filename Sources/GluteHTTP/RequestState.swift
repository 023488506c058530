/// The server's state for one request, from its first access-handler call to its completion.
///
/// libmicrohttpd keeps a pointer to it (retained through `Unmanaged`) in the request's
/// `con_cls` slot and hands it back on every call; the completion callback releases it.
///
/// Threads: the request fields and the body are touched only by the libmicrohttpd thread that
/// owns the connection (libmicrohttpd never calls two callbacks of one connection at once).
/// `phase`, `outcome` and `task` change hands between that thread, the handler's task and the
/// deadline timer only inside ``InFlightRequests``' lock; the connection thread reads `outcome`
/// after `MHD_resume_connection`, which orders it after the write (libmicrohttpd takes its own
/// mutex on both sides of a resume).
final class RequestState: @unchecked Sendable {
    // Safe to share: see the type's comment for which thread touches what.

    enum Phase {
        /// Reading the body.
        case receiving
        /// Suspended while a task computes the response; the task has not finished.
        case running
        /// The task finished before the connection thread registered the suspension.
        case finishedEarly
        /// `outcome` holds the response; the connection is resumed or about to be.
        case responded
        /// A response was queued with libmicrohttpd.
        case answered
    }

    /// The connection, an `OpaquePointer` to `struct MHD_Connection`.
    let connection: OpaquePointer
    let method: HTTPMethod
    let path: String
    let headers: HTTPHeaders
    let query: QueryParameters
    let remoteAddress: String
    let requestID: String
    let startedNanoseconds: UInt64

    var phase = Phase.receiving
    var body: [UInt8] = []
    var bodyLimit = Int.max
    var bytesIn = 0
    var outcome: HTTPPipeline.Outcome?
    var status = 0
    var bytesOut = 0
    var errorDetail: String?
    var task: Task<Void, Never>?
    var deadlineNanoseconds: UInt64 = 0

    init(
        connection: OpaquePointer,
        method: HTTPMethod,
        path: String,
        headers: HTTPHeaders,
        query: QueryParameters,
        remoteAddress: String,
        requestID: String,
        startedNanoseconds: UInt64
    ) {
        self.connection = connection
        self.method = method
        self.path = path
        self.headers = headers
        self.query = query
        self.remoteAddress = remoteAddress
        self.requestID = requestID
        self.startedNanoseconds = startedNanoseconds
    }

    /// Builds the request for the handler, handing over the body without copying it.
    func takeRequest() -> HTTPRequest {
        var taken: [UInt8] = []
        swap(&taken, &body)
        return HTTPRequest(
            method: method,
            path: path,
            query: query,
            headers: headers,
            body: taken,
            remoteAddress: remoteAddress
        )
    }
}

internal import CMicroHTTPD
import Glibc

/// libmicrohttpd's access handler.
///
/// Runs on the connection's event-loop thread, several times per request: once when the head has arrived (`*slot` is
/// still `NULL`), once per piece of body, and once more when the request is complete, again after each resume until a
/// response is queued.
let accessHandler: MHD_AccessHandlerCallback = { context, connection, url, method, _, upload, uploadSize, slot in
    guard let context, let connection, let url, let method, let uploadSize, let slot else { return .NO }
    let daemon = Unmanaged<MicroHTTPDaemon>.fromOpaque(context).takeUnretainedValue()
    if let existing = slot.pointee {
        let state = Unmanaged<RequestState>.fromOpaque(existing).takeUnretainedValue()
        return daemon.continueRequest(state, upload: upload, size: uploadSize)
    }
    return daemon.beginRequest(connection, url: url, method: method, slot: slot)
}

/// `MHD_OPTION_NOTIFY_COMPLETED`: the request is over (sent, failed or closed).
///
/// Runs on the connection's event-loop thread, or on the thread stopping the daemon. Logs the request's line and
/// releases its state.
let requestCompleted: MHD_RequestCompletedCallback = { context, _, slot, termination in
    guard let context, let slot, let existing = slot.pointee else { return }
    slot.pointee = nil
    let daemon = Unmanaged<MicroHTTPDaemon>.fromOpaque(context).takeUnretainedValue()
    let state = Unmanaged<RequestState>.fromOpaque(existing).takeRetainedValue()
    daemon.complete(state, termination: termination)
}

extension MicroHTTPDaemon {
    /// The first call: the head is complete.
    ///
    /// Records the request and checks the body limit, but queues nothing unless refusing (a response queued now would
    /// cost the keep-alive).
    fileprivate func beginRequest(
        _ connection: OpaquePointer,
        url: UnsafePointer<CChar>,
        method: UnsafePointer<CChar>,
        slot: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        let started = monotonicNanoseconds()
        let headers = HTTPHeaders(Self.values(of: .HEADER_KIND, on: connection))
        let arguments = Self.values(of: .GET_ARGUMENT_KIND, on: connection)
        let query = QueryParameters(
            arguments.isEmpty
                ? []
                : arguments.map {
                    (
                        name: PercentDecoding.decodeLeniently(Substring($0.name)),
                        value: PercentDecoding.decodeLeniently(Substring($0.value))
                    )
                })
        let state = RequestState(
            connection: connection,
            method: HTTPMethod.fromRequestLine(method),
            path: String(cString: url),
            headers: headers,
            query: query,
            remoteAddress: Self.remoteAddress(of: connection),
            requestID: pipeline.requestID(for: headers),
            startedNanoseconds: started
        )
        slot.pointee = Unmanaged.passRetained(state).toOpaque()
        guard requests.begin() else {
            var outcome = HTTPPipeline.errorResponse(
                HTTPError(.serviceUnavailable, message: "the server is shutting down"), requestID: state.requestID)
            outcome.response.headers["Connection"] = "close"
            return queue(outcome, for: state)
        }
        let length = state.headers["Content-Length"].flatMap { Int($0) }
        guard (length ?? 0) > 0 || state.headers.contains("Transfer-Encoding") else { return .YES }
        state.bodyLimit = pipeline.bodyLimit(method: state.method, path: state.path) ?? defaultBodyLimit
        if let length {
            guard length <= state.bodyLimit else {
                // Queued before any body byte is read: libmicrohttpd then skips the body (and
                // "100 Continue") and closes the connection after the 413.
                return queue(
                    HTTPPipeline.errorResponse(HTTPPipeline.bodyTooLarge, requestID: state.requestID), for: state)
            }
            state.body.reserveCapacity(length)
        }
        return .YES
    }

    /// Later calls: a piece of body, the end of the request, or the return from a suspension.
    fileprivate func continueRequest(
        _ state: RequestState,
        upload: UnsafePointer<CChar>?,
        size: UnsafeMutablePointer<Int>
    ) -> MHD_Result {
        if size.pointee > 0 {
            let count = size.pointee
            size.pointee = 0
            guard state.phase == .receiving, let upload else { return .YES }
            state.bytesIn += count
            guard state.bytesIn <= state.bodyLimit else {
                // A chunked body grew past the limit; a response cannot be queued in the middle of
                // a body, so the connection is closed.
                state.errorDetail = "the request body passed its limit of \(state.bodyLimit) bytes"
                return .NO
            }
            state.body.append(contentsOf: UnsafeRawBufferPointer(start: upload, count: count))
            return .YES
        }
        switch state.phase {
        case .receiving:
            return run(state)
        case .responded:
            guard let outcome = state.outcome else { return .NO }
            return queue(outcome, for: state)
        case .running, .finishedEarly, .answered:
            return .YES
        }
    }

    /// Queues the responder's ready answer, or starts the task that computes the response, on this thread until it
    /// first suspends.
    ///
    /// When the task finishes without suspending the response is queued at once; otherwise the connection is suspended
    /// until the task, the deadline timer or shutdown resumes it.
    private func run(_ state: RequestState) -> MHD_Result {
        let request = state.takeRequest()
        // A ready answer (a cache hit) needs no task at all.
        if let outcome = pipeline.readyOutcome(request, requestID: state.requestID) {
            return queue(outcome, for: state)
        }
        state.phase = .running
        let pipeline = pipeline
        let requests = requests
        // Task.immediate runs the handler on this thread until it first suspends: most handlers
        // answer without suspending (a small JSON read), and for those the hop to the cooperative
        // pool and back costs two thread wake-ups, more than the handler itself. A handler that
        // does suspend continues on the pool; its connection is then suspended and resumed.
        let task = Task.immediate {
            let outcome = await pipeline.handle(request, requestID: state.requestID)
            if requests.finish(state, with: outcome) { MHD_resume_connection(state.connection) }
        }
        if let outcome = requests.started(state, task: task) { return queue(outcome, for: state) }
        MHD_suspend_connection(state.connection)
        switch requests.suspend(state, deadline: monotonicNanoseconds() &+ requestTimeout) {
        case .wait: break
        case .resumeNow: MHD_resume_connection(state.connection)
        case .refused:
            task.cancel()
            MHD_resume_connection(state.connection)
        }
        return .YES
    }

    /// Hands a response to libmicrohttpd, which sends it once this callback returns.
    private func queue(_ outcome: HTTPPipeline.Outcome, for state: RequestState) -> MHD_Result {
        state.phase = .answered
        state.outcome = nil
        let response = outcome.response
        if let detail = outcome.errorDetail { state.errorDetail = detail }
        guard let handle = Self.makeResponse(response.body) else { return .NO }
        defer { MHD_destroy_response(handle) }
        for field in response.headers {
            if HTTPHeaders.namesMatch(field.name, "Content-Length")
                || HTTPHeaders.namesMatch(field.name, "Transfer-Encoding")
            {
                continue
            }
            if MHD_add_response_header(handle, field.name, field.value) != .YES {
                // libmicrohttpd refuses names or values with line breaks or tabs.
                pipeline.logSink.log(
                    .debug, "dropped a response header", ["request_id": state.requestID, "name": field.name])
            }
        }
        state.status = response.status.code
        if state.method != .head && response.status.allowsBody { state.bytesOut = response.body.count }
        return MHD_queue_response(state.connection, UInt32(response.status.code), handle)
    }

    /// A `struct MHD_Response *` for the body: array bodies are copied once, shared bodies are sent
    /// in place and kept alive by a retained reference that libmicrohttpd releases through its free
    /// callback.
    private static func makeResponse(_ body: HTTPBody) -> OpaquePointer? {
        switch body.storage {
        case .bytes(let bytes):
            return bytes.withUnsafeBytes { buffer in
                MHD_create_response_from_buffer(
                    buffer.count, UnsafeMutableRawPointer(mutating: buffer.baseAddress), .RESPMEM_MUST_COPY)
            }
        case .text(var text):
            return text.withUTF8 { buffer in
                MHD_create_response_from_buffer(
                    buffer.count, UnsafeMutableRawPointer(mutating: buffer.baseAddress), .RESPMEM_MUST_COPY)
            }
        case .shared(let shared):
            let owner = Unmanaged.passRetained(shared)
            let handle = MHD_create_response_from_buffer_with_free_callback_cls(
                shared.count, UnsafeMutableRawPointer(mutating: shared.buffer.baseAddress), releaseSharedBytes,
                owner.toOpaque())
            if handle == nil { owner.release() }
            return handle
        }
    }

    /// The completion callback's work: one log line, and the count shutdown waits on.
    fileprivate func complete(_ state: RequestState, termination: MHD_RequestTerminationCode) {
        if state.phase == .running { requests.abandon(state) }
        requests.end()
        pipeline.logRequest(
            HTTPPipeline.RequestSummary(
                requestID: state.requestID,
                method: state.method,
                path: state.path,
                remoteAddress: state.remoteAddress,
                status: state.status,
                bytesIn: state.bytesIn,
                bytesOut: state.bytesOut,
                startedNanoseconds: state.startedNanoseconds,
                errorDetail: state.errorDetail,
                termination: Self.describe(termination)
            ))
    }

    private static func describe(_ termination: MHD_RequestTerminationCode) -> String? {
        switch termination {
        case .REQUEST_TERMINATED_COMPLETED_OK: nil
        case .REQUEST_TERMINATED_TIMEOUT_REACHED: "idle-timeout"
        case .REQUEST_TERMINATED_DAEMON_SHUTDOWN: "shutdown"
        case .REQUEST_TERMINATED_READ_ERROR: "read-error"
        case .REQUEST_TERMINATED_CLIENT_ABORT: "client-abort"
        default: "error"
        }
    }

    /// The header fields or query arguments of the request, in order, with exact lengths (values
    /// may hold NUL bytes).
    private static func values(of kind: MHD_ValueKind, on connection: OpaquePointer) -> [HTTPHeaders.Field] {
        var fields: [HTTPHeaders.Field] = []
        withUnsafeMutablePointer(to: &fields) { pointer in
            _ = MHD_get_connection_values_n(connection, kind, collectValue, UnsafeMutableRawPointer(pointer))
        }
        return fields
    }

    /// `a.b.c.d` for an IPv4 address in host byte order, written digit by digit (this runs for every
    /// request, and string interpolation costs several times more).
    static func dottedQuad(_ value: UInt32) -> String {
        String(unsafeUninitializedCapacity: 15) { buffer in
            var count = 0
            for shift in stride(from: 24, through: 0, by: -8) {
                if shift != 24 {
                    buffer[count] = UInt8(ascii: ".")
                    count += 1
                }
                let octet = UInt8(truncatingIfNeeded: value >> UInt32(shift))
                if octet >= 100 {
                    buffer[count] = UInt8(ascii: "0") + octet / 100
                    count += 1
                }
                if octet >= 10 {
                    buffer[count] = UInt8(ascii: "0") + octet / 10 % 10
                    count += 1
                }
                buffer[count] = UInt8(ascii: "0") + octet % 10
                count += 1
            }
            return count
        }
    }

    /// The client's address in text form: dotted quad for IPv4, `inet_ntop` otherwise.
    private static func remoteAddress(of connection: OpaquePointer) -> String {
        guard let address = cmhd_client_address(connection) else { return "" }
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            let ipv4 = UnsafeRawPointer(address).load(as: sockaddr_in.self)
            return Self.dottedQuad(UInt32(bigEndian: ipv4.sin_addr.s_addr))
        case AF_INET6:
            var ipv6 = UnsafeRawPointer(address).load(as: sockaddr_in6.self)
            var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            guard inet_ntop(AF_INET6, &ipv6.sin6_addr, &text, socklen_t(text.count)) != nil else { return "" }
            return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        default:
            return ""
        }
    }
}

/// `MHD_get_connection_values_n`'s iterator: appends one field to the array `context` points to.
///
/// Runs synchronously inside that call, on the connection's event-loop thread.
private let collectValue: MHD_KeyValueIteratorN = { context, _, key, keySize, value, valueSize in
    guard let context, let key else { return .YES }
    let name = String(decoding: UnsafeRawBufferPointer(start: key, count: keySize), as: UTF8.self)
    let text = value.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: valueSize), as: UTF8.self) } ?? ""
    context.assumingMemoryBound(to: [HTTPHeaders.Field].self).pointee.append((name: name, value: text))
    return .YES
}

/// The free callback of shared bodies: drops the reference taken when the response was made.
///
/// Runs on the thread that destroys the response's last use (an event-loop thread).
private let releaseSharedBytes: MHD_ContentReaderFreeCallback = { context in
    guard let context else { return }
    Unmanaged<SharedBytes>.fromOpaque(context).release()
}

internal import CMicroHTTPD
import Dispatch
import Glibc

/// The one adapter between libmicrohttpd and Swift concurrency.
///
/// Threads:
/// - libmicrohttpd's event-loop threads (``HTTPServer/Configuration/threadCount`` of them, epoll)
///   call the access handler, the completion callback, the unescape callback and the logger. A
///   connection always stays on the thread that accepted it, and its callbacks never overlap.
///   They never wait: a finished request is handed to a `Task` and its connection suspended.
/// - Handler tasks run on Swift's cooperative pool; the last thing a task does is resume its
///   connection, which only sets a flag and wakes the event loop.
/// - The deadline timer runs on a private serial dispatch queue.
/// - `MHD_stop_daemon`, which joins the event-loop threads, runs on another private queue; the
///   completion callbacks of connections it closes run there too.
final class MicroHTTPDaemon: @unchecked Sendable {
    // Safe to share: the configuration values and the pipeline are immutable; `daemon`,
    // `listenSocket`, `timer` and the C strings are written in `start` before libmicrohttpd runs
    // any callback and in `stop` after every event-loop thread has been joined.

    let pipeline: HTTPPipeline
    let requests = InFlightRequests()
    private let configuration: HTTPServer.Configuration
    let requestTimeout: UInt64
    let defaultBodyLimit: Int
    /// `struct MHD_Daemon *`.
    private var daemon: OpaquePointer?
    private var listenSocket: Int32 = -1
    private var timer: (any DispatchSourceTimer)?
    private var certificate: UnsafeMutablePointer<CChar>?
    private var privateKey: UnsafeMutablePointer<CChar>?
    /// libmicrohttpd's messages since start, to explain a failed start.
    private let messages = Locked<[String]>([])
    private let stopQueue = DispatchQueue(label: "GluteHTTP.stop")

    init(configuration: HTTPServer.Configuration, pipeline: HTTPPipeline) {
        self.configuration = configuration
        self.pipeline = pipeline
        requestTimeout = configuration.requestTimeout.nanoseconds
        defaultBodyLimit = configuration.defaultBodyLimit
    }

    deinit {
        free(certificate)
        free(privateKey)
    }

    /// Starts listening; returns the bound port.
    ///
    /// The daemon holds a retained reference to `self` (its callbacks' context) until ``stop()``.
    func start() throws(HTTPServerError) -> Int {
        try configuration.validate()
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(configuration.port)).bigEndian
        guard inet_pton(AF_INET, configuration.address, &address.sin_addr) == 1 else {
            throw HTTPServerError(.invalidConfiguration, "'\(configuration.address)' is not an IPv4 address")
        }
        var flags =
            MHD_USE_EPOLL_INTERNAL_THREAD.rawValue | MHD_ALLOW_SUSPEND_RESUME.rawValue
            | MHD_USE_ERROR_LOG.rawValue
        if let tls = configuration.tls {
            guard MHD_is_feature_supported(.FEATURE_TLS) == .YES else {
                throw HTTPServerError(.tlsUnavailable, "this libmicrohttpd was built without TLS")
            }
            flags |= MHD_USE_TLS.rawValue
            certificate = strdup(tls.certificatePEM)
            privateKey = strdup(tls.privateKeyPEM)
        }
        let context = Unmanaged.passRetained(self)
        let started: OpaquePointer? = withUnsafeMutablePointer(to: &address) { addressPointer in
            var options = [
                // First, so that even start-up messages reach the log (see microhttpd.h).
                cmhd_logger_option(daemonLogger, context.toOpaque()),
                MHD_OptionItem(option: .SOCK_ADDR, value: 0, ptr_value: UnsafeMutableRawPointer(addressPointer)),
                MHD_OptionItem(option: .CONNECTION_LIMIT, value: configuration.connectionLimit, ptr_value: nil),
                MHD_OptionItem(
                    option: .CONNECTION_MEMORY_LIMIT, value: configuration.connectionMemoryLimit, ptr_value: nil),
                MHD_OptionItem(
                    option: .CONNECTION_TIMEOUT, value: configuration.idleTimeoutSeconds, ptr_value: nil),
                cmhd_notify_completed_option(requestCompleted, context.toOpaque()),
                cmhd_unescape_option(keepEscapes, nil),
            ]
            if configuration.threadCount > 1 {
                options.append(
                    MHD_OptionItem(option: .THREAD_POOL_SIZE, value: configuration.threadCount, ptr_value: nil))
            }
            if let certificate, let privateKey {
                options.append(MHD_OptionItem(option: .HTTPS_MEM_CERT, value: 0, ptr_value: certificate))
                options.append(MHD_OptionItem(option: .HTTPS_MEM_KEY, value: 0, ptr_value: privateKey))
            }
            options.append(MHD_OptionItem(option: .END, value: 0, ptr_value: nil))
            return options.withUnsafeMutableBufferPointer { buffer in
                cmhd_start_daemon(UInt32(flags), 0, accessHandler, context.toOpaque(), buffer.baseAddress)
            }
        }
        guard let started else {
            context.release()
            let detail = messages.withLock { $0.last } ?? "libmicrohttpd gave no reason"
            throw HTTPServerError(
                .startFailed,
                "cannot listen on \(configuration.address):\(configuration.port): \(detail.trimmingNewlines)"
            )
        }
        daemon = started
        startDeadlineTimer()
        return Int(cmhd_bound_port(started))
    }

    /// Checks suspended requests against their deadline a few times per timeout.
    private func startDeadlineTimer() {
        let interval = max(5_000_000, min(requestTimeout / 8, 250_000_000))
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "GluteHTTP.deadlines"))
        timer.schedule(deadline: .now() + .nanoseconds(Int(interval)), repeating: .nanoseconds(Int(interval)))
        timer.setEventHandler { [requests] in
            for state in requests.expire(now: monotonicNanoseconds()) {
                state.task?.cancel()
                MHD_resume_connection(state.connection)
            }
        }
        timer.resume()
        self.timer = timer
    }

    /// Drains and stops: refuse new requests, stop accepting, wait for requests in flight up to
    /// the grace period, answer the rest with 503, stop the daemon, then wait for handler tasks.
    func drain(gracePeriod: Duration) async {
        guard let daemon else { return }
        requests.startDraining()
        listenSocket = MHD_quiesce_daemon(daemon)
        let grace = gracePeriod.nanoseconds
        await waitUntil(nanoseconds: grace) { self.requests.openCount <= 0 }
        for state in requests.forceAll() {
            state.task?.cancel()
            MHD_resume_connection(state.connection)
        }
        // Let the 503s go out before the sockets close.
        await waitUntil(nanoseconds: 1_000_000_000) { self.requests.openCount <= 0 }
        await stop()
        await waitUntil(nanoseconds: grace) { self.requests.runningHandlerCount <= 0 }
    }

    /// Stops the daemon on a thread of its own (it joins the event-loop threads) and releases the reference the daemon
    /// held.
    ///
    /// Every suspended connection has been resumed by now.
    private func stop() async {
        guard let daemon else { return }
        timer?.cancel()
        let socket = listenSocket
        let handle = DaemonHandle(pointer: daemon)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            stopQueue.async {
                MHD_stop_daemon(handle.pointer)
                if socket >= 0 { close(socket) }
                continuation.resume()
            }
        }
        self.daemon = nil
        Unmanaged.passUnretained(self).release()
    }

    private func waitUntil(nanoseconds: UInt64, _ condition: @Sendable () -> Bool) async {
        let deadline = monotonicNanoseconds() + nanoseconds
        while !condition() && monotonicNanoseconds() < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Records one of libmicrohttpd's messages and passes it to the log at debug level.
    fileprivate func record(message: String) {
        messages.withLock { list in
            list.append(message)
            if list.count > 8 { list.removeFirst() }
        }
        pipeline.logSink.log(.debug, "libmicrohttpd", ["message": message.trimmingNewlines])
    }
}

/// A `struct MHD_Daemon *` carried to the thread that stops it.
private struct DaemonHandle: @unchecked Sendable {
    // Safe to send: libmicrohttpd's daemon functions may be called from any thread.
    let pointer: OpaquePointer
}

extension String {
    fileprivate var trimmingNewlines: String {
        var text = Substring(self)
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        return String(text)
    }
}

/// `MHD_OPTION_EXTERNAL_LOGGER`: formats the message and records it.
///
/// Runs on whichever thread libmicrohttpd reports from (the caller of `MHD_start_daemon`, or an event-loop thread).
private let daemonLogger: MHD_LogCallback = { context, format, arguments in
    guard let context, let format, let arguments else { return }
    var buffer = [CChar](repeating: 0, count: 512)
    _ = vsnprintf(&buffer, buffer.count, format, arguments)
    let message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    Unmanaged<MicroHTTPDaemon>.fromOpaque(context).takeUnretainedValue().record(message: message)
}

/// `MHD_OPTION_UNESCAPE_CALLBACK`: leaves percent-escapes alone, so the path arrives as sent (the router decodes each segment,
/// and an escaped `/` stays inside its segment) and query values are decoded by ``QueryParameters`` rules.
///
/// Runs on the connection's event-loop thread.
private let keepEscapes: cmhd_unescape_callback = { _, _, text in
    guard let text else { return 0 }
    return strlen(text)
}

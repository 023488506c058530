/// An HTTP/1.1 server on libmicrohttpd that runs every request through an ``HTTPPipeline``.
///
/// Start it, let it serve, shut it down: ``shutdown()`` stops accepting connections, lets the
/// requests in flight finish (up to the grace period), answers the rest with 503, stops the
/// daemon, and then runs the hooks added with ``onDrained(_:)``. A started server keeps running
/// until then, even if you drop your reference.
///
/// ```swift
/// var configuration = HTTPServer.Configuration(port: 8080)
/// let server = HTTPServer(configuration: configuration, responder: try router.buildResponder(), logSink: sink)
/// server.onDrained { await store.commitPending() }
/// try server.start()
/// let signals = server.shutdownOnTerminationSignals()
/// await server.waitUntilStopped()
/// ```
///
/// ## Topics
/// - ``Configuration``
/// - ``TLS``
/// - ``start()``
/// - ``shutdown()``
public final class HTTPServer: Sendable {
    private enum Lifecycle {
        case idle
        case running(MicroHTTPDaemon)
        case stopping(Task<Void, Never>)
        case stopped
    }

    private struct State {
        var lifecycle = Lifecycle.idle
        var port = 0
        var drainedHooks: [@Sendable () async -> Void] = []
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
    }

    /// The configuration the server was created with.
    public let configuration: Configuration
    /// The pipeline every request runs through.
    public let pipeline: HTTPPipeline
    private let state = Locked(State())

    /// Creates a server; nothing listens until ``start()``.
    ///
    /// - Parameters:
    ///   - configuration: Address, port, limits, timeouts and TLS.
    ///   - responder: Answers the requests, usually from ``Router/buildResponder()``.
    ///   - logSink: Receives one `request` line per request and the handlers' logs.
    ///   - requestIDs: Makes ids for requests without a valid `X-Request-Id`.
    public convenience init<Responder: HTTPResponder>(
        configuration: Configuration,
        responder: Responder,
        logSink: LogSink = .discard,
        requestIDs: RequestIDSource = .random
    ) {
        self.init(
            configuration: configuration,
            pipeline: HTTPPipeline(
                responder: responder, logSink: logSink, requestIDs: requestIDs,
                defaultBodyLimit: configuration.defaultBodyLimit)
        )
    }

    /// Creates a server around a pipeline.
    public init(configuration: Configuration, pipeline: HTTPPipeline) {
        self.configuration = configuration
        self.pipeline = pipeline
    }

    /// Binds the address and starts serving on libmicrohttpd's threads; returns at once.
    ///
    /// - Throws: ``HTTPServerError`` `invalid-configuration`, `tls-unavailable`, or
    ///   `start-failed` (the port is taken, the TLS material is unusable), with libmicrohttpd's
    ///   reason.
    public func start() throws(HTTPServerError) {
        let daemon = MicroHTTPDaemon(configuration: configuration, pipeline: pipeline)
        try state.withLock { (state: inout State) throws(HTTPServerError) in
            guard case .idle = state.lifecycle else {
                throw HTTPServerError(.startFailed, "the server was already started")
            }
            state.port = try daemon.start()
            state.lifecycle = .running(daemon)
        }
    }

    /// The port the server listens on (the one the system chose when configured with 0), or 0
    /// before ``start()``.
    public var port: Int { state.withLock { $0.port } }

    /// Adds work to do after draining, before ``shutdown()`` returns: the handlers have finished and no request will
    /// arrive any more (the app commits pending writes here).
    ///
    /// Hooks run in the order they were added, once, and only for a server that was started.
    public func onDrained(_ hook: @escaping @Sendable () async -> Void) {
        state.withLock { $0.drainedHooks.append(hook) }
    }

    /// Stops gracefully; every call waits for the same single shutdown to finish.
    ///
    /// Refuses new requests with 503, stops accepting connections, waits up to
    /// ``Configuration/shutdownGracePeriod`` for requests in flight, answers the rest with 503 and
    /// cancels their handlers, stops libmicrohttpd, waits for the handlers to return, then runs the
    /// ``onDrained(_:)`` hooks.
    public func shutdown() async {
        let work: Task<Void, Never>? = state.withLock { state in
            switch state.lifecycle {
            case .idle:
                state.lifecycle = .stopped
                return nil
            case .running(let daemon):
                let hooks = state.drainedHooks
                let grace = configuration.shutdownGracePeriod
                let task = Task {
                    await daemon.drain(gracePeriod: grace)
                    for hook in hooks { await hook() }
                }
                state.lifecycle = .stopping(task)
                return task
            case .stopping(let task):
                return task
            case .stopped:
                return nil
            }
        }
        await work?.value
        let waiters = state.withLock { state in
            state.lifecycle = .stopped
            defer { state.stopWaiters = [] }
            return state.stopWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the server has shut down (at once if it already has).
    public func waitUntilStopped() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state in
                if case .stopped = state.lifecycle { return true }
                state.stopWaiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// Whether the server is serving (started, and shutdown not begun).
    public var isRunning: Bool {
        state.withLock { state in
            if case .running = state.lifecycle { return true }
            return false
        }
    }
}

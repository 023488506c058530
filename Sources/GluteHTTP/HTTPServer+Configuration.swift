extension HTTPServer {
    /// Everything about how the server listens and what it tolerates, in one value.
    ///
    /// The defaults suit the app on one small machine: loopback only, two event-loop threads,
    /// 30-second idle and request timeouts.
    ///
    /// ```swift
    /// var configuration = HTTPServer.Configuration(port: 0)   // an ephemeral port, for tests
    /// configuration.requestTimeout = .seconds(5)
    /// configuration.tls = .init(certificatePEM: cert, privateKeyPEM: key)
    /// ```
    public struct Configuration: Sendable {
        /// The IPv4 address to listen on; `127.0.0.1` unless told otherwise (`0.0.0.0` for every
        /// interface).
        public var address: String
        /// The TCP port; 0 asks the system for a free one, readable as ``HTTPServer/port`` after
        /// ``HTTPServer/start()``.
        public var port: Int
        /// libmicrohttpd's event-loop threads (epoll); 2 matched nginx on a 2-core machine.
        public var threadCount: Int
        /// The most connections open at once (`MHD_OPTION_CONNECTION_LIMIT`, shared out among the threads);
        /// further clients wait in the listen backlog until a connection closes.
        public var connectionLimit: Int
        /// Memory per connection for reading the request head and writing the response head
        /// (`MHD_OPTION_CONNECTION_MEMORY_LIMIT`); a request head that does not fit gets 431.
        ///
        /// 16 KiB holds a request head of about 8 KiB (nginx's default line limit). libmicrohttpd
        /// clears the whole area after every request, so a larger value costs time on every request.
        public var connectionMemoryLimit: Int
        /// How long a connection may stay silent, waiting for the client (`MHD_OPTION_CONNECTION_TIMEOUT`, whole
        /// seconds, rounded up); then it is closed.
        ///
        /// This is what stops a slow client from holding a connection.
        public var idleTimeout: Duration
        /// How long a handler may take; then the client gets a 503 and the handler's task is cancelled.
        ///
        /// libmicrohttpd does not time out a suspended connection, so this is the only limit while a handler runs.
        public var requestTimeout: Duration
        /// How long ``HTTPServer/shutdown()`` waits for requests in flight before answering the
        /// rest with 503.
        public var shutdownGracePeriod: Duration
        /// The largest request body, in bytes, for routes that set no limit of their own and for
        /// requests no route matches; a larger declared body gets 413 before it is read.
        public var defaultBodyLimit: Int
        /// Certificate and key for HTTPS, or `nil` for plain HTTP.
        public var tls: TLS?

        /// Creates a configuration.
        public init(
            address: String = "127.0.0.1",
            port: Int = 8080,
            threadCount: Int = 2,
            connectionLimit: Int = 1024,
            connectionMemoryLimit: Int = 16 * 1024,
            idleTimeout: Duration = .seconds(30),
            requestTimeout: Duration = .seconds(30),
            shutdownGracePeriod: Duration = .seconds(10),
            defaultBodyLimit: Int = 1 << 20,
            tls: TLS? = nil
        ) {
            self.address = address
            self.port = port
            self.threadCount = threadCount
            self.connectionLimit = connectionLimit
            self.connectionMemoryLimit = connectionMemoryLimit
            self.idleTimeout = idleTimeout
            self.requestTimeout = requestTimeout
            self.shutdownGracePeriod = shutdownGracePeriod
            self.defaultBodyLimit = defaultBodyLimit
            self.tls = tls
        }

        /// Checks the values that libmicrohttpd would otherwise misread.
        func validate() throws(HTTPServerError) {
            func fail(_ message: String) -> HTTPServerError { HTTPServerError(.invalidConfiguration, message) }
            guard (0...65535).contains(port) else { throw fail("port \(port) is not between 0 and 65535") }
            guard (1...64).contains(threadCount) else { throw fail("threadCount must be between 1 and 64") }
            guard connectionLimit >= 1 else { throw fail("connectionLimit must be at least 1") }
            guard defaultBodyLimit >= 0 else { throw fail("defaultBodyLimit must not be negative") }
            guard connectionMemoryLimit >= 4096 else { throw fail("connectionMemoryLimit must be at least 4096") }
            guard idleTimeout >= .zero, requestTimeout > .zero, shutdownGracePeriod >= .zero else {
                throw fail("timeouts must not be negative, and requestTimeout must be positive")
            }
        }

        /// The idle timeout in whole seconds, rounded up, as libmicrohttpd takes it.
        var idleTimeoutSeconds: Int {
            let (seconds, attoseconds) = idleTimeout.components
            return Int(seconds) + (attoseconds > 0 ? 1 : 0)
        }
    }

    /// The PEM certificate chain and private key for HTTPS.
    ///
    /// The caller reads them from files (`--tls-cert FILE --tls-key FILE`); the server keeps its
    /// own copies for as long as it runs.
    public struct TLS: Sendable {
        /// The certificate, then any intermediate certificates, in PEM.
        public var certificatePEM: String
        /// The private key in PEM (unencrypted).
        public var privateKeyPEM: String

        /// Creates TLS material.
        public init(certificatePEM: String, privateKeyPEM: String) {
            self.certificatePEM = certificatePEM
            self.privateKeyPEM = privateKeyPEM
        }
    }
}

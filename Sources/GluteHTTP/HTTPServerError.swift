/// The error GluteHTTP throws for its own failures: the server could not start, a route pattern is
/// malformed, a static-file folder could not be read, a cookie is invalid.
///
/// Errors about a *request* are ``HTTPError`` values instead, which become responses.
///
/// ```swift
/// do { try server.start() } catch { print(error) }  // HTTP error start-failed: cannot listen on …
/// ```
public struct HTTPServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as an extensible set of constants.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's name, for example `start-failed`.
        public let rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The name.
        public var description: String { rawValue }

        /// libmicrohttpd refused to start (port in use, bad TLS material, no threads).
        public static let startFailed = Code(rawValue: "start-failed")
        /// A configuration value is out of range or malformed.
        public static let invalidConfiguration = Code(rawValue: "invalid-configuration")
        /// The system's libmicrohttpd was built without TLS.
        public static let tlsUnavailable = Code(rawValue: "tls-unavailable")
        /// A route pattern is malformed or registered twice.
        public static let invalidRoute = Code(rawValue: "invalid-route")
        /// A static-file folder or file could not be read.
        public static let unreadableFiles = Code(rawValue: "unreadable-files")
        /// A cookie name or value has characters a `Set-Cookie` field cannot carry.
        public static let invalidCookie = Code(rawValue: "invalid-cookie")
    }

    /// What went wrong.
    public let code: Code
    /// A sentence for people; it never holds a secret (a cookie value, a key).
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `HTTP error start-failed: cannot listen on 127.0.0.1:8080`.
    public var description: String { "HTTP error \(code): \(message)" }
}

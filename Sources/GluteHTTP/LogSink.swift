/// Where GluteHTTP's log records go: the app injects one, the library never prints.
///
/// The sink is a closure called on whichever thread logs, a libmicrohttpd thread for request
/// lines, so it must be thread-safe and quick (hand the line to a buffered writer).
///
/// ```swift
/// let sink = LogSink(minimumLevel: .info) { record in
///     standardError.write(record.logfmt + "\n")
/// }
/// ```
public struct LogSink: Sendable {
    /// Records below this level are dropped before they are built into a ``LogRecord``.
    public var minimumLevel: LogLevel
    private let emit: @Sendable (LogRecord) -> Void

    /// Creates a sink.
    ///
    /// - Parameters:
    ///   - minimumLevel: The lowest level passed on.
    ///   - emit: Receives each record; called concurrently from several threads.
    public init(minimumLevel: LogLevel = .info, _ emit: @escaping @Sendable (LogRecord) -> Void) {
        self.minimumLevel = minimumLevel
        self.emit = emit
    }

    /// A sink that drops everything.
    public static let discard = LogSink(minimumLevel: .none) { _ in }

    /// Whether records at `level` are passed on.
    public func accepts(_ level: LogLevel) -> Bool { level >= minimumLevel && level != .none }

    /// Logs a message with fields, if the level is accepted.
    public func log(_ level: LogLevel, _ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        guard accepts(level) else { return }
        emit(LogRecord(level: level, message: message, fields: fields.map { LogField($0.key, $0.value) }))
    }

    /// Passes on a record built by the caller, if its level is accepted.
    public func log(_ record: LogRecord) {
        guard accepts(record.level) else { return }
        emit(record)
    }
}

/// A log level, from the most to the least verbose.
///
/// GluteHTTP itself logs at ``info`` (one line per request) and ``debug`` (libmicrohttpd's own
/// messages).
public enum LogLevel: Int, Sendable, Comparable, CustomStringConvertible {
    /// Detail for debugging.
    case debug
    /// Normal events, such as a served request.
    case info
    /// Something odd that did not stop the work.
    case warning
    /// A failure.
    case error
    /// Above every level: a sink at this level drops everything.
    case none

    /// Orders by verbosity.
    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `info`.
    public var description: String {
        switch self {
        case .debug: "debug"
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        case .none: "none"
        }
    }
}

/// One key and value of a ``LogRecord``.
public struct LogField: Sendable, Equatable {
    /// The key, for example `status`.
    public var key: String
    /// The value as text.
    public var value: String

    /// Creates a field.
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// A handler's logger: a ``LogSink`` that adds the request id to every record.
///
/// ```swift
/// context.logger.info("plan saved", ["client": id])
/// ```
public struct RequestLogger: Sendable {
    /// The sink records go to.
    public let sink: LogSink
    /// The request id added as `request_id`.
    public let requestID: String

    /// Creates a logger.
    public init(sink: LogSink, requestID: String) {
        self.sink = sink
        self.requestID = requestID
    }

    /// Logs at `level`.
    public func log(_ level: LogLevel, _ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        guard sink.accepts(level) else { return }
        var all = [LogField("request_id", requestID)]
        all.append(contentsOf: fields.map { LogField($0.key, $0.value) })
        sink.log(LogRecord(level: level, message: message, fields: all))
    }

    /// Logs at ``LogLevel/debug``.
    public func debug(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        log(.debug, message, fields)
    }

    /// Logs at ``LogLevel/info``.
    public func info(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        log(.info, message, fields)
    }

    /// Logs at ``LogLevel/warning``.
    public func warning(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        log(.warning, message, fields)
    }

    /// Logs at ``LogLevel/error``.
    public func error(_ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        log(.error, message, fields)
    }
}

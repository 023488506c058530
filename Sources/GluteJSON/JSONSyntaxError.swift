/// A JSON text that could not be parsed, with the place where parsing stopped.
///
/// The place is given as a 1-based line and column and, for errors the parser raises, as the
/// 0-based offset of the offending byte in the input. ``code`` says what kind of problem it is,
/// so a server can answer a document over a limit differently from a malformed one.
///
/// ```swift
/// do { _ = try JSONValue.parse([0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D]) }
/// catch { print(error) }
/// // invalid JSON at line 1, column 3 (byte 2): invalid UTF-8 (overlong encoding)
/// ```
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the offending byte.
    public let line: Int
    /// 1-based column (in bytes) of the offending byte.
    public let column: Int
    /// 0-based offset of the offending byte in the parsed input, or `nil` when the error was made
    /// without one (``init(line:column:reason:)``).
    ///
    /// The offset counts from the first byte given to the parser, a byte order mark included.
    public let byteOffset: Int?
    /// The kind of problem.
    public let code: Code
    /// What was wrong there.
    public let reason: String

    /// Creates a syntax error at `line` and `column` (both 1-based), without a byte offset.
    public init(line: Int, column: Int, reason: String) {
        self.init(line: line, column: column, byteOffset: nil, reason: reason)
    }

    /// Creates an error at `line` and `column` (both 1-based) and the 0-based `byteOffset`.
    ///
    /// - Parameters:
    ///   - line: The 1-based line of the offending byte.
    ///   - column: The 1-based column, in bytes, of the offending byte.
    ///   - byteOffset: The 0-based offset of the offending byte, if known.
    ///   - code: The kind of problem; ``Code/invalidSyntax`` unless said otherwise.
    ///   - reason: What was wrong there.
    public init(line: Int, column: Int, byteOffset: Int?, code: Code = .invalidSyntax, reason: String) {
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.code = code
        self.reason = reason
    }

    /// The error in words, with its line, column and byte offset:
    /// `invalid JSON at line 3, column 7 (byte 41): expected ',' or '}'`.
    public var description: String {
        let place = byteOffset.map { "line \(line), column \(column) (byte \($0))" } ?? "line \(line), column \(column)"
        return "invalid JSON at \(place): \(reason)"
    }
}

extension JSONSyntaxError {
    /// The kind of a ``JSONSyntaxError``.
    ///
    /// A struct of static constants rather than an enum, so that new kinds can be added without
    /// breaking a `switch` in callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable {
            case invalidSyntax, invalidUTF8, limitExceeded
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// The text breaks the JSON grammar (RFC 8259): a missing comma, a bad escape, a
        /// duplicate key, text after the end.
        public static let invalidSyntax = Code(.invalidSyntax)
        /// The bytes are not well-formed UTF-8 (RFC 3629).
        public static let invalidUTF8 = Code(.invalidUTF8)
        /// The document is well formed so far but goes past one of the parser's limits.
        public static let limitExceeded = Code(.limitExceeded)

        /// The name of the kind, such as `invalidUTF8`.
        public var description: String {
            switch base {
            case .invalidSyntax: "invalidSyntax"
            case .invalidUTF8: "invalidUTF8"
            case .limitExceeded: "limitExceeded"
            }
        }
    }
}

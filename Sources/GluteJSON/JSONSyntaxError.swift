/// A JSON text that could not be parsed, with the line and column where parsing stopped.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the offending byte.
    public let line: Int
    /// 1-based column (in bytes) of the offending byte.
    public let column: Int
    /// What was wrong there.
    public let reason: String

    /// Creates an error at `line` and `column` (both 1-based).
    public init(line: Int, column: Int, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// The error in words, with its line and column.
    public var description: String { "invalid JSON at line \(line), column \(column): \(reason)" }
}

/// A statement whose interpolated values become bound parameters, never SQL text.
///
/// Each `\(value)` in the literal turns into a placeholder (`?` in SQLite, `$1`, `$2`… in
/// PostgreSQL) plus a binding, so values cannot change the statement. SQL text that is not a
/// literal must be passed through ``init(unsafeSQL:)``, whose name makes the risk visible.
///
/// ```swift
/// let query: SQLQuery = "SELECT name FROM person WHERE id = \(personID)"
/// query.text { _ in "?" }   // "SELECT name FROM person WHERE id = ?"
/// query.bindings            // [.text("…")]
/// ```
public struct SQLQuery: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// A piece of the statement: literal SQL or the index of a binding.
    @usableFromInline
    enum Fragment: Sendable, Hashable {
        case sql(String)
        case binding(Int)
    }

    private(set) var fragments: [Fragment]
    /// The bound values in placeholder order.
    public private(set) var bindings: [SQLValue]

    /// Builds a statement from SQL text that is trusted as it is, binding nothing.
    ///
    /// Use only for text written in this code base (migrations, pragmas), never for input.
    public init(unsafeSQL sql: String) {
        fragments = [.sql(sql)]
        bindings = []
    }

    /// Builds a statement from a literal without interpolations.
    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    /// Builds a statement from an interpolated literal.
    public init(stringInterpolation: StringInterpolation) {
        fragments = stringInterpolation.fragments
        bindings = stringInterpolation.bindings
    }

    /// The statement text with each binding replaced by `placeholder(n)`, `n` counting from 1.
    public func text(placeholder: (Int) -> String) -> String {
        var text = ""
        for fragment in fragments {
            switch fragment {
            case .sql(let sql): text += sql
            case .binding(let index): text += placeholder(index + 1)
            }
        }
        return text
    }

    /// The statement with `?` placeholders and no values, safe to log.
    public var description: String { text { _ in "?" } }

    /// The statement without its values, as a key that is cheap to hash (a back end's cache of
    /// prepared statements looks it up on every run).
    public var shape: Shape { Shape(fragments: fragments) }

    /// The pieces of a statement's text, compared as text but hashed by their lengths only.
    ///
    /// The literal pieces of the statements in this code are the same strings on every run, so
    /// comparing them costs little, while building and hashing the whole text each time cost
    /// more than a short SQLite step. Two shapes with the same lengths are told apart by `==`.
    public struct Shape: Hashable, Sendable {
        let fragments: [Fragment]

        /// Whether the two have the same pieces of text and bindings, in the same order.
        public static func == (left: Shape, right: Shape) -> Bool { left.fragments == right.fragments }

        /// Hashes the number of pieces and the length of each.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(fragments.count)
            for fragment in fragments {
                switch fragment {
                case .sql(let sql): hasher.combine(sql.utf8.count)
                case .binding(let index): hasher.combine(-1 - index)
                }
            }
        }
    }

    /// Collects literal pieces and bound values while the literal is built.
    ///
    /// Inlinable, so that each interpolated type is specialized where the statement is written
    /// instead of looked up at run time on every call.
    public struct StringInterpolation: StringInterpolationProtocol {
        @usableFromInline var fragments: [Fragment] = []
        @usableFromInline var bindings: [SQLValue] = []

        /// Reserves room for the literal.
        @inlinable
        public init(literalCapacity: Int, interpolationCount: Int) {
            fragments.reserveCapacity(2 * interpolationCount + 1)
            bindings.reserveCapacity(interpolationCount)
        }

        /// Appends literal SQL.
        @inlinable
        public mutating func appendLiteral(_ literal: String) {
            guard !literal.isEmpty else { return }
            fragments.append(.sql(literal))
        }

        /// Appends a placeholder bound to `value`.
        @inlinable
        public mutating func appendInterpolation(_ value: some SQLBindable) {
            fragments.append(.binding(bindings.count))
            bindings.append(value.sqlValue)
        }

        /// Appends a placeholder bound to `value`, or to `NULL` when it is `nil`.
        @inlinable
        public mutating func appendInterpolation<Value: SQLBindable>(_ value: Value?) {
            fragments.append(.binding(bindings.count))
            bindings.append(value?.sqlValue ?? .null)
        }

        /// Splices in another statement fragment, with its own bindings.
        public mutating func appendInterpolation(_ fragment: SQLQuery) {
            let offset = bindings.count
            for piece in fragment.fragments {
                switch piece {
                case .sql(let sql): fragments.append(.sql(sql))
                case .binding(let index): fragments.append(.binding(index + offset))
                }
            }
            bindings.append(contentsOf: fragment.bindings)
        }

        /// Appends a placeholder bound to an already converted value.
        public mutating func appendInterpolation(value: SQLValue) {
            fragments.append(.binding(bindings.count))
            bindings.append(value)
        }
    }
}

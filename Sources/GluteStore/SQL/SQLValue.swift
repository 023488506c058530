public import GluteCore

/// A value bound to a statement parameter; the four storage classes both back ends share.
public enum SQLValue: Sendable, Hashable {
    /// SQL `NULL`.
    case null
    /// A 64-bit integer.
    case integer(Int64)
    /// A double-precision number.
    case real(Double)
    /// UTF-8 text.
    case text(String)
}

/// A Swift value that can be bound to a statement parameter.
public protocol SQLBindable {
    /// The value to bind.
    var sqlValue: SQLValue { get }
}

extension Int: SQLBindable {
    /// The integer.
    public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Int64: SQLBindable {
    /// The integer.
    public var sqlValue: SQLValue { .integer(self) }
}

extension Double: SQLBindable {
    /// The number.
    public var sqlValue: SQLValue { .real(self) }
}

extension String: SQLBindable {
    /// The text.
    public var sqlValue: SQLValue { .text(self) }
}

extension Timestamp: SQLBindable {
    /// Milliseconds since the epoch, as stored in every `…_at` column.
    public var sqlValue: SQLValue { .integer(millisecondsSince1970) }
}

extension Identifier: SQLBindable {
    /// The raw text.
    public var sqlValue: SQLValue { .text(rawValue) }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    /// The wrapped value, or `NULL`.
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

extension SQLBindable where Self: RawRepresentable, RawValue == String {
    /// The raw value, as enum columns store it.
    public var sqlValue: SQLValue { .text(rawValue) }
}

extension Bool: SQLBindable {
    /// 1 or 0, as boolean columns store it.
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
}

extension Side: SQLBindable {}
extension FeltIn: SQLBindable {}
extension Balance: SQLBindable {}
extension LoadUnit: SQLBindable {}
extension WakeUpOutcome: SQLBindable {}

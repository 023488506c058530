/// The identifier of a stored record of type `Record`: a lowercase text UUID.
///
/// Identifiers are text UUIDs rather than integers so that several stateless servers (and an
/// import from another installation) can create records without asking the database for the next
/// number, and so that an export keeps every identifier as it is. The type parameter keeps a
/// person's identifier from being passed where a plan's is expected.
///
/// ```swift
/// let id = Person.ID(rawValue: "0b7c3c2e-5f0e-4d8c-9a59-1c2a3b4d5e6f")
/// ```
public struct Identifier<Record>: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The text stored in the database and written in exports.
    public let rawValue: String

    /// Wraps stored text.
    ///
    /// No format is imposed beyond being 1 to 64 characters, which the schema checks.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The raw text.
    public var description: String { rawValue }

    /// Orders by raw text, the tie-breaker of every ordered query.
    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }
}

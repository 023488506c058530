/// Bounds on what the parser accepts, so that an untrusted document cannot make it use unbounded
/// memory, time or stack.
///
/// ``default`` suits a server reading request bodies and is what ``JSONValue/parse(_:)-(String)``
/// and the other overloads without a `limits:` argument use. Pass your own value to
/// ``JSONValue/parse(_:limits:)-(String,JSONLimits)`` to allow more or less:
///
/// ```swift
/// var limits = JSONLimits.default
/// limits.maximumDocumentSize = 64 << 20      // a 64 MiB upload
/// let value = try JSONValue.parse(bytes, limits: limits)
/// ```
///
/// Going past a limit throws a ``JSONSyntaxError`` whose ``JSONSyntaxError/code`` is
/// ``JSONSyntaxError/Code/limitExceeded`` and whose reason names the limit, such as
/// `more than 100000 members in one object`. A value exactly at a limit is accepted.
///
/// ## Topics
///
/// ### Limits
/// - ``maximumDocumentSize``
/// - ``maximumDepth``
/// - ``maximumMembersPerObject``
/// - ``maximumElementsPerArray``
/// - ``maximumStringLength``
///
/// ### Presets
/// - ``default``
/// - ``unlimited``
public struct JSONLimits: Sendable, Hashable {
    /// The largest document accepted, in bytes (a byte order mark included).
    ///
    /// Checked before parsing starts. The default is 8 MiB (8,388,608 bytes).
    public var maximumDocumentSize: Int

    /// The deepest nesting of arrays and objects accepted; a document that is a single scalar
    /// has depth 0, `[[1]]` has depth 2.
    ///
    /// The parser recurses once per level, so this bounds its stack use as well. The default is
    /// 64. Values much above 1,000 risk overflowing the stack of a secondary thread instead of
    /// throwing.
    public var maximumDepth: Int

    /// The most members accepted in any one object.
    ///
    /// The default is 100,000.
    public var maximumMembersPerObject: Int

    /// The most elements accepted in any one array.
    ///
    /// The default is 100,000.
    public var maximumElementsPerArray: Int

    /// The longest string accepted, keys included, in bytes of UTF-8 once escapes are decoded.
    ///
    /// `"\u00e9"` counts 2 bytes, the length of `é` in UTF-8. The default is 1 MiB (1,048,576
    /// bytes).
    public var maximumStringLength: Int

    /// Creates limits; each one left out takes its value from ``default``.
    ///
    /// - Parameters:
    ///   - maximumDocumentSize: The largest document, in bytes.
    ///   - maximumDepth: The deepest nesting of arrays and objects.
    ///   - maximumMembersPerObject: The most members in one object.
    ///   - maximumElementsPerArray: The most elements in one array.
    ///   - maximumStringLength: The longest string, in bytes of UTF-8.
    public init(
        maximumDocumentSize: Int = 8 << 20,
        maximumDepth: Int = 64,
        maximumMembersPerObject: Int = 100_000,
        maximumElementsPerArray: Int = 100_000,
        maximumStringLength: Int = 1 << 20
    ) {
        self.maximumDocumentSize = maximumDocumentSize
        self.maximumDepth = maximumDepth
        self.maximumMembersPerObject = maximumMembersPerObject
        self.maximumElementsPerArray = maximumElementsPerArray
        self.maximumStringLength = maximumStringLength
    }

    /// Limits for documents from untrusted sources, such as request bodies: 8 MiB documents,
    /// nesting 64 levels deep, 100,000 members per object and elements per array, and strings of
    /// 1 MiB.
    ///
    /// Every document GluteCoach writes itself (assessments, plans, the knowledge base) is far
    /// inside these. A server that accepts larger uploads passes its own limits.
    public static let `default` = JSONLimits()

    /// No bound on size, count or string length, for documents the program trusts, such as its
    /// own export files or a recording of landmarks tens of megabytes long.
    ///
    /// Nesting still stops at 256 levels, the depth the parser has always allowed: it recurses
    /// once per level, and a deeper document would overflow the stack rather than throw.
    public static let unlimited = JSONLimits(
        maximumDocumentSize: .max, maximumDepth: 256, maximumMembersPerObject: .max,
        maximumElementsPerArray: .max, maximumStringLength: .max)
}

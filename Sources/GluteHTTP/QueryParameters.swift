/// The decoded `name=value` pairs of a request's query string, in order.
///
/// `+` reads as a space and `%HH` sequences are decoded (the `application/x-www-form-urlencoded`
/// rules browsers use for query strings). A name may repeat; the subscript reads the first.
///
/// ```swift
/// // GET /api/sessions?from=2026-01-01&tag=a&tag=b
/// request.query["from"]          // "2026-01-01"
/// request.query.values(for: "tag")  // ["a", "b"]
/// ```
public struct QueryParameters: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// One pair.
    public typealias Parameter = (name: String, value: String)

    private var parameters: [Parameter]

    /// Creates parameters from decoded pairs.
    public init(_ parameters: [Parameter] = []) { self.parameters = parameters }

    /// Creates parameters from a literal, in order.
    public init(dictionaryLiteral elements: (String, String)...) {
        parameters = elements.map { (name: $0.0, value: $0.1) }
    }

    /// Parses a raw query string (the part after `?`, without it).
    public init(parsing query: Substring) {
        parameters = []
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decodeComponent(parts[0])
            let value = parts.count > 1 ? Self.decodeComponent(parts[1]) : ""
            parameters.append((name: name, value: value))
        }
    }

    /// Decodes one raw component: `+` is a space, then `%HH` sequences.
    static func decodeComponent(_ raw: Substring) -> String {
        guard raw.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else {
            return String(raw)
        }
        let spaced = String(raw).replacing("+", with: " ")
        return PercentDecoding.decodeLeniently(Substring(spaced))
    }

    /// The number of pairs.
    public var count: Int { parameters.count }

    /// Whether there are no pairs.
    public var isEmpty: Bool { parameters.isEmpty }

    /// The first value for `name`, or `nil`.
    public subscript(name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    /// Every value for `name`, in order.
    public func values(for name: String) -> [String] {
        parameters.filter { $0.name == name }.map(\.value)
    }

    /// Appends a pair.
    public mutating func append(_ name: String, _ value: String) {
        parameters.append((name: name, value: value))
    }

    /// Iterates over the pairs in order.
    public func makeIterator() -> IndexingIterator<[Parameter]> { parameters.makeIterator() }

    /// Whether both hold the same pairs in the same order.
    public static func == (lhs: QueryParameters, rhs: QueryParameters) -> Bool {
        lhs.parameters.count == rhs.parameters.count
            && zip(lhs.parameters, rhs.parameters).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}

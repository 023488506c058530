/// The cookies of a request, parsed from its `Cookie` header fields (RFC 6265, section 5.4).
///
/// Pairs are split at `;`, names and values trimmed, and surrounding double quotes removed from a
/// value; pairs without `=` are skipped. When a name repeats, the subscript returns the first,
/// which browsers send for the most specific path.
///
/// ```swift
/// // Cookie: session=abc; csrf=xyz
/// request.cookies["session"]  // "abc"
/// ```
public struct RequestCookies: Sendable, Equatable, Sequence {
    /// One cookie.
    public typealias Cookie = (name: String, value: String)

    private var cookies: [Cookie] = []

    /// Parses the values of one or more `Cookie` fields.
    public init(_ headerValues: [String]) {
        for header in headerValues {
            for pair in header.split(separator: ";") {
                guard let equals = pair.firstIndex(of: "=") else { continue }
                let name = pair[..<equals].trimmingSpaces
                var value = pair[pair.index(after: equals)...].trimmingSpaces
                if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
                guard !name.isEmpty else { continue }
                cookies.append((name: String(name), value: String(value)))
            }
        }
    }

    /// Parses one `Cookie` field value.
    public init(header: String) { self.init([header]) }

    /// The value of the first cookie called `name`, or `nil`.
    public subscript(name: String) -> String? { cookies.first { $0.name == name }?.value }

    /// The number of cookies.
    public var count: Int { cookies.count }

    /// Iterates over the cookies in order.
    public func makeIterator() -> IndexingIterator<[Cookie]> { cookies.makeIterator() }

    /// Whether both hold the same cookies in the same order.
    public static func == (lhs: RequestCookies, rhs: RequestCookies) -> Bool {
        lhs.cookies.count == rhs.cookies.count
            && zip(lhs.cookies, rhs.cookies).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}

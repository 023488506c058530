/// The header fields of a request or response, in order, with names compared case-insensitively.
///
/// A name may appear more than once (`Set-Cookie`); the subscript reads the first value and
/// ``values(for:)`` all of them. Lookup is a linear scan: a request carries a dozen fields, and an
/// array keeps their order and costs one allocation.
///
/// ```swift
/// var headers: HTTPHeaders = ["Content-Type": "text/plain"]
/// headers["content-type"]          // "text/plain"
/// headers.add("Set-Cookie", "a=1")
/// ```
public struct HTTPHeaders: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// One field: its name as written and its value.
    public typealias Field = (name: String, value: String)

    private var fields: [Field]

    /// Creates headers from fields, in order.
    public init(_ fields: [Field] = []) { self.fields = fields }

    /// Creates headers from a literal, in order.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { (name: $0.0, value: $0.1) }
    }

    /// The number of fields.
    public var count: Int { fields.count }

    /// Whether there are no fields.
    public var isEmpty: Bool { fields.isEmpty }

    /// The first value for `name`, or `nil`.
    ///
    /// Setting replaces every field of that name with one field (or removes them for `nil`).
    public subscript(name: String) -> String? {
        get {
            for field in fields where Self.namesMatch(field.name, name) { return field.value }
            return nil
        }
        set {
            let position = fields.firstIndex { Self.namesMatch($0.name, name) }
            if position != nil { fields.removeAll { Self.namesMatch($0.name, name) } }
            guard let newValue else { return }
            fields.insert((name: name, value: newValue), at: Swift.min(position ?? fields.count, fields.count))
        }
    }

    /// Every value for `name`, in order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.namesMatch($0.name, name) }.map(\.value)
    }

    /// Whether a field called `name` is present.
    public func contains(_ name: String) -> Bool {
        fields.contains { Self.namesMatch($0.name, name) }
    }

    /// Appends a field, keeping any others of the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append((name: name, value: value))
    }

    /// Removes every field called `name`.
    public mutating func remove(_ name: String) {
        fields.removeAll { Self.namesMatch($0.name, name) }
    }

    /// Iterates over the fields in order.
    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }

    /// Whether both hold the same fields in the same order (names compared case-insensitively).
    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { namesMatch($0.name, $1.name) && $0.value == $1.value }
    }

    /// Compares two names with ASCII case folding, without building lowercased copies.
    static func namesMatch(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        var left = lhs.utf8.makeIterator()
        var right = rhs.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case (let a?, let b?):
                if a != b && asciiLowercased(a) != asciiLowercased(b) { return false }
            default: return false
            }
        }
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }
}

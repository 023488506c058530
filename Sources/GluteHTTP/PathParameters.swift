/// The values captured by a route's `{name}` segments, percent-decoded.
///
/// ```swift
/// // route "/api/clients/{id}/notes", request "/api/clients/c%2D7/notes"
/// context.parameters["id"]                 // "c-7"
/// let id = try context.parameters.require("id")
/// let week = try context.parameters.require("week", as: Int.self)
/// ```
public struct PathParameters: Sendable, Equatable, Sequence {
    /// One captured value.
    public typealias Parameter = (name: String, value: String)

    private var parameters: [Parameter] = []

    /// Creates empty parameters.
    public init() {}

    /// Creates parameters from pairs.
    public init(_ parameters: [Parameter]) { self.parameters = parameters }

    /// The value captured for `name`, or `nil`.
    public subscript(name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    /// The value for `name`.
    ///
    /// - Throws: ``HTTPError`` 400 naming the parameter when the route has none of that name.
    public func require(_ name: String) throws(HTTPError) -> String {
        guard let value = self[name] else {
            throw HTTPError(.badRequest, message: "missing path parameter", field: name)
        }
        return value
    }

    /// The value for `name` converted with `LosslessStringConvertible` (`Int`, `UUID`-like types).
    ///
    /// - Throws: ``HTTPError`` 400 naming the parameter when it is missing or does not convert.
    public func require<Value: LosslessStringConvertible>(_ name: String, as type: Value.Type) throws(HTTPError)
        -> Value
    {
        guard let value = Value(try require(name)) else {
            throw HTTPError(.badRequest, message: "invalid path parameter", field: name)
        }
        return value
    }

    /// The number of parameters.
    public var count: Int { parameters.count }

    mutating func append(_ name: String, _ value: String) { parameters.append((name: name, value: value)) }

    /// Iterates over the parameters in route order.
    public func makeIterator() -> IndexingIterator<[Parameter]> { parameters.makeIterator() }

    /// Whether both hold the same pairs in the same order.
    public static func == (lhs: PathParameters, rhs: PathParameters) -> Bool {
        lhs.parameters.count == rhs.parameters.count
            && zip(lhs.parameters, rhs.parameters).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}

import GluteCore
import GluteJSON

/// Edits a JSON document by path, to break one field at a time.
struct JSONValueEditor {
    var value: JSONValue

    init(_ text: String) {
        value = (try? JSONValue.parse(text)) ?? .null
    }

    var text: String { value.serialized(.compact) }

    /// A path step: an object key or an array index.
    enum Step: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case key(String)
        case index(Int)
        init(stringLiteral value: String) { self = .key(value) }
        init(integerLiteral value: Int) { self = .index(value) }
    }

    mutating func set(_ path: [Step], to newValue: JSONValue) {
        value = Self.update(value, path[...]) { _ in newValue }
    }

    mutating func remove(_ path: [Step]) {
        guard case .key(let key)? = path.last else { return }
        value = Self.update(value, path.dropLast()[...]) { container in
            guard case .object(var object) = container else { return container }
            object[key] = nil
            return .object(object)
        }
    }

    mutating func removeLast(_ path: [Step]) {
        value = Self.update(value, path[...]) { container in
            guard case .array(var elements) = container else { return container }
            elements.removeLast()
            return .array(elements)
        }
    }

    static func update(_ value: JSONValue, _ path: ArraySlice<Step>, _ change: (JSONValue) -> JSONValue) -> JSONValue {
        guard let step = path.first else { return change(value) }
        switch (step, value) {
        case (.key(let key), .object(var object)):
            object[key] = update(object[key] ?? .null, path.dropFirst(), change)
            return .object(object)
        case (.index(let index), .array(var elements)):
            elements[index] = update(elements[index], path.dropFirst(), change)
            return .array(elements)
        default:
            return value
        }
    }
}

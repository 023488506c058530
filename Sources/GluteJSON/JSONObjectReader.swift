/// Reads the members of one JSON object strictly: each accessor checks the type and range of a
/// member and throws a ``FieldError`` that names its full path.
///
/// Creating a reader rejects members that are not in `allowedKeys`, so unknown fields are errors.
///
/// ```swift
/// let reader = try JSONObjectReader(value, path: "profile", allowedKeys: ["age"])
/// let age = try reader.requiredInt("age", in: 14...100)
/// ```
public struct JSONObjectReader: Sendable {
    /// The object being read.
    public let object: JSONObject
    /// The path of the object itself ("" for the document root).
    public let path: String

    /// Checks that `value` is an object holding only `allowedKeys`.
    public init(_ value: JSONValue, path: String, allowedKeys: [String]) throws(FieldError) {
        guard case .object(let object) = value else {
            throw FieldError(
                field: path.isEmpty ? FieldError.documentField : path,
                message: "must be an object, not \(value.typeDescription)")
        }
        // Documents usually list keys in the order they are allowed: look at the next expected
        // key first, and search the whole list only when it is not that one.
        var next = 0
        for member in object.members {
            if next < allowedKeys.count, allowedKeys[next] == member.key {
                next += 1
            } else if let found = allowedKeys.firstIndex(of: member.key) {
                next = found + 1
            } else {
                throw FieldError(field: Self.join(path, FieldError.escaped(member.key)), message: "unknown field")
            }
        }
        self.object = object
        self.path = path
    }

    /// The path of member `key`.
    public func field(_ key: String) -> String { Self.join(path, key) }

    /// The path of member `key` inside the object at `path`.
    public static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The member `key`; `null` counts as absent.
    public func value(_ key: String) -> JSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    /// The member `key`, which must be present.
    public func required(_ key: String) throws(FieldError) -> JSONValue {
        guard let value = value(key) else { throw FieldError(field: field(key), message: "is required") }
        return value
    }

    /// A required integer within `range`.
    public func requiredInt(_ key: String, in range: ClosedRange<Int>) throws(FieldError) -> Int {
        try Self.int(try required(key), field: field(key), in: range)
    }

    /// An optional integer within `range`.
    public func int(_ key: String, in range: ClosedRange<Int>) throws(FieldError) -> Int? {
        guard let value = value(key) else { return nil }
        return try Self.int(value, field: field(key), in: range)
    }

    /// A required number within `range`.
    public func requiredNumber(_ key: String, in range: ClosedRange<Double>) throws(FieldError) -> Double {
        try Self.number(try required(key), field: field(key), in: range)
    }

    /// An optional number within `range`.
    public func number(_ key: String, in range: ClosedRange<Double>) throws(FieldError) -> Double? {
        guard let value = value(key) else { return nil }
        return try Self.number(value, field: field(key), in: range)
    }

    /// A required boolean.
    public func requiredBool(_ key: String) throws(FieldError) -> Bool {
        try Self.bool(try required(key), field: field(key))
    }

    /// An optional boolean.
    public func bool(_ key: String) throws(FieldError) -> Bool? {
        guard let value = value(key) else { return nil }
        return try Self.bool(value, field: field(key))
    }

    /// A required string.
    public func requiredString(_ key: String) throws(FieldError) -> String {
        try Self.string(try required(key), field: field(key))
    }

    /// An optional string.
    public func string(_ key: String) throws(FieldError) -> String? {
        guard let value = value(key) else { return nil }
        return try Self.string(value, field: field(key))
    }

    /// A required member whose string must be one of the raw values of `T`.
    public func requiredEnum<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type = T.self)
        throws(FieldError) -> T where T.RawValue == String
    {
        try Self.enumValue(try required(key), field: field(key))
    }

    /// An optional member whose string must be one of the raw values of `T`.
    public func enumValue<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type = T.self)
        throws(FieldError) -> T? where T.RawValue == String
    {
        guard let value = value(key) else { return nil }
        return try Self.enumValue(value, field: field(key))
    }

    /// A required array of distinct enum values.
    public func requiredEnumSet<T: RawRepresentable & CaseIterable & Equatable>(_ key: String, as type: T.Type = T.self)
        throws(FieldError) -> [T] where T.RawValue == String
    {
        let value = try required(key)
        guard case .array(let elements) = value else {
            throw FieldError(field: field(key), message: "must be an array, not \(value.typeDescription)")
        }
        var result: [T] = []
        for (offset, element) in elements.enumerated() {
            let item: T = try Self.enumValue(element, field: "\(field(key))[\(offset)]")
            if result.contains(item) {
                throw FieldError(
                    field: "\(field(key))[\(offset)]", message: "\(FieldError.quoted(item.rawValue)) is listed twice")
            }
            result.append(item)
        }
        return result
    }

    /// A required nested object, read with its own allowed keys.
    public func requiredObject(_ key: String, allowedKeys: [String]) throws(FieldError) -> JSONObjectReader {
        try JSONObjectReader(try required(key), path: field(key), allowedKeys: allowedKeys)
    }

    /// An optional nested object, read with its own allowed keys.
    public func object(_ key: String, allowedKeys: [String]) throws(FieldError) -> JSONObjectReader? {
        guard let value = value(key) else { return nil }
        return try JSONObjectReader(value, path: field(key), allowedKeys: allowedKeys)
    }

    // MARK: Conversions shared by the accessors

    /// A whole number within `range`, or an error naming `field`.
    public static func int(_ value: JSONValue, field: @autoclosure () -> String, in range: ClosedRange<Int>)
        throws(FieldError)
        -> Int
    {
        guard case .number(let number) = value else {
            throw FieldError(field: field(), message: "must be a whole number, not \(value.typeDescription)")
        }
        guard number.rounded() == number, abs(number) < 1e15 else {
            throw FieldError(field: field(), message: "must be a whole number")
        }
        let integer = Int(number)
        guard range.contains(integer) else {
            throw FieldError(field: field(), message: "must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return integer
    }

    /// A number within `range`, or an error naming `field`.
    public static func number(_ value: JSONValue, field: @autoclosure () -> String, in range: ClosedRange<Double>)
        throws(FieldError) -> Double
    {
        guard case .number(let number) = value else {
            throw FieldError(field: field(), message: "must be a number, not \(value.typeDescription)")
        }
        guard range.contains(number) else {
            throw FieldError(
                field: field(),
                message:
                    "must be between \(JSONValue.format(range.lowerBound)) and \(JSONValue.format(range.upperBound))")
        }
        return number
    }

    /// A boolean, or an error naming `field`.
    public static func bool(_ value: JSONValue, field: @autoclosure () -> String) throws(FieldError) -> Bool {
        guard case .bool(let flag) = value else {
            throw FieldError(field: field(), message: "must be true or false, not \(value.typeDescription)")
        }
        return flag
    }

    /// A string, or an error naming `field`.
    public static func string(_ value: JSONValue, field: @autoclosure () -> String) throws(FieldError) -> String {
        guard case .string(let text) = value else {
            throw FieldError(field: field(), message: "must be a string, not \(value.typeDescription)")
        }
        return text
    }

    /// One of the raw values of `T`, or an error naming `field` that lists them.
    public static func enumValue<T: RawRepresentable & CaseIterable>(
        _ value: JSONValue, field: @autoclosure () -> String
    )
        throws(FieldError) -> T where T.RawValue == String
    {
        var allowed: String { T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") }
        guard case .string(let text) = value else {
            throw FieldError(field: field(), message: "must be one of \(allowed), not \(value.typeDescription)")
        }
        guard let result = T(rawValue: text) else {
            throw FieldError(field: field(), message: "must be one of \(allowed), not \(FieldError.quoted(text))")
        }
        return result
    }
}

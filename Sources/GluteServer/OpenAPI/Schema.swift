public import GluteJSON

/// Small builders for the JSON Schemas (2020-12, as OpenAPI 3.1 uses) that operations declare.
public enum Schema {
    /// Any JSON object.
    public static let anyObject: JSONValue = .object(["type": "object"])
    /// A string.
    public static let string: JSONValue = .object(["type": "string"])
    /// An integer.
    public static let integer: JSONValue = .object(["type": "integer"])
    /// A number.
    public static let number: JSONValue = .object(["type": "number"])
    /// A boolean.
    public static let boolean: JSONValue = .object(["type": "boolean"])
    /// Plain text (a body that is not JSON).
    public static let text: JSONValue = .object(["type": "string"])

    /// An object with these properties, in order; only `required` must be present and, unless
    /// `additional`, no other member is allowed.
    public static func object(
        _ properties: KeyValuePairs<String, JSONValue>, required: [String] = [], additional: Bool = false
    ) -> JSONValue {
        var object: JSONObject = ["type": "object"]
        object["properties"] = .object(JSONObject(properties.map { (key: $0.key, value: $0.value) }))
        if !required.isEmpty { object["required"] = .strings(required) }
        if !additional { object["additionalProperties"] = false }
        return .object(object)
    }

    /// An object that must have `required` members and may have others (a response).
    public static func having(_ required: [String]) -> JSONValue {
        .object(["type": "object", "required": .strings(required)])
    }

    /// An array of `items`.
    public static func array(_ items: JSONValue) -> JSONValue { .object(["type": "array", "items": items]) }

    /// A string of one of `values`.
    public static func oneOf(_ values: [String]) -> JSONValue { .object(["type": "string", "enum": .strings(values)]) }

    /// An integer in `range`.
    public static func integer(_ range: ClosedRange<Int>) -> JSONValue {
        .object(["type": "integer", "minimum": .int(range.lowerBound), "maximum": .int(range.upperBound)])
    }

    /// A string of `length` characters.
    public static func string(length: ClosedRange<Int>) -> JSONValue {
        .object(["type": "string", "minLength": .int(length.lowerBound), "maxLength": .int(length.upperBound)])
    }

    /// `schema` or null.
    public static func nullable(_ schema: JSONValue) -> JSONValue {
        .object(["anyOf": [schema, .object(["type": "null"])]])
    }

    /// A reference to a shared schema of the document.
    public static func ref(_ name: String) -> JSONValue { .object(["$ref": .string("#/components/schemas/\(name)")]) }
}

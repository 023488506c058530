extension JSONValue {
    /// Parses a complete JSON text (RFC 8259) within the ``JSONLimits/default`` limits.
    ///
    /// Duplicate keys in one object are an error, and so is any byte sequence that is not
    /// well-formed UTF-8 (RFC 3629), inside a string or anywhere else: nothing is replaced with
    /// U+FFFD. `\u` escapes must pair their surrogates. A leading byte order mark is skipped.
    ///
    /// ```swift
    /// let value = try JSONValue.parse(#"{"reps": 12}"#)
    /// ```
    ///
    /// - Throws: ``JSONSyntaxError`` naming the line, column and byte offset of the first problem.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(text, limits: .default)
    }

    /// Parses a complete JSON text (RFC 8259) within `limits`.
    ///
    /// The text's UTF-8 is read in place, without a copy.
    ///
    /// ```swift
    /// let value = try JSONValue.parse(body, limits: JSONLimits(maximumDepth: 8))
    /// ```
    ///
    /// - Parameters:
    ///   - text: The JSON text.
    ///   - limits: The bounds on size, nesting, counts and string length.
    /// - Throws: ``JSONSyntaxError`` naming the line, column and byte offset of the first problem;
    ///   its code is ``JSONSyntaxError/Code/limitExceeded`` when the text goes past `limits`.
    public static func parse(_ text: String, limits: JSONLimits) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        let result: Result<JSONValue, JSONSyntaxError> = text.withUTF8 { buffer in
            Result { () throws(JSONSyntaxError) in try parse(buffer, limits: limits) }
        }
        return try result.get()
    }

    /// Parses a complete JSON text from UTF-8 bytes within the ``JSONLimits/default`` limits.
    ///
    /// The bytes are checked to be well-formed UTF-8.
    ///
    /// - Throws: ``JSONSyntaxError`` naming the line, column and byte offset of the first problem.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try parse(bytes, limits: .default)
    }

    /// Parses a complete JSON text from UTF-8 bytes within `limits`.
    ///
    /// - Parameters:
    ///   - bytes: The JSON text in UTF-8, which is checked to be well formed.
    ///   - limits: The bounds on size, nesting, counts and string length.
    /// - Throws: ``JSONSyntaxError`` naming the line, column and byte offset of the first problem.
    public static func parse(_ bytes: [UInt8], limits: JSONLimits) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) in try parse(buffer, limits: limits) }
        }
        return try result.get()
    }

    /// Parses a complete JSON text from a UTF-8 buffer within the ``JSONLimits/default`` limits.
    ///
    /// - Throws: ``JSONSyntaxError`` naming the line, column and byte offset (from the start of
    ///   the buffer) of the first problem.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        try parse(bytes, limits: .default)
    }

    /// Parses a complete JSON text from a UTF-8 buffer within `limits`.
    ///
    /// - Parameters:
    ///   - bytes: The JSON text in UTF-8, which is checked to be well formed.
    ///   - limits: The bounds on size, nesting, counts and string length.
    /// - Throws: ``JSONSyntaxError`` naming the line, column and byte offset (from the start of
    ///   the buffer) of the first problem.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits) throws(JSONSyntaxError)
        -> JSONValue
    {
        var parser = JSONParser(bytes: bytes, limits: limits)
        return try parser.parseDocument()
    }
}

/// A recursive-descent parser over UTF-8 bytes.
///
/// Outside strings the grammar admits only ASCII, so a byte of 0x80 or more can be well-formed
/// only inside a string: ``parseString()`` checks each multi-byte sequence as it goes, and an
/// error raised elsewhere at such a byte reports it as invalid UTF-8 when it is. A document that
/// parses is therefore well-formed UTF-8 throughout, and `String(decoding:as:)` never has
/// anything to repair.
struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let limits: JSONLimits
    private var index = 0
    private var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if bytes.count > limits.maximumDocumentSize {
            throw failure(
                .limitExceeded, "document is larger than \(limits.maximumDocumentSize) bytes",
                at: max(limits.maximumDocumentSize, 0))
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count { throw error("unexpected text after the end of the document") }
        return value
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("expected a value")
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > limits.maximumDepth {
            throw failure(.limitExceeded, "nested deeper than \(limits.maximumDepth) levels", at: index)
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        // Keys are compared one by one while the object is small; past the threshold, each key's
        // hash finds a duplicate at once, so a huge object costs linear time, not quadratic.
        var positions: [String: Int]?
        skipWhitespace()
        if consume(UInt8(ascii: "}")) {
            depth -= 1
            return .object(JSONObject(uniqueMembers: members, positions: nil))
        }
        // Room for 4 members saves regrowing small objects without making tiny ones costly: a
        // document of one-member objects takes 26 times its size in memory with 4, 46 with 8.
        members.reserveCapacity(4)
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a key in quotes")
            }
            let keyStart = index
            let key = try parseString()
            if members.count >= limits.maximumMembersPerObject {
                throw failure(
                    .limitExceeded, "more than \(limits.maximumMembersPerObject) members in one object", at: keyStart)
            }
            if isDuplicate(key, among: members, positions: &positions) {
                index = keyStart
                throw error("duplicate key \(FieldError.quoted(key))")
            }
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw error("expected ':' after a key") }
            skipWhitespace()
            members.append((key: key, value: try parseValue()))
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "}")) { break }
            throw error("expected ',' or '}'")
        }
        depth -= 1
        return .object(JSONObject(uniqueMembers: members, positions: positions))
    }

    /// Whether `key` is already one of `members`, recording it in `positions` (at the position it
    /// will take) once the object has grown past ``JSONObject/indexThreshold`` members.
    private func isDuplicate(
        _ key: String, among members: [(key: String, value: JSONValue)], positions: inout [String: Int]?
    ) -> Bool {
        if positions == nil {
            if members.count < JSONObject.indexThreshold { return members.contains { $0.key == key } }
            var index = [String: Int](minimumCapacity: 2 * JSONObject.indexThreshold)
            for (position, member) in members.enumerated() { index[member.key] = position }
            positions = index
        }
        return positions?.updateValue(members.count, forKey: key) != nil
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { depth -= 1; return .array(elements) }
        while true {
            skipWhitespace()
            let elementStart = index
            let element = try parseValue()
            if elements.count >= limits.maximumElementsPerArray {
                throw failure(
                    .limitExceeded, "more than \(limits.maximumElementsPerArray) elements in one array",
                    at: elementStart)
            }
            elements.append(element)
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "]")) { break }
            throw error("expected ',' or ']'")
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        let quote = index
        index += 1
        let start = index
        // Fast path: no escapes. One comparison sets aside the bytes that are neither a control
        // character (below 0x20) nor the first of a multi-byte sequence (0x80 and above).
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if index - start > limits.maximumStringLength { throw stringTooLong(at: quote) }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte &- 0x20 >= 0x60 {
                if byte < 0x20 { throw error("control character in a string") }
                index = try endOfUTF8Sequence(at: index)
                continue
            }
            index += 1
        }
        var utf8 = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                if utf8.count > limits.maximumStringLength { throw stringTooLong(at: quote) }
                index += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                try appendEscape(to: &utf8)
            case 0..<0x20:
                throw error("control character in a string")
            case 0x80...:
                let end = try endOfUTF8Sequence(at: index)
                utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
            default:
                utf8.append(byte)
                index += 1
            }
        }
        throw error("unterminated string")
    }

    private func stringTooLong(at quote: Int) -> JSONSyntaxError {
        failure(.limitExceeded, "string longer than \(limits.maximumStringLength) bytes", at: quote)
    }

    /// The index just past the well-formed UTF-8 sequence at `start`, whose first byte is 0x80
    /// or more.
    private func endOfUTF8Sequence(at start: Int) throws(JSONSyntaxError) -> Int {
        do {
            return try UTF8Validation.endOfSequence(in: bytes, at: start)
        } catch {
            throw failure(.invalidUTF8, error.reason, at: start)
        }
    }

    /// Appends the character of the escape after a backslash; `index` is just past the backslash.
    private mutating func appendEscape(to output: inout [UInt8]) throws(JSONSyntaxError) {
        guard index < bytes.count else { throw error("unterminated escape") }
        let escapeStart = index - 1
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): output.append(byte)
        case UInt8(ascii: "\\"): output.append(byte)
        case UInt8(ascii: "/"): output.append(byte)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var code = try parseHex4()
            if (0xD800..<0xDC00).contains(code) {
                guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")) else {
                    throw error("unpaired surrogate in a \\u escape", at: escapeStart)
                }
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else {
                    throw error("unpaired surrogate in a \\u escape", at: escapeStart)
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(code) {
                throw error("unpaired surrogate in a \\u escape", at: escapeStart)
            }
            // Every value left is a scalar: surrogates are paired above, and a pair or four hex
            // digits cannot go past U+10FFFF.
            guard let scalar = Unicode.Scalar(code) else { throw error("invalid unicode escape", at: escapeStart) }
            UTF8.encode(scalar) { output.append($0) }
        default:
            index -= 1
            throw error("invalid escape")
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("short unicode escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in unicode escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let start = index
        _ = consume(UInt8(ascii: "-"))
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("expected a digit") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("leading zero in a number") }
        } else {
            skipDigits()
        }
        var isInteger = true
        if consume(UInt8(ascii: ".")) {
            isInteger = false
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("expected a digit after '.'") }
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("expected a digit in the exponent") }
            skipDigits()
        }
        let digits = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if isInteger, digits.count <= 15 {
            var value = 0
            var negative = false
            for byte in digits {
                if byte == UInt8(ascii: "-") { negative = true } else { value = value * 10 + Int(byte - 48) }
            }
            return Double(negative ? -value : value)
        }
        guard let value = Double(String(decoding: digits, as: UTF8.self)), value.isFinite else {
            index = start
            throw error("number out of range")
        }
        return value
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    /// Consumes `literal` (`true`, `false` or `null`), whose first byte has been seen.
    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error("expected a value") }
        let expected = literal.utf8Start
        for offset in 1..<count where bytes[index + offset] != expected[offset] {
            throw error("expected a value")
        }
        index += count
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// A syntax error at `offset`, the current index unless given.
    ///
    /// When the byte there starts an ill-formed UTF-8 sequence, the error is that instead: it is
    /// the more useful report, and the only true one when the byte would have been valid JSON
    /// text inside a string.
    private func error(_ reason: String, at offset: Int? = nil) -> JSONSyntaxError {
        let offset = offset ?? index
        if offset < bytes.count, bytes[offset] >= 0x80 {
            do { _ = try UTF8Validation.endOfSequence(in: bytes, at: offset) } catch {
                return failure(.invalidUTF8, error.reason, at: offset)
            }
        }
        return failure(.invalidSyntax, reason, at: offset)
    }

    /// An error of kind `code` at byte `offset`, with its line and column.
    private func failure(_ code: JSONSyntaxError.Code, _ reason: String, at offset: Int) -> JSONSyntaxError {
        let offset = min(offset, bytes.count)
        var line = 1
        var column = 1
        for byte in UnsafeBufferPointer(rebasing: bytes[0..<offset]) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return JSONSyntaxError(line: line, column: column, byteOffset: offset, code: code, reason: reason)
    }
}

internal import GluteJSON

/// Splits a JSON landmark document into its top-level members, and the `frames` array into one
/// byte range per frame, without building the document's tree.
///
/// A recording of some minutes holds tens of thousands of frames; parsed whole, its tree takes
/// several times the file's size. The scanner only checks the document's outline (objects,
/// arrays, strings and separators); each piece is then parsed on its own by
/// ``JSONValue/parse(_:)-(UnsafeBufferPointer<UInt8>)``, which validates it fully, and its syntax
/// errors are moved back to the line and column of the whole document.
struct LandmarkDocumentScanner {
    let bytes: UnsafeBufferPointer<UInt8>

    /// The top-level members: key and the byte range of the value.
    func members() throws(FieldError) -> [(key: String, range: Range<Int>)] {
        var index = skipWhitespace(from: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else {
            throw syntax(at: index, index < bytes.count ? "expected an object" : "unexpected end of input")
        }
        index = skipWhitespace(from: index + 1)
        var members: [(key: String, range: Range<Int>)] = []
        var keys = Set<String>()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            return try finishDocument(after: index + 1, members)
        }
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw syntax(at: index, "expected a key")
            }
            let keyEnd = try endOfString(from: index)
            let key = try parse(index..<keyEnd).stringValue ?? ""
            if !keys.insert(key).inserted { throw syntax(at: index, "duplicate key \(FieldError.quoted(key))") }
            index = skipWhitespace(from: keyEnd)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw syntax(at: index, "expected ':'")
            }
            let valueStart = skipWhitespace(from: index + 1)
            let valueEnd = try endOfValue(from: valueStart)
            members.append((key, valueStart..<valueEnd))
            index = skipWhitespace(from: valueEnd)
            guard index < bytes.count else { throw syntax(at: index, "unexpected end of input") }
            if bytes[index] == UInt8(ascii: "}") { return try finishDocument(after: index + 1, members) }
            guard bytes[index] == UInt8(ascii: ",") else { throw syntax(at: index, "expected ',' or '}'") }
            index = skipWhitespace(from: index + 1)
        }
    }

    /// The byte ranges of the elements of the array at `range`.
    func elements(of range: Range<Int>) throws(FieldError) -> [Range<Int>] {
        var index = skipWhitespace(from: range.lowerBound + 1)
        var elements: [Range<Int>] = []
        if index < range.upperBound, bytes[index] == UInt8(ascii: "]") { return elements }
        while true {
            let end = try endOfValue(from: index)
            elements.append(index..<end)
            index = skipWhitespace(from: end)
            guard index < range.upperBound else { throw syntax(at: index, "unexpected end of input") }
            if bytes[index] == UInt8(ascii: "]") { return elements }
            guard bytes[index] == UInt8(ascii: ",") else { throw syntax(at: index, "expected ',' or ']'") }
            index = skipWhitespace(from: index + 1)
        }
    }

    /// Parses the value at `range`, reporting syntax errors at their place in the whole document.
    func parse(_ range: Range<Int>) throws(FieldError) -> JSONValue {
        do {
            return try JSONValue.parse(UnsafeBufferPointer(rebasing: bytes[range]))
        } catch {
            let start = position(of: range.lowerBound)
            let line = start.line + error.line - 1
            let column = error.line == 1 ? start.column + error.column - 1 : error.column
            let offset = error.byteOffset.map { range.lowerBound + $0 }
            throw FieldError.syntax(
                JSONSyntaxError(line: line, column: column, byteOffset: offset, code: error.code, reason: error.reason))
        }
    }

    private func finishDocument(after index: Int, _ members: [(key: String, range: Range<Int>)])
        throws(FieldError) -> [(key: String, range: Range<Int>)]
    {
        let end = skipWhitespace(from: index)
        if end < bytes.count { throw syntax(at: end, "unexpected text after the end of the document") }
        return members
    }

    /// The index just past the value starting at `start`: a string, a bracketed value, or a
    /// literal or number running to the next separator.
    private func endOfValue(from start: Int) throws(FieldError) -> Int {
        guard start < bytes.count else { throw syntax(at: start, "unexpected end of input") }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return try endOfString(from: start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""): index = try endOfString(from: index) - 1
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default: break
                }
                index += 1
            }
            throw syntax(at: index, "unexpected end of input")
        default:
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return index
                default: index += 1
                }
            }
            return index
        }
    }

    /// The index just past the closing quote of the string starting at `start`.
    private func endOfString(from start: Int) throws(FieldError) -> Int {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        throw syntax(at: min(index, bytes.count), "unterminated string")
    }

    private func skipWhitespace(from start: Int) -> Int {
        var index = start
        while index < bytes.count,
            bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D
                || bytes[index] == 0x09
        { index += 1 }
        return index
    }

    private func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes[0..<min(offset, bytes.count)] {
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    private func syntax(at offset: Int, _ reason: String) -> FieldError {
        let place = position(of: offset)
        return FieldError.syntax(
            JSONSyntaxError(
                line: place.line, column: place.column, byteOffset: min(offset, bytes.count), reason: reason))
    }
}

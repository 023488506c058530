extension JSONValue {
    /// The layout of written JSON.
    public enum Layout: Sendable {
        /// One line, no spaces.
        case compact
        /// Two-space indentation, one member per line.
        case pretty
    }

    /// Writes this value as JSON text.
    ///
    /// The same value always gives the same bytes: members keep
    /// their order, integers print without a fraction, other numbers in their shortest exact form.
    public func serialized(_ layout: Layout = .pretty) -> String {
        var writer = ByteWriter(layout: layout)
        writer.write(self, indent: 0)
        if layout == .pretty { writer.bytes.append(0x0A) }
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Writes UTF-8 bytes into one growing buffer: a byte array appends faster than a string.
    private struct ByteWriter {
        let layout: Layout
        var bytes: [UInt8] = []

        init(layout: Layout) {
            self.layout = layout
            bytes.reserveCapacity(1024)
        }

        mutating func write(_ value: JSONValue, indent: Int) {
            switch value {
            case .null: append("null")
            case .bool(let flag): append(flag ? "true" : "false")
            case .number(let number): writeNumber(number)
            case .string(let text): writeString(text)
            case .array(let elements):
                if elements.isEmpty { return append("[]") }
                if layout == .pretty, elements.count <= 12, elements.allSatisfy(\.isScalar) {
                    bytes.append(UInt8(ascii: "["))
                    for (offset, element) in elements.enumerated() {
                        if offset > 0 { append(", ") }
                        write(element, indent: indent)
                    }
                    bytes.append(UInt8(ascii: "]"))
                    return
                }
                bytes.append(UInt8(ascii: "["))
                for (offset, element) in elements.enumerated() {
                    if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                    newline(indent + 1)
                    write(element, indent: indent + 1)
                }
                newline(indent)
                bytes.append(UInt8(ascii: "]"))
            case .object(let object):
                if object.members.isEmpty { return append("{}") }
                bytes.append(UInt8(ascii: "{"))
                for (offset, member) in object.members.enumerated() {
                    if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                    newline(indent + 1)
                    writeString(member.key)
                    if layout == .pretty { append(": ") } else { bytes.append(UInt8(ascii: ":")) }
                    write(member.value, indent: indent + 1)
                }
                newline(indent)
                bytes.append(UInt8(ascii: "}"))
            }
        }

        mutating func append(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        mutating func newline(_ indent: Int) {
            guard layout == .pretty else { return }
            bytes.append(0x0A)
            for _ in 0..<indent { bytes.append(0x20); bytes.append(0x20) }
        }

        /// Integers below 2^53 digit by digit; other numbers in Swift's shortest round-trip form.
        mutating func writeNumber(_ value: Double) {
            guard value.rounded() == value, abs(value) < 9_007_199_254_740_992 else {
                bytes.append(contentsOf: JSONValue.format(value).utf8)
                return
            }
            var integer = Int64(value)
            if integer == 0 { return bytes.append(UInt8(ascii: "0")) }
            if integer < 0 {
                bytes.append(UInt8(ascii: "-"))
                integer = -integer
            }
            var digits: (UInt64, UInt64) = (0, 0)
            var count = 0
            withUnsafeMutableBytes(of: &digits) { buffer in
                while integer > 0 {
                    buffer[count] = UInt8(ascii: "0") + UInt8(integer % 10)
                    integer /= 10
                    count += 1
                }
                for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
            }
        }

        /// A string in quotes, escaping what JSON requires; runs that need no escape are copied at once.
        mutating func writeString(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            var text = text
            text.withUTF8 { utf8 in
                var runStart = 0
                for index in 0..<utf8.count {
                    let byte = utf8[index]
                    guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                    switch byte {
                    case UInt8(ascii: "\""): append("\\\"")
                    case UInt8(ascii: "\\"): append("\\\\")
                    case 0x0A: append("\\n")
                    case 0x0D: append("\\r")
                    case 0x09: append("\\t")
                    case 0x08: append("\\b")
                    case 0x0C: append("\\f")
                    default:
                        let hex: [UInt8] = Array("0123456789abcdef".utf8)
                        append("\\u00")
                        bytes.append(hex[Int(byte >> 4)])
                        bytes.append(hex[Int(byte & 0x0F)])
                    }
                    runStart = index + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// Formats a number: integral values below 2^53 without a fraction, others in Swift's shortest
    /// round-trip form (never locale-dependent).
    public static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 9_007_199_254_740_992 {
            return String(Int64(value))
        }
        return value.isFinite ? "\(value)" : "null"
    }
}

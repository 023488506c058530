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
        var output = ""
        output.reserveCapacity(256)
        write(to: &output, layout: layout, indent: 0)
        if layout == .pretty { output.append("\n") }
        return output
    }

    private func write(to output: inout String, layout: Layout, indent: Int) {
        switch self {
        case .null: output.append("null")
        case .bool(let value): output.append(value ? "true" : "false")
        case .number(let value): output.append(Self.format(value))
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let elements):
            if elements.isEmpty { output.append("[]"); return }
            if layout == .pretty, elements.allSatisfy(\.isScalar), elements.count <= 12 {
                output.append("[")
                for (offset, element) in elements.enumerated() {
                    if offset > 0 { output.append(", ") }
                    element.write(to: &output, layout: layout, indent: indent)
                }
                output.append("]")
                return
            }
            output.append("[")
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output.append(",") }
                newline(&output, layout, indent + 1)
                element.write(to: &output, layout: layout, indent: indent + 1)
            }
            newline(&output, layout, indent)
            output.append("]")
        case .object(let object):
            if object.members.isEmpty { output.append("{}"); return }
            output.append("{")
            for (offset, member) in object.members.enumerated() {
                if offset > 0 { output.append(",") }
                newline(&output, layout, indent + 1)
                Self.writeString(member.key, to: &output)
                output.append(layout == .pretty ? ": " : ":")
                member.value.write(to: &output, layout: layout, indent: indent + 1)
            }
            newline(&output, layout, indent)
            output.append("}")
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private func newline(_ output: inout String, _ layout: Layout, _ indent: Int) {
        guard layout == .pretty else { return }
        output.append("\n")
        output.append(String(repeating: "  ", count: indent))
    }

    /// Formats a number: integral values below 2^53 without a fraction, others in Swift's shortest
    /// round-trip form (never locale-dependent).
    public static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 9_007_199_254_740_992 {
            return String(Int64(value))
        }
        return value.isFinite ? "\(value)" : "null"
    }

    private static func writeString(_ value: String, to output: inout String) {
        output.append("\"")
        // Copy runs of bytes that need no escape in one append; escape the rest.
        let utf8 = value.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            let escape: String?
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escape = nil
            }
            if let escape {
                output.append(contentsOf: value[runStart..<index])
                output.append(escape)
                runStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output.append(contentsOf: value[runStart..<utf8.endIndex])
        output.append("\"")
    }

}

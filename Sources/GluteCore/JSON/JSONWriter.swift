extension JSONValue {
    /// The layout of written JSON.
    public enum Layout: Sendable {
        /// One line, no spaces.
        case compact
        /// Two-space indentation, one member per line.
        case pretty
    }

    /// Writes this value as JSON text. The same value always gives the same bytes: members keep
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
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case "\u{08}": output.append("\\b")
            case "\u{0C}": output.append("\\f")
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output.append("\"")
    }
}

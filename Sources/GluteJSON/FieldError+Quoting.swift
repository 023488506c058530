extension FieldError {
    /// Quotes text taken from an input for an error message, escaped so that it cannot disturb
    /// the terminal, log or page that shows the message, and cut when it is long.
    ///
    /// The text is escaped as JSON writes strings: `"` and `\`, the control characters
    /// U+0000–U+001F (as `\n`, `\t`, `\r`, `\b`, `\f` or `\u001b`), and also U+007F, the C1
    /// controls U+0080–U+009F, the line and paragraph separators U+2028 and U+2029 and the
    /// bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), which JSON
    /// would let through but which reorder or hide what a reader sees. Text of more than
    /// `maximumLength` Unicode scalars keeps its first `maximumLength` and ends in `…`; scalars are
    /// counted rather than characters, since one character can hold any number of them.
    ///
    /// Every message that repeats input, such as an unknown enum value or a duplicate key, goes
    /// through this function.
    ///
    /// ```swift
    /// FieldError.quoted("\u{1B}[31mred\n")                  // #""\u001b[31mred\n""#
    /// FieldError.quoted(String(repeating: "a", count: 100))   // #""aaa…aaa…""#: 64 a's, then …
    /// ```
    ///
    /// - Parameters:
    ///   - text: The text from the input.
    ///   - maximumLength: The most Unicode scalars of `text` to show.
    /// - Returns: The escaped text between double quotes.
    public static func quoted(_ text: some StringProtocol, maximumLength: Int = 64) -> String {
        "\"" + escaped(text, maximumLength: maximumLength) + "\""
    }

    /// The text of ``quoted(_:maximumLength:)`` without the quotes, for input that becomes part
    /// of a field path, such as an unknown key.
    static func escaped(_ text: some StringProtocol, maximumLength: Int = 64) -> String {
        var output = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == maximumLength {
                output.append("…")
                break
            }
            count += 1
            switch scalar.value {
            case 0x22: output.append("\\\"")
            case 0x5C: output.append("\\\\")
            case 0x0A: output.append("\\n")
            case 0x0D: output.append("\\r")
            case 0x09: output.append("\\t")
            case 0x08: output.append("\\b")
            case 0x0C: output.append("\\f")
            case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069:
                let hex = String(scalar.value, radix: 16)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}

import Testing

@testable import GluteJSON

/// Input repeated in an error message is escaped and cut, so that it cannot colour, reorder or
/// flood the terminal or log that shows the message.
@Suite struct MessageQuotingTests {
    enum Side: String, CaseIterable { case left, right }

    /// Scalars that must never reach a message as they are.
    static let unsafeScalars: [ClosedRange<UInt32>] = [
        0x00...0x1F, 0x7F...0x9F, 0x061C...0x061C, 0x200E...0x200F, 0x2028...0x202E, 0x2066...0x2069,
    ]

    static func isSafe(_ text: String) -> Bool {
        !text.unicodeScalars.contains { scalar in unsafeScalars.contains { $0.contains(scalar.value) } }
    }

    @Test(arguments: [
        ("abc", #""abc""#), ("\u{1B}[31mred", #""\u001b[31mred""#), ("a\nb", #""a\nb""#),
        ("\t\r\u{08}\u{0C}", #""\t\r\b\f""#), (#"say "hi" \ bye"#, #""say \"hi\" \\ bye""#),
        ("\u{0}\u{7F}\u{85}\u{9B}", #""\u0000\u007f\u0085\u009b""#), ("\u{2028}\u{2029}", #""\u2028\u2029""#),
        ("abc\u{202E}fed", #""abc\u202efed""#),
        ("\u{2066}\u{2069}\u{061C}\u{200E}\u{200F}", #""\u2066\u2069\u061c\u200e\u200f""#),
        ("é 😀 ü", #""é 😀 ü""#),
    ])
    func quotingEscapesLikeJSONAndAlsoInvisibleControls(text: String, quoted: String) {
        #expect(FieldError.quoted(text) == quoted)
    }

    @Test func everyUnsafeScalarIsEscaped() throws {
        for range in Self.unsafeScalars {
            for value in range {
                let scalar = try #require(Unicode.Scalar(value))
                let quoted = FieldError.quoted("a" + String(Character(scalar)) + "b")
                #expect(Self.isSafe(quoted), "U+\(String(value, radix: 16))")
                #expect(quoted.unicodeScalars.allSatisfy { $0.isASCII })
            }
        }
    }

    @Test func longTextIsCutAfter64ScalarsWithAnEllipsis() {
        let exact = String(repeating: "a", count: 64)
        #expect(FieldError.quoted(exact) == "\"" + exact + "\"")
        #expect(FieldError.quoted(exact + "b") == "\"" + exact + "…\"")
        #expect(FieldError.quoted(String(repeating: "\n", count: 100)).count == 2 + 64 * 2 + 1)
        // One character of a thousand combining marks is cut as well.
        let zalgo = "e" + String(repeating: "\u{301}", count: 1000)
        #expect(FieldError.quoted(zalgo).unicodeScalars.count == 2 + 64 + 1)
        #expect(FieldError.quoted("abcdef", maximumLength: 3) == #""abc…""#)
    }

    @Test(arguments: ["\u{1B}[31m", "line\nbreak", "\u{202E}txt.exe", String(repeating: "k", count: 5000)])
    func aDuplicateKeyIsEscapedInTheErrorText(key: String) throws {
        let member = JSONValue.object(JSONObject([(key: key, value: 1)])).serialized(.compact).dropFirst().dropLast()
        let text = "{" + member + "," + member + "}"
        let error = try #require(throws: JSONSyntaxError.self) { try JSONValue.parse(text) }
        #expect(error.reason == "duplicate key " + FieldError.quoted(key))
        #expect(Self.isSafe(error.description))
        #expect(error.description.count < 200)
    }

    @Test func aDuplicateKeyWithAnEscapeSequenceReadsAsItsEscape() throws {
        let error = try #require(throws: JSONSyntaxError.self) {
            try JSONValue.parse(#"{"\u001b[31m":1,"\u001b[31m":2}"#)
        }
        #expect(error.reason == #"duplicate key "\u001b[31m""#)
        let newline = try #require(throws: JSONSyntaxError.self) { try JSONValue.parse(#"{"a\nb":1,"a\nb":2}"#) }
        #expect(newline.reason == #"duplicate key "a\nb""#)
    }

    @Test func anUnknownEnumValueIsEscapedInTheFieldError() throws {
        let error = try #require(throws: FieldError.self) {
            let _: Side = try JSONObjectReader.enumValue("\u{1B}[31mleft\n", field: "side")
        }
        #expect(error.message == #"must be one of "left", "right", not "\u001b[31mleft\n""#)
        #expect(Self.isSafe(error.description))

        let long = try #require(throws: FieldError.self) {
            let _: Side = try JSONObjectReader.enumValue(.string(String(repeating: "x", count: 10_000)), field: "side")
        }
        #expect(long.message.count < 120)
    }

    @Test func anUnknownKeyIsEscapedInItsFieldPath() throws {
        let value = try JSONValue.parse(#"{"ok":1,"\u001b[2Jgone\n":2}"#)
        let error = try #require(throws: FieldError.self) {
            try JSONObjectReader(value, path: "profile", allowedKeys: ["ok"])
        }
        #expect(error.field == #"profile.\u001b[2Jgone\n"#)
        #expect(error.message == "unknown field")
        #expect(Self.isSafe(error.description))
    }
}

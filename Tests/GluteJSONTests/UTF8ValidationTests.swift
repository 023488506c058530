import Testing

@testable import GluteJSON

/// Ill-formed UTF-8 is an error naming the offset of the sequence's first byte, wherever it is;
/// nothing is ever replaced with U+FFFD.
@Suite struct UTF8ValidationTests {
    /// Parses `bytes` and returns the error it must raise.
    static func failure(_ bytes: [UInt8]) throws -> JSONSyntaxError {
        try #require(throws: JSONSyntaxError.self) { try JSONValue.parse(bytes) }
    }

    /// `["` + `content` + `"]`: the content starts at byte 2.
    static func inString(_ content: [UInt8]) -> [UInt8] { Array("[\"".utf8) + content + Array("\"]".utf8) }

    @Test(
        arguments: [
            ([0x80], "continuation byte"), ([0xBF], "continuation byte"), ([0xC3, 0xA9, 0xA9], "continuation byte"),
            ([0xC0, 0xAF], "overlong"), ([0xC1, 0xBF], "overlong"), ([0xE0, 0x80, 0xAF], "overlong"),
            ([0xE0, 0x9F, 0xBF], "overlong"), ([0xF0, 0x80, 0x80, 0xAF], "overlong"),
            ([0xF0, 0x8F, 0xBF, 0xBF], "overlong"),
            ([0xED, 0xA0, 0x80], "surrogate"), ([0xED, 0xBF, 0xBF], "surrogate"),
            ([0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80], "surrogate"),
            ([0xF4, 0x90, 0x80, 0x80], "above U+10FFFF"), ([0xF5, 0x80, 0x80, 0x80], "above U+10FFFF"),
            ([0xF7, 0xBF, 0xBF, 0xBF], "above U+10FFFF"),
            ([0xF8, 0x88, 0x80, 0x80, 0x80], "byte 0xF8"), ([0xFE], "byte 0xFE"), ([0xFF], "byte 0xFF"),
            ([0xC3], "truncated"), ([0xE2, 0x82], "truncated"), ([0xF0, 0x9F, 0x98], "truncated"),
            ([0xC3, 0x41], "truncated"), ([0xE2, 0x28, 0xA1], "truncated"),
            ([0xF0, 0x9F, 0x98, 0x5C, 0x6E], "truncated"),
        ] as [([UInt8], String)])
    func everyKindOfIllFormedSequenceInAStringIsReportedAtItsFirstByte(sequence: [UInt8], words: String) throws {
        // A sequence that ends a valid character starts one byte later.
        let offset = sequence.starts(with: [0xC3, 0xA9]) ? 4 : 2
        let error = try Self.failure(Self.inString(sequence))
        #expect(error.code == .invalidUTF8)
        #expect(error.byteOffset == offset)
        #expect(error.line == 1)
        #expect(error.column == offset + 1)
        #expect(error.reason.hasPrefix("invalid UTF-8 ("))
        #expect(error.reason.contains(words), "\(error.reason)")
        #expect(error.description.contains("(byte \(offset)): invalid UTF-8"), "\(error)")
    }

    @Test(
        arguments: [
            (Array("[\"\\n".utf8) + [0xC0, 0x80] + Array("\"]".utf8), 4),  // after an escape: the slower path
            (Array("{\"".utf8) + [0xED, 0xA0, 0x80] + Array("\":1}".utf8), 2),  // in a key
            (Array("[1, ".utf8) + [0xFF] + Array("]".utf8), 4),  // where a value should be
            (Array("[1".utf8) + [0xFE] + Array("]".utf8), 2),  // where a separator should be
            (Array("{\"a\":1}".utf8) + [0x80], 7),  // after the end of the document
            (Array("{\"a\":1} ".utf8) + [0xE2, 0x82], 8),  // truncated at the end of the input
            ([0xEF, 0xBB, 0xBF, 0xFF], 3),  // after a byte order mark
            ([0xEF, 0xBB] + Array("[]".utf8), 0),  // a byte order mark cut short
            (Array("[\"".utf8) + [0xE2, 0x82], 2),  // an unterminated string ending mid-sequence
            (Array("[\"é".utf8) + [0xF4, 0x90, 0x80, 0x80], 4),
        ] as [([UInt8], Int)])
    func illFormedUTF8AnywhereIsReportedAsSuch(document: [UInt8], offset: Int) throws {
        let error = try Self.failure(document)
        #expect(error.code == .invalidUTF8, "\(error)")
        #expect(error.byteOffset == offset)
    }

    @Test func theLineAndColumnOfIllFormedUTF8AreGivenWithItsOffset() throws {
        let error = try Self.failure(Array("[\n\"ok\",\n\"".utf8) + [0xFF] + Array("\"]".utf8))
        #expect(error.line == 3)
        #expect(error.column == 2)
        #expect(error.byteOffset == 9)
        #expect(error.description == "invalid JSON at line 3, column 2 (byte 9): invalid UTF-8 (byte 0xFF)")
    }

    @Test func wellFormedTextOutsideAStringIsASyntaxErrorNotInvalidUTF8() throws {
        let error = try Self.failure(Array("[é]".utf8))
        #expect(error.code == .invalidSyntax)
        #expect(error.byteOffset == 1)
        #expect(error.reason == "expected a value")
    }

    /// Every pair of bytes, every lead of a three-byte sequence with every second byte, and every
    /// lead of four with every second byte, against the standard library's own validation.
    @Test func agreesWithTheStandardLibraryOnEveryShortSequence() throws {
        func check(_ sequence: [UInt8]) {
            let valid = String(validating: sequence, as: UTF8.self) != nil
            do {
                _ = try JSONValue.parse(Self.inString(sequence))
                #expect(valid, "accepted \(sequence)")
            } catch {
                #expect(!valid, "rejected \(sequence): \(error)")
                #expect(error.code == .invalidUTF8 && error.byteOffset == 2, "\(sequence): \(error)")
            }
        }
        for lead in UInt8(0x80)...0xFF {
            for second in UInt8.min...UInt8.max {
                check([lead, second])
                if lead >= 0xE0 {
                    for third: UInt8 in [0x7F, 0x80, 0xBF, 0xC0] {
                        check([lead, second, third])
                        if lead >= 0xF0 { check([lead, second, third, 0x80]) }
                    }
                }
            }
        }
    }

    @Test(arguments: [
        (#""\ud800""#, 1), (#""\udc00""#, 1), (#""\udfff""#, 1), (#""\ud800\u0041""#, 1), (#""\ud800\ud800""#, 1),
        (#""\ud800x""#, 1), (#""a\uD83D""#, 2), (#"["\ud83d"]"#, 2), (#""\ude00\ud83d""#, 1), (#""\ud800\n""#, 1),
    ])
    func aLoneSurrogateEscapeIsAnErrorAtItsBackslash(text: String, offset: Int) throws {
        let error = try #require(throws: JSONSyntaxError.self) { try JSONValue.parse(text) }
        #expect(error.code == .invalidSyntax)
        #expect(error.reason == #"unpaired surrogate in a \u escape"#)
        #expect(error.byteOffset == offset)
    }

    @Test func validTextParsesAndRoundTrips() throws {
        let boundaries: [UInt8] = [
            0xC2, 0x80, 0xDF, 0xBF, 0xE0, 0xA0, 0x80, 0xED, 0x9F, 0xBF, 0xEE, 0x80, 0x80, 0xEF, 0xBF, 0xBF,
            0xF0, 0x90, 0x80, 0x80, 0xF4, 0x8F, 0xBF, 0xBF,
        ]
        let raw = try JSONValue.parse(Self.inString(boundaries))
        #expect(raw == ["\u{80}\u{7FF}\u{800}\u{D7FF}\u{E000}\u{FFFF}\u{10000}\u{10FFFF}"])

        let escapes = #"{"e":"\"\\\/\b\f\n\r\t\u0000\u0041\u00e9\u20AC\ud83d\ude00\uDBFF\uDFFF","raw":"é€😀"}"#
        let value = try JSONValue.parse(Array([0xEF, 0xBB, 0xBF]) + Array(escapes.utf8))
        #expect(value.objectValue?["e"] == "\"\\/\u{08}\u{0C}\n\r\t\u{0}Aé€😀\u{10FFFF}")
        #expect(value.objectValue?["raw"] == "é€😀")
        for layout in [JSONValue.Layout.compact, .pretty] {
            #expect(try JSONValue.parse(value.serialized(layout)) == value)
            #expect(try JSONValue.parse(Array(value.serialized(layout).utf8)) == value)
        }
    }
}

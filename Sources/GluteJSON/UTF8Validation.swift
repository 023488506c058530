/// Checks one multi-byte UTF-8 sequence against the well-formed byte sequences of RFC 3629,
/// section 4 (the table of the Unicode Standard, section 3.9, D92).
///
/// The parser calls it for each byte of 0x80 or more: ASCII needs no check. The table, by first
/// byte:
///
/// | First   | Second  | Third   | Fourth  |
/// |---------|---------|---------|---------|
/// | C2...DF | 80...BF |         |         |
/// | E0      | A0...BF | 80...BF |         |
/// | E1...EC | 80...BF | 80...BF |         |
/// | ED      | 80...9F | 80...BF |         |
/// | EE...EF | 80...BF | 80...BF |         |
/// | F0      | 90...BF | 80...BF | 80...BF |
/// | F1...F3 | 80...BF | 80...BF | 80...BF |
/// | F4      | 80...8F | 80...BF | 80...BF |
///
/// Everything else is ill-formed: a continuation byte (80...BF) where a character should start,
/// C0 and C1 and the low second bytes after E0 and F0 (overlong encodings), ED followed by A0...BF
/// (UTF-16 surrogates), F4 followed by 90...BF and F5...F7 (above U+10FFFF), F8...FF (never used),
/// and a sequence cut short by a byte that does not continue it or by the end of the input.
enum UTF8Validation {
    /// Why a sequence is ill-formed.
    enum Problem: Error, Equatable {
        case unexpectedContinuationByte
        case overlongEncoding
        case encodedSurrogate
        case aboveMaximumCodePoint
        case invalidByte(UInt8)
        case truncatedSequence

        /// The problem in words, for a ``JSONSyntaxError`` reason.
        var reason: String {
            switch self {
            case .unexpectedContinuationByte: "invalid UTF-8 (a continuation byte where a character should start)"
            case .overlongEncoding: "invalid UTF-8 (overlong encoding)"
            case .encodedSurrogate: "invalid UTF-8 (a UTF-16 surrogate encoded as UTF-8)"
            case .aboveMaximumCodePoint: "invalid UTF-8 (a code point above U+10FFFF)"
            case .invalidByte(let byte): "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))"
            case .truncatedSequence: "invalid UTF-8 (truncated sequence)"
            }
        }
    }

    /// The index just past the well-formed sequence that starts at `start`, whose first byte is
    /// 0x80 or more.
    ///
    /// - Throws: the ``Problem`` with the sequence that starts at `start`.
    @inline(__always)
    static func endOfSequence(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) throws(Problem) -> Int {
        let lead = bytes[start]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        case 0x80...0xBF: throw .unexpectedContinuationByte
        case 0xC0, 0xC1: throw .overlongEncoding
        case 0xF5...0xF7: throw .aboveMaximumCodePoint
        default: throw .invalidByte(lead)
        }
        guard start + 1 < bytes.count, isContinuation(bytes[start + 1]) else { throw .truncatedSequence }
        let second = bytes[start + 1]
        if !secondRange.contains(second) {
            switch lead {
            case 0xE0, 0xF0: throw .overlongEncoding
            case 0xED: throw .encodedSurrogate
            default: throw .aboveMaximumCodePoint
            }
        }
        var index = start + 2
        while index < start + length {
            guard index < bytes.count, isContinuation(bytes[index]) else { throw .truncatedSequence }
            index += 1
        }
        return index
    }

    @inline(__always)
    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}

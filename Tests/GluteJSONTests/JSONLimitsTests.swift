import Testing

@testable import GluteJSON

/// Each limit accepts a document exactly at it and rejects one a step past it, naming the limit.
@Suite struct JSONLimitsTests {
    /// Parses `text` and returns the error it must raise, checking that it is a limit's.
    static func limitFailure(_ text: String, _ limits: JSONLimits = .default) throws -> JSONSyntaxError {
        let error = try #require(throws: JSONSyntaxError.self) { try JSONValue.parse(text, limits: limits) }
        #expect(error.code == .limitExceeded, "\(error)")
        return error
    }

    static func nested(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    }

    @Test func theDefaultsSuitAServer() {
        let limits = JSONLimits.default
        #expect(limits.maximumDocumentSize == 8_388_608)
        #expect(limits.maximumDepth == 64)
        #expect(limits.maximumMembersPerObject == 100_000)
        #expect(limits.maximumElementsPerArray == 100_000)
        #expect(limits.maximumStringLength == 1_048_576)
        #expect(JSONLimits() == .default)
    }

    @Test func aDocumentOfExactlyTheDefaultSizeParsesAndOneByteMoreDoesNot() throws {
        // Eight strings of 1 MiB less a little, padded with spaces to exactly 8 MiB.
        let string = [UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "a"), count: (1 << 20) - 16) + [0x22]
        var bytes = [UInt8(ascii: "[")]
        for index in 0..<8 { bytes += (index == 0 ? [] : [UInt8(ascii: ",")]) + string }
        bytes.append(UInt8(ascii: "]"))
        bytes += Array(repeating: UInt8(ascii: " "), count: (8 << 20) - bytes.count)
        #expect(bytes.count == 8_388_608)
        #expect(try JSONValue.parse(bytes).arrayValue?.count == 8)

        bytes.append(UInt8(ascii: " "))
        let error = try #require(throws: JSONSyntaxError.self) { try JSONValue.parse(bytes) }
        #expect(error.code == .limitExceeded)
        #expect(error.reason == "document is larger than 8388608 bytes")
        #expect(error.byteOffset == 8_388_608)
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(String(decoding: bytes, as: UTF8.self)) }
    }

    @Test func nestingExactlyTheDefaultDepthParsesAndOneLevelMoreDoesNot() throws {
        _ = try JSONValue.parse(Self.nested(64))
        let error = try Self.limitFailure(Self.nested(65))
        #expect(error.reason == "nested deeper than 64 levels")
        #expect(error.byteOffset == 64)

        let objects = String(repeating: #"{"a":"#, count: 64) + "1" + String(repeating: "}", count: 64)
        _ = try JSONValue.parse(objects)
        #expect(try Self.limitFailure("[" + objects + "]").reason == "nested deeper than 64 levels")
    }

    @Test func anObjectOfExactlyTheDefaultMemberCountParsesAndOneMemberMoreDoesNot() throws {
        let members = (0..<100_000).map { "\"\($0)\":0" }
        let object = try JSONValue.parse("{" + members.joined(separator: ",") + "}").objectValue
        #expect(object?.members.count == 100_000)

        let text = "{" + members.joined(separator: ",") + #","next":0}"#
        let error = try Self.limitFailure(text)
        #expect(error.reason == "more than 100000 members in one object")
        #expect(error.byteOffset == text.utf8.count - #""next":0}"#.utf8.count)
    }

    @Test func anArrayOfExactlyTheDefaultElementCountParsesAndOneElementMoreDoesNot() throws {
        let elements = Array(repeating: "0", count: 100_000).joined(separator: ",")
        #expect(try JSONValue.parse("[" + elements + "]").arrayValue?.count == 100_000)

        let error = try Self.limitFailure("[" + elements + ",1]")
        #expect(error.reason == "more than 100000 elements in one array")
        #expect(error.byteOffset == 1 + elements.utf8.count + 1)
    }

    @Test func aStringOfExactlyTheDefaultLengthParsesAndOneByteMoreDoesNot() throws {
        let text = String(repeating: "é", count: 1 << 19)  // 1 MiB of UTF-8
        #expect(try JSONValue.parse("[\"" + text + "\"]") == [.string(text)])

        let error = try Self.limitFailure("[\"" + text + "a\"]")
        #expect(error.reason == "string longer than 1048576 bytes")
        #expect(error.byteOffset == 1)
    }

    @Test func aStringIsMeasuredInUTF8AfterItsEscapesAreDecodedKeysIncluded() throws {
        let limits = JSONLimits(maximumStringLength: 4)
        #expect(try JSONValue.parse(#""\u00e9\u00e9""#, limits: limits) == "éé")
        #expect(try JSONValue.parse(#""\ud83d\ude00""#, limits: limits) == "😀")
        #expect(try JSONValue.parse(#""ab\n""#, limits: limits) == "ab\n")
        #expect(try Self.limitFailure(#""\u00e9\u00e9a""#, limits).reason == "string longer than 4 bytes")
        #expect(try Self.limitFailure(#""abcde""#, limits).byteOffset == 0)
        #expect(try Self.limitFailure(#"{"abcd":1,"abcde":2}"#, limits).byteOffset == 10)
    }

    @Test func aCustomValueSetsEveryLimitForEveryOverload() throws {
        let limits = JSONLimits(
            maximumDocumentSize: 40, maximumDepth: 2, maximumMembersPerObject: 2, maximumElementsPerArray: 3,
            maximumStringLength: 5)
        let fits = #"{"a":[1,2,3],"b":"12345"}"#
        let value: JSONValue = .object(["a": [1, 2, 3], "b": "12345"])
        #expect(try JSONValue.parse(fits, limits: limits) == value)
        #expect(try JSONValue.parse(Array(fits.utf8), limits: limits) == value)
        let bytes = Array(fits.utf8)
        let parsed = bytes.withUnsafeBufferPointer { try? JSONValue.parse($0, limits: limits) }
        #expect(parsed == value)

        let cases: [(String, String)] = [
            (fits + String(repeating: " ", count: 40 - fits.utf8.count + 1), "document is larger than 40 bytes"),
            (#"{"a":[[1]]}"#, "nested deeper than 2 levels"),
            (#"{"a":1,"b":2,"c":3}"#, "more than 2 members in one object"),
            ("[1,2,3,4]", "more than 3 elements in one array"),
            (#"["123456"]"#, "string longer than 5 bytes"),
        ]
        // A syntax error where the next member or element would start is reported as such.
        let comma = try #require(throws: JSONSyntaxError.self) { try JSONValue.parse("[1,2,3,]", limits: limits) }
        #expect(comma.code == .invalidSyntax)
        let key = try #require(throws: JSONSyntaxError.self) {
            try JSONValue.parse(#"{"a":1,"b":2,"c}"#, limits: limits)
        }
        #expect(key.code == .invalidSyntax)
        for (text, reason) in cases {
            #expect(try Self.limitFailure(text, limits).reason == reason)
            #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Array(text.utf8), limits: limits) }
        }
    }

    @Test func unlimitedLiftsEverythingButADepthOf256() throws {
        let elements = "[" + Array(repeating: "0", count: 100_001).joined(separator: ",") + "]"
        #expect(try JSONValue.parse(elements, limits: .unlimited).arrayValue?.count == 100_001)
        let long = String(repeating: "a", count: (1 << 20) + 1)
        #expect(try JSONValue.parse("\"" + long + "\"", limits: .unlimited) == .string(long))
        _ = try JSONValue.parse(Self.nested(256), limits: .unlimited)
        #expect(try Self.limitFailure(Self.nested(257), .unlimited).reason == "nested deeper than 256 levels")
    }

    @Test func zeroLimitsAcceptOnlyWhatFitsInThem() throws {
        let limits = JSONLimits(maximumDepth: 0, maximumMembersPerObject: 0, maximumStringLength: 0)
        #expect(try JSONValue.parse(#""""#, limits: limits) == "")
        #expect(try JSONValue.parse("12", limits: limits) == 12)
        #expect(try Self.limitFailure("[]", limits).reason == "nested deeper than 0 levels")
        #expect(try Self.limitFailure("-", JSONLimits(maximumDocumentSize: 0)).byteOffset == 0)
    }
}

import Testing

@testable import GluteJSON

/// Documents far larger than GluteCore writes, as a server may receive them: duplicate keys are
/// found by hashing, so these run in linear time.
///
/// The time limit is the non-timing guard: with keys compared pairwise, the 60,000-key object
/// alone took over three minutes in a debug build (about 7 s in release); hashed, it takes well
/// under a second.
@Suite(.timeLimit(.minutes(1))) struct LargeDocumentTests {
    /// `{"key0":0,` then one member a line: `"key1":1,` … `"key<n-1>":<n-1>`, then `extra`.
    static func object(keys count: Int, extra: String = "") -> String {
        var text = "{"
        text.reserveCapacity(count * 16)
        for index in 0..<count {
            if index > 0 { text += ",\n" }
            text += "\"key\(index)\":\(index)"
        }
        return text + extra + "}"
    }

    @Test func parsesAnObjectOf60000Keys() throws {
        let value = try JSONValue.parse(Self.object(keys: 60_000))
        let object = try #require(value.objectValue)
        #expect(object.members.count == 60_000)
        #expect(object["key0"] == 0)
        #expect(object["key59999"] == 59_999)
        #expect(object.keys.prefix(3) == ["key0", "key1", "key2"])
    }

    @Test func reportsADuplicateAtTheEndOf60000KeysWithItsPlace() throws {
        let text = Self.object(keys: 60_000, extra: ",\n\"key31337\":0")
        let error = try #require(throws: JSONSyntaxError.self) { try JSONValue.parse(text) }
        #expect(error.line == 60_001)
        #expect(error.column == 1)
        #expect(error.reason == #"duplicate key "key31337""#)
    }

    @Test func findsADuplicateOfTheFirstKeyAtEveryObjectSizeAroundTheIndexThreshold() throws {
        for count in 1...(JSONObject.indexThreshold + 3) {
            let text = Self.object(keys: count, extra: ",\n\"key0\":0")
            let error = try #require(throws: JSONSyntaxError.self) { try JSONValue.parse(text) }
            #expect(error.line == count + 1, "after \(count) keys")
            #expect(try JSONValue.parse(Self.object(keys: count)).objectValue?.members.count == count)
        }
    }

    @Test func parsesAndRoundTripsADocumentOf600KilobytesOfLargeObjects() throws {
        let members = (0..<40).map { (key: "field\($0)", value: JSONValue.string("value \($0) of the record")) }
        let record = JSONValue.object(JSONObject(members))
        let document = JSONValue.array(Array(repeating: record, count: 500))
        let text = document.serialized(.compact)
        #expect(text.utf8.count > 600_000)
        let parsed = try JSONValue.parse(text)
        #expect(parsed == document)
        #expect(parsed.arrayValue?.last?.objectValue?["field39"] == "value 39 of the record")
    }
}

@Suite struct JSONObjectTests {
    static func members(_ count: Int) -> [(key: String, value: JSONValue)] {
        (0..<count).map { (key: "k\($0)", value: .int($0)) }
    }

    @Test(arguments: [0, 1, 32, 33, 80])
    func lookupFindsEveryMemberAtAnySize(count: Int) {
        let object = JSONObject(Self.members(count))
        for index in 0..<count { #expect(object["k\(index)"] == .int(index)) }
        #expect(object["missing"] == nil)
    }

    @Test func settingReplacesInPlaceAppendsAndRemovesAcrossTheIndexThreshold() {
        let threshold = JSONObject.indexThreshold
        var object = JSONObject(Self.members(threshold))
        object["k40"] = 40  // one past the threshold: the object starts indexing
        object["k3"] = "three"
        #expect(object.keys.count == threshold + 1)
        #expect(object.keys.last == "k40")
        #expect(object.members[3].value == "three")
        object["k0"] = nil
        #expect(object.keys.first == "k1")
        #expect(object["k40"] == 40)
        #expect(object["k0"] == nil)
        object["k1"] = nil
        #expect(object.keys.count == threshold - 1)
        #expect(object["k\(threshold - 1)"] == .int(threshold - 1))
        object["k0"] = 0
        #expect(object.keys.last == "k0")
        #expect(object["k0"] == 0)
    }

    @Test func aKeyGivenTwiceFindsItsFirstMemberAtAnySize() {
        for count in [2, 50] {
            var members = Self.members(count)
            members.append((key: "k0", value: "second"))
            var object = JSONObject(members)
            #expect(object["k0"] == 0)
            object["k0"] = nil
            #expect(object["k0"] == "second")
        }
    }

    @Test func equalityComparesMembersInOrderWhateverTheIndex() throws {
        let built = JSONObject(Self.members(50))
        var grown = JSONObject(Self.members(10))
        for index in 10..<50 { grown["k\(index)"] = .int(index) }
        let parsed = try #require(try JSONValue.parse(JSONValue.object(built).serialized(.compact)).objectValue)
        #expect(built == grown)
        #expect(built == parsed)
        #expect(JSONObject(Self.members(50).reversed()) != built)
    }
}

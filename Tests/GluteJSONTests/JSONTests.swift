import Testing

@testable import GluteJSON

@Suite struct JSONTests {
    @Test func parsesAndWritesEveryKindOfValue() throws {
        let text = #"{"a":[1,2.5,-3e2,true,false,null],"b":{"c":"x\"y\\z\n\u00e9\ud83d\ude00"}}"#
        let value = try JSONValue.parse(text)
        #expect(value.objectValue?["a"] == [1, 2.5, -300, true, false, nil])
        #expect(value.objectValue?["b"]?.objectValue?["c"] == .string("x\"y\\z\né😀"))
        #expect(try JSONValue.parse(value.serialized(.compact)) == value)
        #expect(try JSONValue.parse(value.serialized(.pretty)) == value)
    }

    @Test func controlCharactersAreEscapedAndReadBack() throws {
        let value: JSONValue = .string("a\u{01}b\r\n\t\"q\"\\ é")
        #expect(value.serialized(.compact) == #""a\u0001b\r\n\t\"q\"\\ é""#)
        #expect(try JSONValue.parse(value.serialized(.compact)) == value)
    }

    @Test func writingKeepsMemberOrderAndIsStable() throws {
        let value: JSONValue = .object(["z": 1, "a": 2, "m": .array([0.1, 3])])
        #expect(value.serialized(.compact) == #"{"z":1,"a":2,"m":[0.1,3]}"#)
        #expect(value.serialized() == value.serialized())
    }

    @Test(arguments: [
        ("{\"a\":1,}", 1, 8), ("[1 2]", 1, 4), ("{\"a\":1,\"a\":2}", 1, 8), ("\n\n  tru", 3, 3),
        ("01", 1, 2), ("\"abc", 1, 5), ("{} x", 1, 4), ("", 1, 1),
    ])
    func syntaxErrorsNameLineAndColumn(text: String, line: Int, column: Int) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(text) }
        do {
            _ = try JSONValue.parse(text)
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
        }
    }

    @Test func rejectsDocumentsNestedTooDeep() {
        let text = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(text) }
    }
}

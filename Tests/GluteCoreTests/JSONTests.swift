import Testing

@testable import GluteCore

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

@Suite struct CivilDateTests {
    @Test func roundTripsDaysAndWeekdays() {
        for days in stride(from: -700_000, through: 800_000, by: 997) {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            #expect(CivilDate(date.description) == date)
        }
        #expect(CivilDate("2026-11-26")?.weekday == .thu)
        #expect(CivilDate("2024-02-29")?.adding(days: 365).description == "2025-02-28")
        #expect(CivilDate("2025-02-29") == nil)
    }

    @Test func clockTimesParseStrictly() {
        #expect(ClockTime("09:30")?.minutes == 570)
        #expect(ClockTime("24:00")?.minutes == 1440)
        for bad in ["9:30", "24:01", "12:60", "ab:cd", "12-30", "123:0"] { #expect(ClockTime(bad) == nil) }
    }
}

import GluteCore
import GluteStore
import Testing

/// The instant type stored in `…_at` columns and written in exports.
@Suite struct TimestampTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("2026-11-26T07:30:00Z", Int64(1_795_678_200_000)),
        ("2026-11-26T07:30:00.250Z", Int64(1_795_678_200_250)),
        ("1969-12-31T23:59:59.999Z", Int64(-1)),
    ])
    func parsesAndWritesISO8601(_ text: String, _ milliseconds: Int64) throws {
        let timestamp = try #require(Timestamp(iso8601: text))
        #expect(timestamp.millisecondsSince1970 == milliseconds)
        #expect(timestamp.description == text)
    }

    @Test(arguments: [
        "2026-11-26 07:30:00Z", "2026-11-26T07:30:00", "2026-11-26T24:00:00Z", "2026-02-30T07:30:00Z",
        "2026-11-26T07:30:00.5Z", "2026-11-26T07:3a:00Z", "",
    ])
    func refusesOtherForms(_ text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    @Test func buildsFromACivilDate() {
        let date = CivilDate(year: 2026, month: 11, day: 26)!
        let timestamp = Timestamp(date: date, hour: 7, minute: 30)
        #expect(timestamp.description == "2026-11-26T07:30:00Z")
        #expect(timestamp.date == date)
        #expect(timestamp.adding(seconds: 90).description == "2026-11-26T07:31:30Z")
    }
}

/// Values interpolated into SQL become bindings, never text.
@Suite struct SQLQueryTests {
    @Test func interpolatedValuesAreBound() {
        let name = "Robert'); DROP TABLE person;--"
        let query: SQLQuery =
            "SELECT id FROM person WHERE name = \(name) AND created_at < \(Timestamp(secondsSince1970: 2))"
        #expect(query.description == "SELECT id FROM person WHERE name = ? AND created_at < ?")
        #expect(query.bindings == [.text(name), .integer(2000)])
        #expect(query.text { "$\($0)" } == "SELECT id FROM person WHERE name = $1 AND created_at < $2")
    }

    @Test func optionalsAndEnumsBind() {
        let missing: Int? = nil
        let query: SQLQuery = "VALUES (\(missing), \(Balance.wobble), \(Optional(2.5)))"
        #expect(query.bindings == [.null, .text("wobble"), .real(2.5)])
    }

    @Test func fragmentsSpliceWithTheirBindings() {
        let condition: SQLQuery = "pain > \(3)"
        let query: SQLQuery = "SELECT * FROM logged_set WHERE person_id = \("p1") AND \(condition) LIMIT \(5)"
        #expect(query.text { "$\($0)" } == "SELECT * FROM logged_set WHERE person_id = $1 AND pain > $2 LIMIT $3")
        #expect(query.bindings == [.text("p1"), .integer(3), .integer(5)])
    }

    @Test func unsafeSQLIsTakenAsItIs() {
        let query = SQLQuery(unsafeSQL: "PRAGMA synchronous = FULL")
        #expect(query.description == "PRAGMA synchronous = FULL")
        #expect(query.bindings.isEmpty)
    }
}

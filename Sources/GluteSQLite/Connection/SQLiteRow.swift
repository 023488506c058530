internal import GluteCore
internal import GluteStore

/// One result row, copied out of the statement so it can outlive the next step.
///
/// Accessors throw ``SQLiteError/unexpectedValue(column:sql:)`` when a column does not hold what
/// the record needs; the schema's CHECK constraints make that a sign of a foreign or damaged file.
struct SQLiteRow {
    let values: [SQLValue]
    let columnNames: [String]
    let sql: String

    private func mismatch(_ index: Int) -> SQLiteError {
        .unexpectedValue(column: index < columnNames.count ? columnNames[index] : "#\(index)", sql: sql)
    }

    func optionalText(_ index: Int) throws(SQLiteError) -> String? {
        switch values[index] {
        case .null: return nil
        case .text(let text): return text
        default: throw mismatch(index)
        }
    }

    func text(_ index: Int) throws(SQLiteError) -> String {
        guard let text = try optionalText(index) else { throw mismatch(index) }
        return text
    }

    func optionalInt64(_ index: Int) throws(SQLiteError) -> Int64? {
        switch values[index] {
        case .null: return nil
        case .integer(let integer): return integer
        default: throw mismatch(index)
        }
    }

    func int64(_ index: Int) throws(SQLiteError) -> Int64 {
        guard let value = try optionalInt64(index) else { throw mismatch(index) }
        return value
    }

    func optionalInt(_ index: Int) throws(SQLiteError) -> Int? {
        guard let value = try optionalInt64(index) else { return nil }
        guard let int = Int(exactly: value) else { throw mismatch(index) }
        return int
    }

    func int(_ index: Int) throws(SQLiteError) -> Int {
        guard let value = try optionalInt(index) else { throw mismatch(index) }
        return value
    }

    func optionalDouble(_ index: Int) throws(SQLiteError) -> Double? {
        switch values[index] {
        case .null: return nil
        case .real(let real): return real
        case .integer(let integer): return Double(integer)
        default: throw mismatch(index)
        }
    }

    func timestamp(_ index: Int) throws(SQLiteError) -> Timestamp {
        Timestamp(millisecondsSince1970: try int64(index))
    }

    func id<Record>(_ index: Int) throws(SQLiteError) -> Identifier<Record> {
        Identifier(rawValue: try text(index))
    }

    func optionalID<Record>(_ index: Int) throws(SQLiteError) -> Identifier<Record>? {
        try optionalText(index).map { Identifier(rawValue: $0) }
    }

    func optionalEnum<Value: RawRepresentable>(_ index: Int, as type: Value.Type = Value.self)
        throws(SQLiteError) -> Value? where Value.RawValue == String
    {
        guard let text = try optionalText(index) else { return nil }
        guard let value = Value(rawValue: text) else { throw mismatch(index) }
        return value
    }

    func enumValue<Value: RawRepresentable>(_ index: Int, as type: Value.Type = Value.self)
        throws(SQLiteError) -> Value where Value.RawValue == String
    {
        guard let value: Value = try optionalEnum(index) else { throw mismatch(index) }
        return value
    }
}

@available(*, unavailable, message: "A row belongs to the connection that read it")
extension SQLiteRow: Sendable {}

extension SQLiteRow {
    func optionalTimestamp(_ index: Int) throws(SQLiteError) -> Timestamp? {
        try optionalInt64(index).map(Timestamp.init(millisecondsSince1970:))
    }
}

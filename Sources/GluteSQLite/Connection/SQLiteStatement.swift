internal import CSQLite
internal import GluteStore

/// The C handle of a prepared statement (`sqlite3_stmt *`).
typealias SQLiteStatementHandle = OpaquePointer

/// A prepared statement, finalized when the object goes away.
///
/// Owned by one ``SQLiteConnection`` (which caches it by SQL text) and used only on that
/// connection's isolation domain.
final class SQLiteStatement {
    private let handle: SQLiteStatementHandle
    private let database: SQLiteConnectionHandle
    /// The SQL text with `?` placeholders.
    let sql: String
    private let parameterCount: Int
    /// The names of the result columns, read once: a cached statement is stepped many times.
    private(set) lazy var columnNames: [String] = (0..<columnCount).map(columnName)

    /// Compiles `sql`.
    ///
    /// `persistent` tells SQLite the statement will be kept and reused.
    init(database: SQLiteConnectionHandle, sql: String, persistent: Bool) throws(SQLiteError) {
        var statement: SQLiteStatementHandle?
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let code = sqlite3_prepare_v3(database, sql, -1, flags, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            // On failure *ppStmt is NULL, so there is nothing to finalize.
            throw SQLiteError(code: .init(rawValue: code), message: String(cString: sqlite3_errmsg(database)), sql: sql)
        }
        self.handle = statement
        self.database = database
        self.sql = sql
        self.parameterCount = Int(sqlite3_bind_parameter_count(statement))
    }

    deinit {
        // sqlite3_finalize returns the error of the most recent evaluation, which was already
        // reported when it happened; finalizing itself always frees the statement.
        sqlite3_finalize(handle)
    }

    /// Resets the statement and binds `values` to its parameters in order.
    func bind(_ values: [SQLValue]) throws(SQLiteError) {
        reset()
        try check(sqlite3_clear_bindings(handle), values)
        guard values.count == parameterCount else {
            throw .bindingCount(expected: parameterCount, given: values.count, sql: sql)
        }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let integer): code = sqlite3_bind_int64(handle, index, integer)
            case .real(let real): code = sqlite3_bind_double(handle, index, real)
            case .text(let text):
                // The explicit byte count keeps any NUL inside the text; SQLITE_TRANSIENT makes
                // SQLite copy the bytes, because Swift's temporary buffer ends with this call.
                code = sqlite3_bind_text(handle, index, text, Int32(text.utf8.count), csqlite_transient())
            }
            try check(code, values)
        }
    }

    /// Evaluates the statement one step: `true` when a row is ready, `false` when it is done.
    func step(arguments: [SQLValue]) throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = makeError(code, arguments)
            reset()
            throw error
        }
    }

    /// Makes the statement ready to run again.
    ///
    /// Its return code repeats the last step's error,
    /// which ``step(arguments:)`` has already thrown, so it is deliberately not checked here.
    func reset() {
        _ = sqlite3_reset(handle)
    }

    /// The number of columns in each row.
    var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// The name of column `index`.
    func columnName(_ index: Int) -> String {
        guard let name = sqlite3_column_name(handle, Int32(index)) else { return "#\(index)" }
        return String(cString: name)
    }

    /// The value of column `index` in the current row.
    func value(at index: Int) -> SQLValue {
        let column = Int32(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_NULL: return .null
        default:
            // Text (and blobs, which this schema never stores) are read as UTF-8 bytes.
            guard let bytes = sqlite3_column_text(handle, column) else { return .null }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        }
    }

    private func check(_ code: Int32, _ arguments: [SQLValue]) throws(SQLiteError) {
        guard code == SQLITE_OK else { throw makeError(code, arguments) }
    }

    private func makeError(_ code: Int32, _ arguments: [SQLValue]) -> SQLiteError {
        // With sqlite3_prepare_v3 the step result is already the specific (extended) code.
        let extended = sqlite3_extended_errcode(database)
        let resultCode = (extended & 0xFF) == (code & 0xFF) ? extended : code
        return SQLiteError(
            code: .init(rawValue: resultCode), message: String(cString: sqlite3_errmsg(database)),
            sql: sql, arguments: arguments)
    }
}

@available(*, unavailable, message: "A statement belongs to its connection's isolation domain")
extension SQLiteStatement: Sendable {}

public import GluteStore

/// An error reported by SQLite, or by this module's use of it.
///
/// The ``description`` has one fixed shape and never contains bound values:
///
/// ```text
/// SQLite error 19: NOT NULL constraint failed: logged_set.pain - while executing `INSERT INTO logged_set …`
/// ```
///
/// The values bound to the statement appear only in ``debugDescription``. Match on ``code``
/// (extended result code) or on its ``ResultCode/primary`` code:
///
/// ```swift
/// catch let error as SQLiteError where error.code == .constraintCheck { … }
/// ```
public struct SQLiteError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The extended result code, such as ``ResultCode/constraintNotNull``.
    public var code: ResultCode
    /// SQLite's message (`sqlite3_errmsg`), or this module's own.
    public var message: String
    /// The SQL being executed, with `?` placeholders, when there is one.
    public var sql: String?
    /// The values bound to the statement; only in ``debugDescription``.
    public var arguments: [SQLValue]

    /// Creates an error; this module builds them through named factories.
    public init(code: ResultCode, message: String, sql: String? = nil, arguments: [SQLValue] = []) {
        self.code = code
        self.message = message
        self.sql = sql
        self.arguments = arguments
    }

    /// `SQLite error <primary code>: <message>[ - while executing `<sql>`]`.
    public var description: String {
        var text = "SQLite error \(code.primary.rawValue): \(message)"
        if let sql { text += " - while executing `\(sql)`" }
        return text
    }

    /// The description followed by the extended code and the bound arguments.
    public var debugDescription: String {
        var text = description + " (extended code \(code.rawValue))"
        if !arguments.isEmpty { text += " with arguments \(arguments)" }
        return text
    }
}

extension SQLiteError {
    /// A column held a value this module cannot read as the record's field.
    static func unexpectedValue(column: String, sql: String) -> SQLiteError {
        SQLiteError(code: .mismatch, message: "unexpected value in column \(column)", sql: sql)
    }

    /// A statement was given a different number of values than it has placeholders.
    static func bindingCount(expected: Int, given: Int, sql: String) -> SQLiteError {
        SQLiteError(
            code: .range, message: "the statement has \(expected) parameters but \(given) values were bound",
            sql: sql)
    }

    /// A pragma did not take the value asked for.
    static func pragmaRefused(_ name: String, wanted: String, got: String) -> SQLiteError {
        SQLiteError(code: .error, message: "PRAGMA \(name) is \(got), not \(wanted)")
    }

    /// The parent folder of the database file could not be created.
    static func cannotCreateFolder(_ path: String, reason: String) -> SQLiteError {
        SQLiteError(code: .cantOpen, message: "cannot create the folder \(path): \(reason)")
    }
}

internal import CSQLite
internal import Foundation
internal import GluteStore

/// The C handle of an open database (`sqlite3 *`).
typealias SQLiteConnectionHandle = OpaquePointer

/// One open SQLite database connection with a cache of prepared statements.
///
/// Not thread-safe by design: it must be used from one isolation domain at a time, which
/// ``SQLiteStore`` (an actor) guarantees. The connection is opened with `SQLITE_OPEN_NOMUTEX`
/// for that reason. Every statement it runs is reported to `trace` as SQL text with `?`
/// placeholders, never with values.
final class SQLiteConnection {
    private let handle: SQLiteConnectionHandle
    private var cache: [String: SQLiteStatement] = [:]
    /// The cached statements by the shape of the query that made them, found without building
    /// the SQL text.
    private var shapes: [SQLQuery.Shape: SQLiteStatement] = [:]
    private let trace: (@Sendable (String) -> Void)?

    /// How a connection opens its file.
    enum Mode {
        /// Read and write, creating the file when it is missing.
        case readWrite
        /// Read only; the file must exist.
        case readOnly
        /// Read only, and the file is known not to change while it is open (`immutable=1`): for
        /// a file in a folder the user cannot write, where SQLite cannot make its WAL index.
        case immutable
    }

    /// SQLite's process-wide settings, made once before the first connection opens: memory
    /// statistics off, so that SQLite's allocations take no global lock.
    private static let configured: Void = { _ = csqlite_disable_memory_statistics() }()

    /// Opens the database at `path`.
    init(path: String, mode: Mode = .readWrite, trace: (@Sendable (String) -> Void)?) throws(SQLiteError) {
        Self.configured
        var database: SQLiteConnectionHandle?
        let flags: Int32
        let name: String
        switch mode {
        case .readWrite:
            flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
            name = path
        case .readOnly:
            flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            name = path
        case .immutable:
            flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
            let escaped = path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "?", with: "%3f")
                .replacingOccurrences(of: "#", with: "%23")
            name = "file:\(escaped)?immutable=1"
        }
        let code = sqlite3_open_v2(name, &database, flags, nil)
        guard code == SQLITE_OK, let database else {
            let message = database.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            // "Whether or not an error occurs when it is opened, resources associated with the
            // database connection handle should be released by passing it to sqlite3_close()."
            if let database { sqlite3_close(database) }
            throw SQLiteError(code: .init(rawValue: code), message: "\(message) (\(path))")
        }
        self.handle = database
        self.trace = trace
        // Extended codes tell a CHECK failure from a NOT NULL or UNIQUE one.
        let extendedCode = sqlite3_extended_result_codes(database, 1)
        guard extendedCode == SQLITE_OK else { throw lastError(extendedCode, sql: nil) }
    }

    deinit {
        // Statements must be finalized before the connection can close.
        shapes.removeAll()
        cache.removeAll()
        // SQLITE_BUSY here would mean a statement escaped the cache, which this type never allows;
        // there is nobody to report to from deinit, so the result is dropped.
        _ = sqlite3_close(handle)
    }

    /// Waits up to `milliseconds` for another connection's lock instead of failing at once.
    func setBusyTimeout(milliseconds: Int) throws(SQLiteError) {
        let code = sqlite3_busy_timeout(handle, Int32(clamping: milliseconds))
        guard code == SQLITE_OK else { throw lastError(code, sql: nil) }
    }

    /// Runs `query` and returns every row it produces.
    @discardableResult
    func rows(_ query: SQLQuery, cached: Bool = true) throws(SQLiteError) -> [SQLiteRow] {
        let statement: SQLiteStatement
        if cached, let known = shapes[query.shape] {
            statement = known
        } else {
            statement = try prepare(query.description, cached: cached)
            if cached { shapes[query.shape] = statement }
        }
        let sql = statement.sql
        trace?(sql)
        try statement.bind(query.bindings)
        defer { statement.reset() }
        let names = statement.columnNames
        var rows: [SQLiteRow] = []
        while try statement.step(arguments: query.bindings) {
            var values: [SQLValue] = []
            values.reserveCapacity(names.count)
            for index in 0..<names.count { values.append(statement.value(at: index)) }
            rows.append(SQLiteRow(values: values, columnNames: names, sql: sql))
        }
        return rows
    }

    /// Runs `query`, ignoring any rows.
    func execute(_ query: SQLQuery, cached: Bool = true) throws(SQLiteError) {
        try rows(query, cached: cached)
    }

    /// Runs `query` and decodes each row.
    func fetch<Value>(_ query: SQLQuery, _ decode: (SQLiteRow) throws(SQLiteError) -> Value) throws(SQLiteError)
        -> [Value]
    {
        var values: [Value] = []
        for row in try rows(query) { values.append(try decode(row)) }
        return values
    }

    /// The number of rows changed by the last INSERT, UPDATE or DELETE.
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// How many prepared statements are cached.
    var cachedStatementCount: Int { cache.count }

    /// Whether the connection is inside a transaction.
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// A handle that can interrupt this connection's running statement from another thread.
    var interrupter: SQLiteInterrupter { SQLiteInterrupter(handle: handle) }

    /// Copies the whole database into a new file at `path` with SQLite's online backup API,
    /// page by page, while other connections go on reading and writing.
    func backup(to path: String) throws(SQLiteError) {
        var target: SQLiteConnectionHandle?
        let openCode = sqlite3_open_v2(path, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard openCode == SQLITE_OK, let target else {
            let message = target.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let target { sqlite3_close(target) }
            throw SQLiteError(code: .init(rawValue: openCode), message: "\(message) (\(path))")
        }
        defer { sqlite3_close(target) }
        guard let backup = sqlite3_backup_init(target, "main", handle, "main") else {
            throw SQLiteError(
                code: .init(rawValue: sqlite3_errcode(target)), message: String(cString: sqlite3_errmsg(target)))
        }
        var code: Int32
        repeat {
            // "If the source database is modified by ... a different connection ... the backup
            // will be restarted by the next call to sqlite3_backup_step()": steps of 256 pages
            // let writers in between and still finish.
            code = sqlite3_backup_step(backup, 256)
            if code == SQLITE_BUSY || code == SQLITE_LOCKED { sqlite3_sleep(5) }
        } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
        let finish = sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE, finish == SQLITE_OK else {
            throw SQLiteError(
                code: .init(rawValue: code == SQLITE_DONE ? finish : code),
                message: String(cString: sqlite3_errmsg(target)))
        }
    }

    private func prepare(_ sql: String, cached: Bool) throws(SQLiteError) -> SQLiteStatement {
        if cached, let statement = cache[sql] { return statement }
        let statement = try SQLiteStatement(database: handle, sql: sql, persistent: cached)
        if cached { cache[sql] = statement }
        return statement
    }

    private func lastError(_ code: Int32, sql: String?) -> SQLiteError {
        SQLiteError(code: .init(rawValue: code), message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}

@available(*, unavailable, message: "A connection is confined to one queue of the SQLiteStore")
extension SQLiteConnection: Sendable {}

/// Interrupts whatever statement a connection is running, from any thread.
///
/// "It is safe to call this routine from a thread different from the thread that is currently
/// running the database operation" (sqlite3_interrupt). The store calls it only while the task
/// that owns the running statement is the one being cancelled.
struct SQLiteInterrupter: @unchecked Sendable {
    // The handle is only passed to sqlite3_interrupt, which SQLite documents as thread-safe, and
    // only while its connection is open (the store keeps the connection alive meanwhile).
    let handle: SQLiteConnectionHandle

    func interrupt() { sqlite3_interrupt(handle) }
}

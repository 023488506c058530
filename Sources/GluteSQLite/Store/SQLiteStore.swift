internal import Foundation
public import GluteCore
internal import GluteJSON
public import GluteStore

/// The SQLite back end of ``Store``: one database file in WAL mode, one writer and a few readers,
/// each on a queue of its own.
///
/// Writes from many callers are committed together by the writer (see ``Store/write(_:)``), with
/// `synchronous=FULL`, so each is on disk when its call returns. Reads run on read-only
/// connections beside it. Several stores (in one process or several) may open the same file:
/// every write batch is a `BEGIN IMMEDIATE` transaction and waits up to
/// ``Configuration/busyTimeout`` for the lock.
///
/// Opening a store that can write turns on WAL, foreign keys and `synchronous=FULL` and applies
/// any pending migrations. A file the user cannot write opens read-only: every read works, every
/// write fails with ``StoreError/Code/readOnly``, and a file that needs a migration says so
/// instead of failing half-way.
///
/// ```swift
/// let store = try SQLiteStore(path: path, clock: .system, ids: .ordered)
/// let plan = try await store.read { tx in try tx.currentPlan(for: person) }
/// ```
public final class SQLiteStore: Store {
    /// The path of the database file.
    public let path: String
    /// Whether the store can only read (the file or its folder cannot be written).
    public let isReadOnly: Bool
    let writer: SQLiteWriter?
    private let readers: SQLiteReaderPool

    /// Opens the database at `path`, creating the file (not its folder) when missing, and migrates it.
    ///
    /// - Parameters:
    ///   - path: the database file; see ``SQLiteDatabaseLocation``.
    ///   - configuration: durability, busy timeout, readers and tracing.
    ///   - clock: the application's clock (migrations record when they were applied).
    ///   - ids: where new records' identifiers come from.
    /// - Throws: ``StoreError`` with ``StoreError/Code/cannotOpen``, ``StoreError/Code/incompatibleSchema``
    ///   (a newer build wrote the file, or a read-only file needs a migration) or another code.
    public init(
        path: String, configuration: Configuration = Configuration(), clock: WallClock, ids: IdentifierSource
    ) throws {
        let plans = PlanCache()
        let exists = FileManager.default.fileExists(atPath: path)
        let readOnly = configuration.readOnly || (exists && !Self.isWritable(path))
        do {
            if readOnly {
                guard exists else { throw StoreError(code: .cannotOpen, message: "there is no database at '\(path)'") }
                writer = nil
            } else {
                let connection = try SQLiteConnection(path: path, mode: .readWrite, trace: configuration.trace)
                try Self.configureWriter(connection, configuration)
                try SQLiteMigrator(connection: connection).migrate(
                    upTo: configuration.migrationTarget, now: clock.now)
                let cache = SQLiteWriterCache()
                writer = SQLiteWriter(connection: connection, cache: cache) { connection in
                    SQLiteTransaction(connection: connection, ids: ids, isWritable: true, plans: plans, cache: cache)
                }
            }
            var connections: [SQLiteConnection] = []
            for _ in 0..<max(1, configuration.readers) {
                connections.append(try Self.openReader(path, configuration))
            }
            if readOnly, let first = connections.first {
                try Self.requireCurrentSchema(first, target: configuration.migrationTarget, path: path)
            }
            readers = SQLiteReaderPool(connections: connections) { connection in
                SQLiteTransaction(connection: connection, ids: ids, isWritable: false, plans: plans)
            }
        } catch {
            throw Self.storeError(error)
        }
        self.path = path
        self.isReadOnly = readOnly
    }

    /// Runs `body` on the next reader, in one read transaction (see ``Store/read(_:)``).
    public func read<Value: Sendable>(_ body: @escaping @Sendable (any StoreReader) throws -> Value) async throws
        -> Value
    {
        try await readers.read { transaction in try body(transaction) }
    }

    /// Runs `body` on the caller's thread when a reader is free, else as ``read(_:)`` does (see
    /// ``Store/readBounded(_:)``).
    public func readBounded<Value: Sendable>(_ body: @escaping @Sendable (any StoreReader) throws -> Value)
        async throws -> Value
    {
        try await readers.readBounded { transaction in try body(transaction) }
    }

    /// Runs `body` in the writer's next batch and returns once it is committed (see ``Store/write(_:)``).
    public func write<Value: Sendable>(_ body: @escaping @Sendable (any StoreWriter) throws -> Value) async throws
        -> Value
    {
        guard let writer else {
            throw StoreError.readOnly("the database '\(path)' cannot be written (read-only file or folder)")
        }
        return try await writer.write { transaction in try body(transaction) }
    }

    /// Everything in the database, from one snapshot.
    public func exportDatabase() async throws -> ExportDocument {
        try await readers.read { transaction in try transaction.everything() }
    }

    /// Waits for queued writes, then lets the connections go.
    public func close() async {
        await writer?.close()
        await readers.close()
    }

    /// Writes a consistent copy of the whole database to a new file at `path` with SQLite's
    /// online backup API, while other commands or a server go on using it.
    ///
    /// - Throws: ``StoreError`` when `path` exists already or cannot be written.
    public func backup(to path: String) async throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError(code: .cannotOpen, message: "'\(path)' exists already: choose a new file for the backup")
        }
        let source = self.path
        let configuration = Configuration()
        try await Task.detached {
            // A connection of its own, so the backup neither waits for nor blocks the writer.
            let connection = try Self.openReader(source, configuration)
            do { try connection.backup(to: path) } catch {
                try? FileManager.default.removeItem(atPath: path)
                throw Self.storeError(error)
            }
        }.value
    }

    // MARK: Opening

    private static func isWritable(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return access(path, W_OK) == 0 && access(folder.isEmpty ? "." : folder, W_OK) == 0
    }

    private static func configureWriter(_ connection: SQLiteConnection, _ configuration: Configuration) throws {
        let milliseconds = Int(
            configuration.busyTimeout.components.seconds * 1000
                + configuration.busyTimeout.components.attoseconds / 1_000_000_000_000_000)
        try connection.setBusyTimeout(milliseconds: milliseconds)
        let mode = try enableWAL(connection, busyMilliseconds: milliseconds)
        guard mode == "wal" else {
            throw SQLiteError.pragmaRefused("journal_mode", wanted: "wal", got: mode ?? "nothing")
        }
        try connection.execute("PRAGMA foreign_keys = ON", cached: false)
        let foreignKeys = try connection.rows("PRAGMA foreign_keys", cached: false).first?.optionalInt(0)
        guard foreignKeys == 1 else {
            throw SQLiteError.pragmaRefused("foreign_keys", wanted: "1", got: "\(foreignKeys ?? 0)")
        }
        try connection.execute(
            SQLQuery(unsafeSQL: "PRAGMA synchronous = \(configuration.synchronous.name)"), cached: false)
    }

    /// A read-only connection; in a folder where SQLite cannot create the WAL index, an immutable one.
    private static func openReader(_ path: String, _ configuration: Configuration) throws -> SQLiteConnection {
        let milliseconds = Int(configuration.busyTimeout.components.seconds * 1000)
        do {
            let connection = try SQLiteConnection(path: path, mode: .readOnly, trace: configuration.trace)
            try connection.setBusyTimeout(milliseconds: milliseconds)
            _ = try connection.rows("SELECT count(*) FROM sqlite_schema", cached: false)
            return connection
        } catch let error where error.code.primary == .cantOpen {
            let connection = try SQLiteConnection(path: path, mode: .immutable, trace: configuration.trace)
            _ = try connection.rows("SELECT count(*) FROM sqlite_schema", cached: false)
            return connection
        }
    }

    /// Switches the file to WAL mode, which lasts across connections.
    ///
    /// Changing the journal mode needs an exclusive lock and SQLite may answer SQLITE_BUSY without
    /// calling the busy handler when several connections open a new file at once, so this retries
    /// until the busy timeout.
    private static func enableWAL(_ connection: SQLiteConnection, busyMilliseconds: Int) throws(SQLiteError) -> String?
    {
        let current = try connection.rows("PRAGMA journal_mode", cached: false).first?.optionalText(0)
        if current == "wal" { return current }
        var waited = 0
        while true {
            do {
                return try connection.rows("PRAGMA journal_mode = WAL", cached: false).first?.optionalText(0)
            } catch  where error.code.primary == .busy && waited < busyMilliseconds {
                Thread.sleep(forTimeInterval: 0.005)
                waited += 5
            }
        }
    }

    /// A read-only file cannot be migrated: say so before anything fails on a missing column.
    private static func requireCurrentSchema(_ connection: SQLiteConnection, target: String?, path: String) throws {
        let migrator = SQLiteMigrator(connection: connection)
        let applied = try migrator.appliedMigrations()
        let pending = try MigrationPlan.pending(applied: applied, known: StoreSchema.migrations, upTo: target)
        guard pending.isEmpty else {
            throw StoreError.incompatibleSchema(
                "the database '\(path)' was made by an earlier version and needs an upgrade, which cannot be written "
                    + "to a read-only file: run any command that writes (for example 'glute plan') once with write "
                    + "access, or copy the file somewhere writable")
        }
    }

    /// What the caller of `read` or `write` gets for an error thrown inside its transaction:
    /// SQLite's errors become ``StoreError``; anything else (a store method's ``StoreError``, or
    /// the body's own error, such as the application's "there is no plan") reaches the caller as
    /// it was thrown.
    static func transactionError(_ error: any Error) -> any Error {
        error is SQLiteError ? storeError(error) : error
    }

    /// What a call after ``close()`` gets.
    static func closedError() -> StoreError {
        StoreError(code: .cannotOpen, message: "the database is closed")
    }

    /// Maps any error of this module to the store's error type.
    static func storeError(_ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let error as SQLiteError:
            let code: StoreError.Code =
                switch error.code.primary {
                case .constraint: .constraintViolation
                case .busy, .locked: .busy
                case .cantOpen, .notADatabase: .cannotOpen
                case .readOnly: .readOnly
                default: .backendFailure
                }
            return StoreError(
                code: code, message: error.description,
                details: error.arguments.isEmpty ? nil : "arguments \(error.arguments)", underlying: error)
        case let error as FieldError:
            return .invalidRecord(error)
        case is CancellationError:
            return StoreError(code: .backendFailure, message: "cancelled", underlying: CancellationError())
        default:
            return StoreError(code: .backendFailure, message: "unexpected error: \(type(of: error))")
        }
    }
}

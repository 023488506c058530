internal import Foundation
internal import GluteCore
internal import GluteJSON
public import GluteStore

/// The SQLite back end of ``Store``: one database file, opened in WAL mode.
///
/// The store is an actor that owns one ``SQLiteConnection``; calls from many tasks are served one
/// at a time. Several stores (in one process or several) may open the same file: every write is a
/// `BEGIN IMMEDIATE` transaction and waits up to ``Configuration/busyTimeout`` for the lock.
///
/// Opening a store creates the parent folder and the file if needed, turns on WAL, foreign keys
/// and `synchronous=FULL` (see ``Configuration``), and applies any pending migrations from
/// ``StoreSchema/migrations``.
///
/// ```swift
/// let path = try SQLiteDatabaseLocation.resolve(explicit: options.database,
///                                               environment: ProcessInfo.processInfo.environment)
/// let store = try SQLiteStore(path: path)
/// let me = try await store.defaultPerson()
/// ```
public actor SQLiteStore: Store {
    /// The path of the database file.
    public nonisolated let path: String
    let connection: SQLiteConnection
    let environment: StoreEnvironment

    /// Opens the database at `path`, creating its folder and file when missing, and migrates it.
    ///
    /// - Parameters:
    ///   - path: the database file; see ``SQLiteDatabaseLocation``.
    ///   - configuration: durability, busy timeout and tracing.
    ///   - environment: the clock and identifier source (``StoreEnvironment/live`` by default).
    /// - Throws: ``StoreError`` with ``StoreError/Code/cannotOpen``, ``StoreError/Code/incompatibleSchema``
    ///   (a newer build wrote the file) or another code from SQLite.
    public init(
        path: String, configuration: Configuration = Configuration(),
        environment: StoreEnvironment = .live
    ) throws {
        do {
            try SQLiteDatabaseLocation.createParentFolder(of: path)
            let connection = try SQLiteConnection(path: path, trace: configuration.trace)
            let milliseconds =
                configuration.busyTimeout.components.seconds * 1000
                + configuration.busyTimeout.components.attoseconds / 1_000_000_000_000_000
            try connection.setBusyTimeout(milliseconds: Int(milliseconds))
            try Self.configure(connection, synchronous: configuration.synchronous, busyMilliseconds: Int(milliseconds))
            try SQLiteMigrator(connection: connection)
                .migrate(upTo: configuration.migrationTarget, now: environment.now())
            self.connection = connection
        } catch {
            throw Self.storeError(error)
        }
        self.path = path
        self.environment = environment
    }

    private static func configure(
        _ connection: SQLiteConnection, synchronous: Synchronous,
        busyMilliseconds: Int
    ) throws(SQLiteError) {
        let mode = try enableWAL(connection, busyMilliseconds: busyMilliseconds)
        guard mode == "wal" else { throw .pragmaRefused("journal_mode", wanted: "wal", got: mode ?? "nothing") }
        try connection.execute("PRAGMA foreign_keys = ON", cached: false)
        let foreignKeys = try connection.rows("PRAGMA foreign_keys", cached: false).first?.optionalInt(0)
        guard foreignKeys == 1 else { throw .pragmaRefused("foreign_keys", wanted: "1", got: "\(foreignKeys ?? 0)") }
        try connection.execute(SQLQuery(unsafeSQL: "PRAGMA synchronous = \(synchronous.name)"), cached: false)
    }

    /// Switches the file to WAL mode, which lasts across connections.
    ///
    /// Changing the journal mode
    /// needs an exclusive lock and SQLite may answer SQLITE_BUSY without calling the busy handler
    /// when several connections open a new file at once, so this retries until the busy timeout.
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

    /// Runs `body` in a write transaction, turning every error into a ``StoreError``.
    func write<Value>(_ body: (SQLiteConnection) throws -> Value) throws(StoreError) -> Value {
        do {
            return try connection.writeTransaction { try body(connection) }
        } catch {
            throw Self.storeError(error)
        }
    }

    /// Runs `body` in a read transaction (one snapshot), turning every error into a ``StoreError``.
    func read<Value>(_ body: (SQLiteConnection) throws -> Value) throws(StoreError) -> Value {
        do {
            return try connection.readTransaction { try body(connection) }
        } catch {
            throw Self.storeError(error)
        }
    }

    /// Checks inside a transaction that `person` exists.
    func requirePerson(_ person: Person.ID, in connection: SQLiteConnection) throws {
        guard try !connection.rows("SELECT 1 FROM person WHERE id = \(person)").isEmpty else {
            throw StoreError.notFound("person", id: person.rawValue)
        }
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
                default: .backendFailure
                }
            return StoreError(
                code: code, message: error.description,
                details: error.arguments.isEmpty ? nil : "arguments \(error.arguments)", underlying: error)
        case let error as FieldError:
            return .invalidRecord(error)
        default:
            return StoreError(code: .backendFailure, message: "unexpected error: \(type(of: error))")
        }
    }
}

internal import Foundation
internal import GluteApp
internal import GluteCore
internal import GluteSQLite
internal import GluteStore

/// The command line's composition root: the one place that knows the back end (SQLite), opens
/// the database and builds the application for the command line's one person.
///
/// Commands that only read open the database as it is and never create it; commands that write
/// create it (and the default folder) when missing.
struct CLIApplication: Sendable {
    /// Whether a command writes.
    enum Access { case read, write }

    let app: GluteApp
    let store: SQLiteStore
    let io: CommandIO

    /// Opens the database at `--database`, else `$GLUTE_DATABASE`, else the XDG data folder.
    ///
    /// An explicit path whose folder does not exist is an error; only the default folder is made.
    ///
    /// - Parameters:
    ///   - readers: read connections beside the writer (the server uses several).
    ///   - serving: for `glute serve`, whose people always have their own zone: no machine zone
    ///     falls in for a person without one.
    static func open(
        database: String?, io: CommandIO, access: Access, readers: Int = 1, serving: Bool = false,
        accounts: AccountSettings = AccountSettings()
    ) throws -> CLIApplication {
        let path: String
        do {
            path = try SQLiteDatabaseLocation.resolve(explicit: database, environment: io.environment)
        } catch {
            throw CLIError.failure("cannot find where to keep the database: \(error)")
        }
        let explicit = database != nil || !(io.environment["GLUTE_DATABASE"] ?? "").isEmpty
        let folder = (path as NSString).deletingLastPathComponent
        let exists = FileManager.default.fileExists(atPath: path)
        if access == .read, !exists {
            throw CLIError.failure("there is no plan yet: run 'glute assess' first")
        }
        if !exists, !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            guard !explicit else {
                throw CLIError.failure(
                    "the folder '\(folder)' does not exist: create it first, or choose another --database")
            }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CLIError.failure("cannot create the folder '\(folder)': \(error.localizedDescription)")
            }
        }
        var configuration = SQLiteStore.Configuration()
        configuration.readers = readers
        let store: SQLiteStore
        do {
            store = try SQLiteStore(path: path, configuration: configuration, clock: io.clock, ids: .ordered)
        } catch let error as StoreError {
            throw CLIError.failure("cannot open the database '\(path)': \(error)")
        }
        let app = GluteApp(
            store: store, knowledge: try KnowledgeBase.bundled(), clock: io.clock,
            defaultTimeZone: serving ? nil : io.timeZone, accounts: accounts)
        return CLIApplication(app: app, store: store, io: io)
    }

    /// The database file's path.
    var databasePath: String { store.path }

    /// Waits for pending writes and closes the database.
    func close() async { await store.close() }

    /// Whether the database holds no account yet (`glute serve` then says how to make the first).
    func hasNoAccount() async throws -> Bool {
        try await run { try await app.store.read { tx in try tx.earliestPerson() == nil } }
    }

    /// The command line's person: the person of `glute --account EMAIL` (or `$GLUTE_ACCOUNT`) when
    /// given, else the earliest created, created on first use by a command that writes.
    func person(_ access: Access) async throws -> Person {
        if let email = io.environment["GLUTE_ACCOUNT"], !email.isEmpty {
            let account = try await run {
                try await app.store.read { tx in try tx.account(email: Account.normalizedEmail(email)) }
            }
            guard let account else {
                throw CLIError.failure("there is no account '\(email)': 'glute account create \(email)' makes one")
            }
            guard let person = try await run({ try await app.person(account.personID) }) else {
                throw CLIError.failure("the person of account '\(email)' is missing from the database")
            }
            return person
        }
        do {
            if access == .write { return try await app.earliestPersonCreatingIfNeeded() }
            guard let person = try await app.earliestPerson() else {
                throw CLIError.failure("there is no plan yet: run 'glute assess' first")
            }
            return person
        } catch let error as AppError {
            throw Self.failure(error)
        }
    }

    /// The person's zone rules.
    func zone(_ person: Person) -> TimeZoneRules { person.zone(fallback: io.timeZone) }

    /// Runs a use case, turning its errors into the command line's.
    ///
    /// - Parameter flags: the command's flag for each API field, so that an input error names the
    ///   flag the person typed (a usage error, exit 64); an error on another field is a data error (65).
    func run<Value>(flags: [String: String] = [:], _ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch let error as AppError {
            throw Self.failure(error, flags: flags)
        }
    }

    /// The command line's form of an application error.
    static func failure(_ error: AppError, flags: [String: String] = [:]) -> CLIError {
        switch error.code {
        case .invalidInput:
            if let field = error.field, let flag = flags[field] {
                return CLIError.usage("Invalid value for '\(flag)': \(error.message)")
            }
            if let field = error.field { return CLIError.data(field: field, error.message) }
            return CLIError.usage(error.message)
        default:
            return CLIError.failure(error.message)
        }
    }
}

/// Where the command line keeps its database, for commands that handle the file itself.
enum SQLiteLocation {
    /// `--database`, else `$GLUTE_DATABASE`, else the XDG data folder.
    static func path(database: String?, io: CommandIO) throws -> String {
        do {
            return try SQLiteDatabaseLocation.resolve(explicit: database, environment: io.environment)
        } catch {
            throw CLIError.failure("cannot find where to keep the database: \(error)")
        }
    }

    /// Removes a database file this command made, with its WAL files.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

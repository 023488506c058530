extension SQLiteStore {
    /// How a ``SQLiteStore`` opens its database.
    ///
    /// The defaults favour durability: a logged set is on disk when the call returns.
    ///
    /// ```swift
    /// var configuration = SQLiteStore.Configuration()
    /// configuration.trace = { sql in recorder.append(sql) }
    /// let store = try SQLiteStore(path: path, configuration: configuration)
    /// ```
    public struct Configuration: Sendable {
        /// The `synchronous` pragma: when SQLite waits for the disk.
        public var synchronous: Synchronous = .full
        /// How long a write waits for another connection's lock before failing with ``StoreError/Code/busy``.
        public var busyTimeout: Duration = .seconds(10)
        /// Receives the SQL of every statement the store runs, with `?` in place of values.
        public var trace: (@Sendable (String) -> Void)?
        /// Apply migrations only up to the one with this name; `nil` applies all.
        ///
        /// For tests.
        public var migrationTarget: String?
        /// How many read-only connections serve reads beside the writer (at least one).
        public var readers: Int = 2
        /// Open read-only even when the file could be written.
        public var readOnly = false

        /// The defaults: `synchronous=FULL`, a 10 second busy timeout, two readers, no trace, every migration.
        public init() {}
    }

    /// A value of SQLite's `synchronous` pragma (https://sqlite.org/pragma.html#pragma_synchronous).
    public struct Synchronous: Sendable, Hashable {
        /// The pragma's value.
        public let name: String

        private init(_ name: String) { self.name = name }

        /// "FULL synchronous is very safe": in WAL mode every commit is synced to disk before it returns.
        public static let full = Synchronous("FULL")
        /// "A transaction committed in WAL mode with synchronous=NORMAL might roll back following a
        /// power loss or system crash." Faster; for tests and caches.
        public static let normal = Synchronous("NORMAL")
        /// No syncing at all; only for throwaway test databases.
        public static let off = Synchronous("OFF")
    }
}

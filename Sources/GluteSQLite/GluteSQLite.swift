internal import CSQLite

/// The SQLite back end of the store.
public enum GluteSQLiteModule {
    /// The version of the linked SQLite library.
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}

internal import Foundation
public import GluteStore

/// Where the CLI keeps its database, decided by a pure function that tests can call.
///
/// In order of precedence:
/// 1. the explicit path (`--database PATH`);
/// 2. `$GLUTE_DATABASE`;
/// 3. `$XDG_DATA_HOME/glutecoach/glute.sqlite`, when `XDG_DATA_HOME` is an absolute path (the XDG
///    Base Directory specification says relative values are to be ignored);
/// 4. `$HOME/.local/share/glutecoach/glute.sqlite`.
///
/// Empty values count as unset.
///
/// ```swift
/// let path = try SQLiteDatabaseLocation.resolve(explicit: nil, environment: ["HOME": "/home/ana"])
/// // "/home/ana/.local/share/glutecoach/glute.sqlite"
/// ```
public enum SQLiteDatabaseLocation {
    /// The file name inside the data folder.
    public static let fileName = "glute.sqlite"
    /// The folder inside the data home.
    public static let folderName = "glutecoach"

    /// The database path for `explicit` and `environment`.
    ///
    /// - Throws: ``StoreError/Code/cannotOpen`` when no rule gives a path (not even `HOME`).
    public static func resolve(explicit: String?, environment: [String: String]) throws(StoreError) -> String {
        func value(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        if let explicit, !explicit.isEmpty { return explicit }
        if let path = value("GLUTE_DATABASE") { return path }
        if let dataHome = value("XDG_DATA_HOME"), dataHome.hasPrefix("/") {
            return join(dataHome, folderName, fileName)
        }
        if let home = value("HOME") {
            return join(home, ".local/share", folderName, fileName)
        }
        throw StoreError(
            code: .cannotOpen,
            message: "cannot tell where the database goes: pass --database or set GLUTE_DATABASE or HOME")
    }

    private static func join(_ parts: String...) -> String {
        var path = parts[0]
        for part in parts.dropFirst() {
            if !path.hasSuffix("/") { path += "/" }
            path += part
        }
        return path
    }

    /// Creates the folder that will hold `path`, with its parents, when it is missing.
    static func createParentFolder(of path: String) throws(SQLiteError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateFolder(folder, reason: error.localizedDescription)
        }
    }
}

/// A family of SQL that a back end speaks; migrations carry their text per dialect.
public struct SQLDialect: Sendable, Hashable, CustomStringConvertible {
    /// The dialect's name.
    public let name: String

    private init(_ name: String) { self.name = name }

    /// The name.
    public var description: String { name }

    /// SQLite 3.37 or later (tables are `STRICT`).
    public static let sqlite = SQLDialect("sqlite")
    /// PostgreSQL 15 or later.
    public static let postgres = SQLDialect("postgres")
}

/// One named step of the schema, applied once, in order, and never undone.
///
/// A migration is identified by its ``version`` (1, 2, 3…) and its ``name``; a database remembers
/// both in the `schema_migration` table. Once released, a migration's statements never change:
/// fixing a schema means adding the next migration. Each back end runs its own SQL text for the
/// same step, so the contract tests hold on all of them.
///
/// ```swift
/// Migration(version: 3, name: "add note to wake-up call", statements: [
///     .sqlite: ["ALTER TABLE wake_up_call ADD COLUMN note TEXT"],
/// ])
/// ```
public struct Migration: Sendable, Hashable {
    /// The position in the sequence, starting at 1 with no gaps.
    public let version: Int
    /// A short description, unique in the sequence.
    public let name: String
    /// The statements to run for each dialect that supports this step.
    public let statements: [SQLDialect: [String]]

    /// Creates a migration.
    public init(version: Int, name: String, statements: [SQLDialect: [String]]) {
        self.version = version
        self.name = name
        self.statements = statements
    }

    /// The statements for `dialect`.
    ///
    /// - Throws: ``StoreError/Code/incompatibleSchema`` when this step has no text for the dialect.
    public func statements(for dialect: SQLDialect) throws(StoreError) -> [String] {
        guard let statements = statements[dialect] else {
            throw .incompatibleSchema("migration \(version) \"\(name)\" has no \(dialect) statements")
        }
        return statements
    }
}

/// A migration recorded as applied in a database.
public struct AppliedMigration: Sendable, Hashable {
    /// Its version.
    public let version: Int
    /// Its name as recorded when it was applied.
    public let name: String

    /// Creates a record of an applied migration.
    public init(version: Int, name: String) {
        self.version = version
        self.name = name
    }
}

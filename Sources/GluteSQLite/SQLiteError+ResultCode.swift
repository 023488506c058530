extension SQLiteError {
    /// An SQLite result code, primary or extended; see https://sqlite.org/rescode.html.
    ///
    /// A struct of constants rather than an enum, so codes can be added without breaking callers.
    /// "The extended result codes are a superset of the primary result codes": the low 8 bits of
    /// an extended code are its primary code.
    public struct ResultCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The numeric code.
        public let rawValue: Int32

        /// Wraps a numeric code.
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// The primary code: the low 8 bits.
        public var primary: ResultCode { ResultCode(rawValue: rawValue & 0xFF) }

        /// The number.
        public var description: String { String(rawValue) }

        /// Generic error (1).
        public static let error = ResultCode(rawValue: 1)
        /// The database file is locked by another connection (5).
        public static let busy = ResultCode(rawValue: 5)
        /// A table is locked (6).
        public static let locked = ResultCode(rawValue: 6)
        /// Disk I/O error (10).
        public static let ioError = ResultCode(rawValue: 10)
        /// An attempt to write a read-only database (8).
        public static let readOnly = ResultCode(rawValue: 8)
        /// The database file could not be opened (14).
        public static let cantOpen = ResultCode(rawValue: 14)
        /// A constraint was violated (19).
        public static let constraint = ResultCode(rawValue: 19)
        /// Data type mismatch (20).
        public static let mismatch = ResultCode(rawValue: 20)
        /// Library used incorrectly (21).
        public static let misuse = ResultCode(rawValue: 21)
        /// The file is not a database (26).
        public static let notADatabase = ResultCode(rawValue: 26)
        /// A parameter index or count is out of range (25).
        public static let range = ResultCode(rawValue: 25)
        /// A CHECK constraint failed (275).
        public static let constraintCheck = ResultCode(rawValue: 275)
        /// A foreign key constraint failed (787).
        public static let constraintForeignKey = ResultCode(rawValue: 787)
        /// A NOT NULL constraint failed (1299).
        public static let constraintNotNull = ResultCode(rawValue: 1299)
        /// A PRIMARY KEY constraint failed (1555).
        public static let constraintPrimaryKey = ResultCode(rawValue: 1555)
        /// A trigger raised an error (1811).
        public static let constraintTrigger = ResultCode(rawValue: 1811)
        /// A UNIQUE constraint failed (2067).
        public static let constraintUnique = ResultCode(rawValue: 2067)
        /// A value does not have the column's type in a STRICT table (3091).
        public static let constraintDataType = ResultCode(rawValue: 3091)
    }
}

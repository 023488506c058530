public import GluteJSON

/// The one error type of the storage layer, thrown by every ``Store`` method.
///
/// An error has a ``code`` that callers match on, a ``message`` that is safe to show and to log,
/// and optional context: the ``field`` path for invalid input, ``details`` that may hold stored
/// values (shown only by ``debugDescription``), and the back end's own ``underlying`` error.
///
/// ```swift
/// do {
///     try await store.importDocument(text)
/// } catch let error as StoreError where error.code == .invalidDocument {
///     print(error)   // "invalid import document: loggedSets[3].pain: must be between 0 and 10"
/// }
/// ```
public struct StoreError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is.
    ///
    /// New codes may be added; match with `==`, not exhaustively.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// A short stable name, such as `constraintViolation`.
        public let name: String

        private init(_ name: String) { self.name = name }

        /// The name of the code.
        public var description: String { name }

        /// A record the operation needs does not exist (for example an unknown person).
        public static let notFound = Code("notFound")
        /// A record passed to the store breaks a rule that the store checks before writing.
        public static let invalidRecord = Code("invalidRecord")
        /// An import document is malformed; ``StoreError/field`` names the path.
        public static let invalidDocument = Code("invalidDocument")
        /// The database refused a write because of a constraint (NOT NULL, CHECK, UNIQUE, foreign key).
        public static let constraintViolation = Code("constraintViolation")
        /// The database stayed locked by another writer for longer than the busy timeout.
        public static let busy = Code("busy")
        /// The database was written by a newer version, or its migration history does not match.
        public static let incompatibleSchema = Code("incompatibleSchema")
        /// The database file could not be opened or created.
        public static let cannotOpen = Code("cannotOpen")
        /// Any other failure reported by the back end.
        public static let backendFailure = Code("backendFailure")
        /// The database cannot be written (a file the user cannot write): reads still work.
        public static let readOnly = Code("readOnly")
        /// An import would add records whose identifiers the database already holds.
        public static let alreadyImported = Code("alreadyImported")
        /// A record would repeat a value that must be unique (an email that has an account, a
        /// coach and client already linked, an idempotency key already used).
        public static let alreadyExists = Code("alreadyExists")
    }

    /// What kind of failure this is.
    public var code: Code
    /// A message without stored values or secrets.
    public var message: String
    /// The path of the offending field for ``Code/invalidDocument`` and ``Code/invalidRecord``.
    public var field: String?
    /// Extra context that may contain stored or bound values; only in ``debugDescription``.
    public var details: String?
    /// The back end's own error, when there is one.
    public var underlying: (any Error & Sendable)?

    /// Creates an error; prefer the named factories.
    public init(
        code: Code, message: String, field: String? = nil, details: String? = nil,
        underlying: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.field = field
        self.details = details
        self.underlying = underlying
    }

    /// The message.
    ///
    /// Never contains bound values.
    public var description: String { message }

    /// The description followed by details and the underlying error's own debug description.
    public var debugDescription: String {
        var text = "StoreError.\(code): \(description)"
        if let details { text += " [\(details)]" }
        if let underlying { text += " (underlying: \(String(reflecting: underlying)))" }
        return text
    }
}

extension StoreError {
    /// No record of `kind` with identifier `id`; the identifier goes to the details only.
    public static func notFound(_ kind: String, id: String) -> StoreError {
        StoreError(code: .notFound, message: "no such \(kind)", details: "id \(id)")
    }

    /// An import document that breaks its format at `error.field`.
    public static func invalidDocument(_ error: FieldError) -> StoreError {
        StoreError(code: .invalidDocument, message: "invalid import document: \(error)", field: error.field)
    }

    /// A record that breaks a rule at `error.field`.
    public static func invalidRecord(_ error: FieldError) -> StoreError {
        StoreError(code: .invalidRecord, message: "invalid record: \(error)", field: error.field)
    }

    /// A record that would repeat the unique `what` (the value goes to the details only).
    public static func alreadyExists(_ what: String, field: String? = nil) -> StoreError {
        StoreError(code: .alreadyExists, message: "\(what) exists already", field: field)
    }

    /// A write refused because the database cannot be written.
    public static func readOnly(_ message: String) -> StoreError {
        StoreError(code: .readOnly, message: message)
    }

    /// A database whose applied migrations do not match the ones this build knows.
    public static func incompatibleSchema(_ message: String) -> StoreError {
        StoreError(code: .incompatibleSchema, message: message)
    }
}

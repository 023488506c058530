public import GluteJSON
public import GluteStore

/// Why a use case could not be carried out: a code the front end maps (to an exit status or an
/// HTTP status), a plain message, and the field at fault when there is one.
///
/// `description` never holds secrets or the values a person entered beyond what the message
/// quotes; `debugDescription` adds the underlying error.
public struct AppError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The kind of failure, as an extensible set of constants.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's name.
        public let name: String
        private init(_ name: String) { self.name = name }
        /// The name.
        public var description: String { name }

        /// Input that breaks a rule (the field names where).
        public static let invalidInput = Code("invalidInput")
        /// Something named does not exist (or belongs to someone else).
        public static let notFound = Code("notFound")
        /// The call needs something done first (an assessment, a plan).
        public static let precondition = Code("precondition")
        /// The call clashes with what is stored (an import of records already there).
        public static let conflict = Code("conflict")
        /// The database cannot be written.
        public static let readOnly = Code("readOnly")
        /// The database or the machine failed.
        public static let failure = Code("failure")
        /// The caller is not signed in, or the email or password is wrong (never saying which).
        public static let unauthorized = Code("unauthorized")
        /// The caller is signed in but may not do this.
        public static let forbidden = Code("forbidden")
        /// Too many attempts: try again after ``AppError/retryAfterSeconds``.
        public static let rateLimited = Code("rateLimited")
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, in plain words.
    public var message: String
    /// The field at fault, as a path (`tests.singleLegBridge.left.reps`), when known.
    public var field: String?
    /// The error underneath, for logs.
    public var underlying: (any Error & Sendable)?
    /// For ``Code/rateLimited``: how many seconds until another attempt is counted.
    public var retryAfterSeconds: Int?

    /// Creates an error.
    public init(code: Code, message: String, field: String? = nil, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.underlying = underlying
    }

    /// An error from the store, in the application's terms.
    public init(store error: StoreError) {
        let code: Code =
            switch error.code {
            case .notFound: .notFound
            case .invalidRecord, .invalidDocument: .invalidInput
            case .alreadyImported, .constraintViolation, .alreadyExists: .conflict
            case .readOnly: .readOnly
            default: .failure
            }
        self.init(code: code, message: error.message, field: error.field, underlying: error)
    }

    /// An input error naming its field.
    public static func invalid(_ error: FieldError) -> AppError {
        AppError(code: .invalidInput, message: error.message, field: error.field, underlying: error)
    }

    /// The value of `body`, its field error turned into an input error.
    static func checked<Value>(_ body: () throws(FieldError) -> Value) throws(AppError) -> Value {
        do { return try body() } catch { throw invalid(error) }
    }

    /// An input error on `field`.
    public static func invalid(_ field: String, _ message: String) -> AppError {
        AppError(code: .invalidInput, message: message, field: field)
    }

    static func noSuchPerson() -> AppError { AppError(code: .notFound, message: "there is no such person") }

    static func noAssessment() -> AppError {
        AppError(code: .precondition, message: "there is no assessment yet: take the assessment first")
    }

    /// The one answer to a failed sign-in, whether the email is unknown or the password wrong.
    static func invalidCredentials() -> AppError {
        AppError(code: .unauthorized, message: "the email or the password is wrong")
    }

    /// Too many attempts; another is counted after `seconds`.
    static func rateLimited(_ what: String, retryAfter seconds: Int) -> AppError {
        let minutes = max(1, (seconds + 59) / 60)
        var error = AppError(
            code: .rateLimited, message: "too many \(what): try again in \(minutes) minute\(minutes == 1 ? "" : "s")")
        error.retryAfterSeconds = max(1, seconds)
        return error
    }

    static func noSuchAccount() -> AppError { AppError(code: .notFound, message: "there is no such account") }

    static func noSuchClient() -> AppError {
        AppError(code: .notFound, message: "there is no such client of yours (a client must accept your invitation)")
    }

    static func coachesOnly() -> AppError { AppError(code: .forbidden, message: "only a coach's account can do this") }

    static func clientsOnly() -> AppError { AppError(code: .forbidden, message: "only a client's account can do this") }

    static func noPlan() -> AppError {
        AppError(code: .precondition, message: "there is no plan yet: take the assessment first")
    }

    /// The message, with the field first when there is one: `tests.x.reps: must be ...`.
    public var description: String { field.map { "\($0): \(message)" } ?? message }

    /// The description and the underlying error.
    public var debugDescription: String {
        "AppError.\(code): \(description)" + (underlying.map { " (\(String(reflecting: $0)))" } ?? "")
    }

    /// `{"error": {"message": ..., "field": ...}}`, the body every front end prints for a failure.
    public var jsonValue: JSONValue {
        var error: JSONObject = ["message": .string(message)]
        if let field { error["field"] = .string(field) }
        return .object(["error": .object(error)])
    }
}

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
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, in plain words.
    public var message: String
    /// The field at fault, as a path (`tests.singleLegBridge.left.reps`), when known.
    public var field: String?
    /// The error underneath, for logs.
    public var underlying: (any Error & Sendable)?

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
            case .alreadyImported, .constraintViolation: .conflict
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

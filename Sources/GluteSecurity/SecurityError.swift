/// The one error type of GluteSecurity.
///
/// A ``code`` to match on and a ``message`` safe to show; neither ever holds a password, a hash
/// or a secret token.
///
/// ```swift
/// do { try PasswordPolicy.check(password) } catch let error where error.code == .weakPassword {
///     print(error)   // "must be at least 12 characters"
/// }
/// ```
public struct SecurityError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is; new codes may be added, so match with `==`.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// A short stable name, such as `weakPassword`.
        public let name: String

        private init(_ name: String) { self.name = name }

        /// The name.
        public var description: String { name }

        /// A password that breaks ``PasswordPolicy`` (too short or too long).
        public static let weakPassword = Code("weakPassword")
        /// libsodium could not compute a hash (it could not allocate the memory argon2id needs).
        public static let hashingFailed = Code("hashingFailed")
        /// Parameters outside what libsodium accepts.
        public static let invalidParameters = Code("invalidParameters")
    }

    /// What kind of failure this is.
    public var code: Code
    /// What went wrong, in plain words, without secrets.
    public var message: String

    /// Creates an error; prefer the named factories.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// A password that breaks the policy, saying how.
    public static func weakPassword(_ message: String) -> SecurityError {
        SecurityError(code: .weakPassword, message: message)
    }

    /// A hash libsodium could not compute.
    public static func hashingFailed() -> SecurityError {
        SecurityError(
            code: .hashingFailed, message: "the password could not be hashed (argon2id could not allocate its memory)")
    }
}

public import GluteJSON

/// Limits on stored text that every back end enforces, checked before writing so that callers
/// get a field name instead of a constraint message.
///
/// Lengths count Unicode scalars, as SQLite's and PostgreSQL's `length()` do for text.
///
/// ```swift
/// try RecordRules.check(reason, RecordRules.reasonLength, field: "reason")
/// ```
public enum RecordRules {
    /// A person's name.
    public static let nameLength = 1...200
    /// A plan version's reason.
    public static let reasonLength = 1...500
    /// A retest's test name.
    public static let testNameLength = 1...100
    /// A record identifier.
    public static let idLength = 1...64
    /// An account's email address.
    public static let emailLength = 3...254
    /// A stored password hash (argon2id texts are about 100 characters).
    public static let passwordHashLength = 1...512
    /// An API token's name.
    public static let tokenNameLength = 1...100
    /// A coach's note.
    public static let noteLength = 1...4000
    /// An `Idempotency-Key`.
    public static let idempotencyKeyLength = 1...255
    /// The name of an operation an idempotency key is for.
    public static let operationLength = 1...100
    /// A rate-limit counter's key.
    public static let rateLimitKeyLength = 1...300
    /// A hash of a secret: 64 lowercase hexadecimal digits (BLAKE2b-256 or SHA-256).
    public static let secretHashLength = 64

    /// The length of `text` as the databases count it.
    public static func length(_ text: String) -> Int { text.unicodeScalars.count }

    /// Throws when the length of `text` is outside `range`.
    ///
    /// - Throws: ``FieldError`` on `field`: "must be 1 to 200 characters".
    public static func check(_ text: String, _ range: ClosedRange<Int>, field: String) throws(FieldError) {
        guard range.contains(length(text)) else {
            throw FieldError(field: field, message: "must be \(range.lowerBound) to \(range.upperBound) characters")
        }
    }

    /// Throws unless `email` (already normalised) looks like an address: 3 to 254 characters, no
    /// white space, one `@` with text on both sides.
    ///
    /// Deliberately loose: whether mail reaches it is not the store's concern.
    public static func checkEmail(_ email: String, field: String = "email") throws(StoreError) {
        try checked(email, emailLength, field: field)
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
            !email.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 })
        else {
            throw StoreError.invalidRecord(
                FieldError(field: field, message: "must be an email address such as ana@example.com"))
        }
    }

    /// Throws unless `hash` is 64 lowercase hexadecimal digits, the form secrets are stored in.
    public static func checkSecretHash(_ hash: String, field: String) throws(StoreError) {
        guard hash.utf8.count == secretHashLength,
            hash.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
        else {
            throw StoreError.invalidRecord(FieldError(field: field, message: "must be 64 lowercase hexadecimal digits"))
        }
    }

    /// Throws a ``StoreError`` (``StoreError/Code/invalidRecord``) when the length of `text` is
    /// outside `range`.
    public static func checked(_ text: String, _ range: ClosedRange<Int>, field: String) throws(StoreError) {
        do { try check(text, range, field: field) } catch { throw StoreError.invalidRecord(error) }
    }
}

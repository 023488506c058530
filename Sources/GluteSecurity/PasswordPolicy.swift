/// What a password must be: at least 12 characters, at most 1,000.
///
/// Characters are counted as people see them (extended grapheme clusters: "é" typed as `e` and
/// a combining accent is one), never as bytes. There are no composition rules: length is what
/// makes a password hard to guess, and the rate limits on signing in do the rest.
///
/// ```swift
/// try PasswordPolicy.check("correct horse battery")   // passes
/// try PasswordPolicy.check("short")                   // throws weakPassword
/// ```
public enum PasswordPolicy {
    /// The fewest characters a password may have.
    public static let minimumLength = 12
    /// The most characters a password may have (hashing a megabyte would waste the hashing threads).
    public static let maximumLength = 1000

    /// Throws when `password` is shorter than ``minimumLength`` or longer than ``maximumLength``.
    ///
    /// - Throws: ``SecurityError/Code/weakPassword`` with a message such as "must be at least 12
    ///   characters".
    public static func check(_ password: String) throws(SecurityError) {
        let count = password.count
        guard count >= minimumLength else {
            throw .weakPassword("must be at least \(minimumLength) characters (this one has \(count))")
        }
        guard count <= maximumLength else {
            throw .weakPassword("must be at most \(maximumLength) characters")
        }
    }
}

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

    /// Throws a ``StoreError`` (``StoreError/Code/invalidRecord``) when the length of `text` is
    /// outside `range`.
    public static func checked(_ text: String, _ range: ClosedRange<Int>, field: String) throws(StoreError) {
        do { try check(text, range, field: field) } catch { throw StoreError.invalidRecord(error) }
    }
}

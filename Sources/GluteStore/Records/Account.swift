public import GluteCore

/// What an account may do beyond its own person's data.
public enum AccountRole: String, Sendable, CaseIterable, Hashable {
    /// A person who trains: sees and changes only their own data.
    case client
    /// A coach or physiotherapist: also sees and edits the clients who accepted their invitation.
    case coach
}

/// A login: an email, a role, a password hash, and the person whose training it owns.
///
/// Every account has a person (a coach's holds their name and time zone), so that deleting the
/// person deletes the account with everything else. Secrets are never stored, only their hashes:
/// the password as an argon2id text, the calendar feed's URL secret as BLAKE2b-256 hex.
public struct Account: Sendable, Hashable, Identifiable {
    /// The identifier of an account.
    public typealias ID = Identifier<Account>

    /// The identifier.
    public var id: ID
    /// The email address, trimmed and in lower case (see ``normalizedEmail(_:)``), unique.
    public var email: String
    /// Client or coach.
    public var role: AccountRole
    /// The person whose data the account owns; one account per person.
    public var personID: Person.ID
    /// The password's argon2id hash, as libsodium writes it.
    public var passwordHash: String
    /// The hash of the calendar feed's secret, when the account has a feed.
    public var calendarSecretHash: String?
    /// When the account was created.
    public var createdAt: Timestamp

    /// Creates an account record.
    public init(
        id: ID, email: String, role: AccountRole, personID: Person.ID, passwordHash: String,
        calendarSecretHash: String? = nil, createdAt: Timestamp
    ) {
        self.id = id
        self.email = email
        self.role = role
        self.personID = personID
        self.passwordHash = passwordHash
        self.calendarSecretHash = calendarSecretHash
        self.createdAt = createdAt
    }

    /// An email as accounts keep it: without surrounding white space, in lower case.
    ///
    /// ```swift
    /// Account.normalizedEmail("  Ana@Example.COM ")   // "ana@example.com"
    /// ```
    public static func normalizedEmail(_ text: String) -> String {
        text.trimmingWhitespace().lowercased()
    }
}

extension String {
    /// The text without leading and trailing white space and line breaks.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

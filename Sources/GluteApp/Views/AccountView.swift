public import GluteCore
public import GluteJSON
public import GluteStore

/// An account as the front ends show it: never its password hash or any secret.
public struct AccountView: Sendable, Hashable {
    /// The account's identifier.
    public var id: Account.ID
    /// The email, normalised.
    public var email: String
    /// Client or coach.
    public var role: AccountRole
    /// The account's person.
    public var person: Person.ID
    /// The person's name, if given.
    public var name: String?
    /// The person's time zone.
    public var timeZone: String?
    /// When the account was made.
    public var createdAt: Timestamp

    /// The view of `account` and its person.
    public init(_ account: Account, person: Person?) {
        id = account.id
        email = account.email
        role = account.role
        self.person = account.personID
        name = person?.name
        timeZone = person?.timeZone
        createdAt = account.createdAt
    }

    /// `{ "id", "email", "role", "person", "name", "timeZone", "createdAt" }`.
    public var jsonValue: JSONValue {
        .object([
            "id": .string(id.rawValue), "email": .string(email), "role": .string(role.rawValue),
            "person": .string(person.rawValue), "name": .optional(name, JSONValue.string),
            "timeZone": .optional(timeZone, JSONValue.string), "createdAt": .string(createdAt.description),
        ])
    }
}

extension StoreReader {
    /// The view of the account with `id`, with its person, or `nil`.
    func accountView(_ id: Account.ID) throws -> AccountView? {
        guard let account = try account(id) else { return nil }
        return AccountView(account, person: try person(account.personID))
    }
}

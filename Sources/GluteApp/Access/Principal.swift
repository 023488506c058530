public import GluteStore

/// Who is calling: nobody, or a signed-in account with its role, its person and, for a coach,
/// the clients (their persons) the call may concern that the coach has a link in force with.
///
/// Built by ``GluteApp/principal(_:concerning:)`` from the store at the start of each call, so
/// it never outlives a link that ends; ``GluteApp/authorize(_:_:)`` decides from it alone.
public struct Principal: Sendable, Hashable {
    /// The signed-in account, `nil` for nobody.
    public var account: Account.ID?
    /// Its role.
    public var role: AccountRole?
    /// Its person.
    public var person: Person.ID?
    /// The clients' persons among those asked about that this coach has a link in force with.
    public var coachedClients: Set<Person.ID>

    /// Creates a principal.
    public init(account: Account.ID?, role: AccountRole?, person: Person.ID?, coachedClients: Set<Person.ID> = []) {
        self.account = account
        self.role = role
        self.person = person
        self.coachedClients = coachedClients
    }

    /// Nobody signed in.
    public static let anonymous = Principal(account: nil, role: nil, person: nil)

    /// A signed-in client.
    public static func client(_ account: Account.ID, person: Person.ID) -> Principal {
        Principal(account: account, role: .client, person: person)
    }

    /// A signed-in coach, with the clients of theirs the call may concern.
    public static func coach(_ account: Account.ID, person: Person.ID, clients: Set<Person.ID> = []) -> Principal {
        Principal(account: account, role: .coach, person: person, coachedClients: clients)
    }

    /// Whether someone is signed in.
    public var isSignedIn: Bool { account != nil && role != nil }
}

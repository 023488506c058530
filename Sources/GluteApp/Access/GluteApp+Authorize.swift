public import GluteStore

extension GluteApp {
    /// Whether `principal` may make a call that requires `requirement`: the one access decision
    /// of GluteCoach, pure, with no I/O.
    ///
    /// - ``Access/anonymous``: always.
    /// - ``Access/signedIn``: any account.
    /// - ``Access/client`` and ``Access/coach``: an account of that role.
    /// - ``Access/clientSelf(_:)``: the account whose person it is.
    /// - ``Access/coachOfClient(_:)``: a coach whose ``Principal/coachedClients`` hold the person
    ///   (never their own person).
    /// - ``Access/selfOrCoach(_:)``: either of the last two.
    ///
    /// ```swift
    /// guard GluteApp.authorize(principal, .coachOfClient(client)) else { throw forbidden }
    /// ```
    public static func authorize(_ principal: Principal, _ requirement: Access) -> Bool {
        guard principal.isSignedIn else { return requirement == .anonymous }
        switch requirement {
        case .anonymous, .signedIn: return true
        case .client: return principal.role == .client
        case .coach: return principal.role == .coach
        case .clientSelf(let person): return principal.person == person
        case .coachOfClient(let person):
            return principal.role == .coach && principal.person != person && principal.coachedClients.contains(person)
        case .selfOrCoach(let person):
            return authorize(principal, .clientSelf(person)) || authorize(principal, .coachOfClient(person))
        }
    }

    /// The principal of `account` for a call that may concern the people in `concerning`: for a
    /// coach, those of them they have a link in force with become ``Principal/coachedClients``.
    ///
    /// Reads one account and at most one link per person asked about, in one snapshot.
    ///
    /// - Returns: ``Principal/anonymous`` for an account that does not exist (deleted meanwhile).
    public func principal(_ account: Account.ID, concerning: Set<Person.ID> = []) async throws -> Principal {
        try await run {
            try await store.read { tx in
                guard let record = try tx.account(account) else { return Principal.anonymous }
                guard record.role == .coach else { return .client(record.id, person: record.personID) }
                let linked = try concerning.filter { try tx.coachedClient($0, of: record.id) != nil }
                return .coach(record.id, person: record.personID, clients: linked)
            }
        }
    }
}

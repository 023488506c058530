/// One client of a coach as the dashboard reads it: the link, the client's account and person,
/// and the kept state (`nil` for a person nothing was recorded for yet).
public struct CoachedClient: Sendable, Hashable {
    /// The link in force.
    public var link: CoachLink
    /// The client's account.
    public var account: Account
    /// The client's person.
    public var person: Person
    /// What the dashboard needs, kept up to date by every write.
    public var state: ClientState?

    /// Creates a row.
    public init(link: CoachLink, account: Account, person: Person, state: ClientState?) {
        self.link = link
        self.account = account
        self.person = person
        self.state = state
    }
}

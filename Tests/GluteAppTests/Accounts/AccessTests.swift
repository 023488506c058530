import Foundation
import GluteApp
import GluteCore
import GluteJSON
import GluteSQLite
import GluteSecurity
import GluteStore
import Synchronization
import Testing

/// The one access decision, as a table: every kind of caller against every requirement.
@Suite struct AccessTests {
    static let me = Person.ID(rawValue: "me")
    static let client = Person.ID(rawValue: "client")
    static let stranger = Person.ID(rawValue: "stranger")
    static let clientAccount = Principal.client(Account.ID(rawValue: "a-client"), person: me)
    static let coachAccount = Principal.coach(Account.ID(rawValue: "a-coach"), person: me, clients: [client])
    static let lonelyCoach = Principal.coach(Account.ID(rawValue: "a-coach-2"), person: me)

    /// (caller, requirement, allowed)
    static let table: [(String, Principal, Access, Bool)] = [
        ("nobody, anything public", .anonymous, .anonymous, true),
        ("nobody, signed in", .anonymous, .signedIn, false),
        ("nobody, client", .anonymous, .client, false),
        ("nobody, coach", .anonymous, .coach, false),
        ("nobody, someone's data", .anonymous, .clientSelf(me), false),
        ("nobody, as a coach", .anonymous, .coachOfClient(client), false),
        ("nobody, self or coach", .anonymous, .selfOrCoach(client), false),
        ("a client, public", clientAccount, .anonymous, true),
        ("a client, signed in", clientAccount, .signedIn, true),
        ("a client, client only", clientAccount, .client, true),
        ("a client, coach only", clientAccount, .coach, false),
        ("a client, own data", clientAccount, .clientSelf(me), true),
        ("a client, another's data", clientAccount, .clientSelf(stranger), false),
        ("a client, as a coach of someone", clientAccount, .coachOfClient(client), false),
        ("a client, as a coach of themselves", clientAccount, .coachOfClient(me), false),
        ("a client, self or coach: self", clientAccount, .selfOrCoach(me), true),
        ("a client, self or coach: another", clientAccount, .selfOrCoach(client), false),
        ("a coach, signed in", coachAccount, .signedIn, true),
        ("a coach, client only", coachAccount, .client, false),
        ("a coach, coach only", coachAccount, .coach, true),
        ("a coach, own data", coachAccount, .clientSelf(me), true),
        ("a coach, a client's own data", coachAccount, .clientSelf(client), false),
        ("a coach, their client", coachAccount, .coachOfClient(client), true),
        ("a coach, someone not their client", coachAccount, .coachOfClient(stranger), false),
        ("a coach, themselves as client", coachAccount, .coachOfClient(me), false),
        ("a coach, self or coach: their client", coachAccount, .selfOrCoach(client), true),
        ("a coach, self or coach: a stranger", coachAccount, .selfOrCoach(stranger), false),
        ("a coach with no clients, a person", lonelyCoach, .coachOfClient(client), false),
        ("a coach with no clients, coach only", lonelyCoach, .coach, true),
    ]

    @Test(arguments: table.indices)
    func accessFollowsTheTable(_ row: Int) {
        let (label, principal, requirement, allowed) = Self.table[row]
        #expect(GluteApp.authorize(principal, requirement) == allowed, "\(label)")
    }

    @Test func aRoleWithoutAnAccountIsNobody() {
        let broken = Principal(account: nil, role: .coach, person: Self.me, coachedClients: [Self.client])
        #expect(!broken.isSignedIn)
        #expect(!GluteApp.authorize(broken, .coach))
        #expect(!GluteApp.authorize(broken, .coachOfClient(Self.client)))
        #expect(GluteApp.authorize(broken, .anonymous))
    }

    @Test func thePrincipalOfAnAccountComesFromTheStoreAndFollowsLinks() async throws {
        let fixture = try AccountsFixture()
        let coach = try await fixture.coach("coach@example.com")
        let ana = try await fixture.client("ana@example.com").account
        let ben = try await fixture.client("ben@example.com").account
        try await fixture.link(ana, to: coach)
        let asCoach = try await fixture.app.principal(coach.id, concerning: [ana.person, ben.person])
        #expect(asCoach == .coach(coach.id, person: coach.person, clients: [ana.person]))
        #expect(GluteApp.authorize(asCoach, .coachOfClient(ana.person)))
        #expect(!GluteApp.authorize(asCoach, .coachOfClient(ben.person)))
        let asClient = try await fixture.app.principal(ana.id, concerning: [ben.person])
        #expect(asClient == .client(ana.id, person: ana.person))
        try await fixture.app.removeClient(coach.id, client: ana.person)
        let after = try await fixture.app.principal(coach.id, concerning: [ana.person])
        #expect(!GluteApp.authorize(after, .coachOfClient(ana.person)))
        #expect(try await fixture.app.principal(Account.ID(rawValue: "gone")) == .anonymous)
        await fixture.remove()
    }
}

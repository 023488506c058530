import Foundation
import GluteApp
import GluteCore
import GluteJSON
import GluteSecurity
import GluteStore
import Synchronization
import Testing

@testable import GluteSQLite

/// Accounts made on the server machine, passwords changed and reset, API tokens, the calendar
/// feed, and deleting an account with everything of it.
@Suite struct AccountLifecycleTests {
    @Test func theServerMachineMakesCoachAccountsAndResetsPasswordsEndingEverySession() async throws {
        let fixture = try AccountsFixture()
        let coach = try await fixture.app.createAccount(
            email: "Coach@Example.com", role: .coach, password: AccountsFixture.password, name: "Kim")
        #expect(coach.role == .coach && coach.email == "coach@example.com" && coach.timeZone == "UTC")
        let conflict = await #expect(throws: AppError.self) {
            _ = try await fixture.app.createAccount(
                email: "coach@example.com", role: .client, password: AccountsFixture.password)
        }
        #expect(conflict?.code == .conflict)
        let session = try await fixture.app.signIn(
            email: "coach@example.com", password: AccountsFixture.password, address: "a")
        let reset = try await fixture.app.resetPassword(email: "COACH@example.com", newPassword: "a brand new password")
        #expect(reset.id == coach.id)
        #expect(try await fixture.app.session(cookie: session.session.cookie) == nil)
        await #expect(throws: AppError.self) {
            _ = try await fixture.app.signIn(
                email: "coach@example.com", password: AccountsFixture.password, address: "a")
        }
        _ = try await fixture.app.signIn(email: "coach@example.com", password: "a brand new password", address: "a")
        let missing = await #expect(throws: AppError.self) {
            _ = try await fixture.app.resetPassword(email: "nobody@example.com", newPassword: "a brand new password")
        }
        #expect(missing?.code == .notFound)
        let short = await #expect(throws: AppError.self) {
            _ = try await fixture.app.resetPassword(email: "coach@example.com", newPassword: "short")
        }
        #expect(short?.field == "password")
        await fixture.remove()
    }

    @Test func changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() async throws {
        let fixture = try AccountsFixture()
        let here = try await fixture.client("ana@example.com")
        let there = try await fixture.app.signIn(
            email: "ana@example.com", password: AccountsFixture.password, address: "a")
        let wrong = await #expect(throws: AppError.self) {
            try await fixture.app.changePassword(
                here.account.id, current: "not my password", new: "a brand new password",
                keepingSession: here.session.cookie)
        }
        #expect(wrong?.code == .unauthorized && wrong?.field == "currentPassword")
        let weak = await #expect(throws: AppError.self) {
            try await fixture.app.changePassword(
                here.account.id, current: AccountsFixture.password, new: "too short", keepingSession: nil)
        }
        #expect(weak?.field == "newPassword")
        try await fixture.app.changePassword(
            here.account.id, current: AccountsFixture.password, new: "a brand new password",
            keepingSession: here.session.cookie)
        #expect(try await fixture.app.session(cookie: here.session.cookie) != nil)
        #expect(try await fixture.app.session(cookie: there.session.cookie) == nil)
        _ = try await fixture.app.signIn(email: "ana@example.com", password: "a brand new password", address: "a")
        await fixture.remove()
    }

    @Test func aHashMadeWithWeakerParametersIsReplacedAtTheNextSignIn() async throws {
        let fixture = try AccountsFixture()
        let signed = try await fixture.client("ana@example.com")
        let stronger = PasswordHasher(parameters: PasswordHasher.Parameters(passes: 2, memoryBytes: 32 * 1024))
        let upgraded = GluteApp(
            store: fixture.store, knowledge: knowledge, clock: fixture.clock.wallClock,
            defaultTimeZone: nil, accounts: AccountSettings(hasher: stronger))
        let before = try await fixture.store.read { tx in try tx.account(signed.account.id)?.passwordHash }
        #expect(before?.contains("m=8,t=1") == true)
        _ = try await upgraded.signIn(email: "ana@example.com", password: AccountsFixture.password, address: "a")
        let after = try await fixture.store.read { tx in try tx.account(signed.account.id)?.passwordHash }
        #expect(after?.contains("m=32,t=2") == true)
        _ = try await upgraded.signIn(email: "ana@example.com", password: AccountsFixture.password, address: "a")
        await fixture.remove()
    }

    @Test func apiTokensAreShownOnceFoundByTheirTextAndRevokedByTheirOwner() async throws {
        let fixture = try AccountsFixture()
        let ana = try await fixture.client("ana@example.com").account
        let ben = try await fixture.client("ben@example.com").account
        let made = try await fixture.app.createAPIToken(ana.id, name: "laptop script")
        #expect(made.secret.count == 43 && made.token.name == "laptop script")
        #expect(made.jsonValue.objectValue?["secret"] == .string(made.secret))
        #expect(made.token.jsonValue.serialized().contains(made.secret) == false)
        let found = try #require(try await fixture.app.apiToken(made.secret))
        #expect(found.account == ana && found.token == made.token.id)
        #expect(try await fixture.app.apiToken(SecretToken.random().text) == nil)
        #expect(try await fixture.app.apiTokens(ana.id) == [made.token])
        #expect(try await fixture.app.apiTokens(ben.id).isEmpty)
        let theirs = await #expect(throws: AppError.self) {
            try await fixture.app.revokeAPIToken(ben.id, id: made.token.id)
        }
        #expect(theirs?.code == .notFound)
        try await fixture.app.revokeAPIToken(ana.id, id: made.token.id)
        #expect(try await fixture.app.apiToken(made.secret) == nil)
        #expect(try await fixture.app.apiTokens(ana.id).first?.revokedAt == fixture.clock.now)
        let unnamed = await #expect(throws: AppError.self) {
            _ = try await fixture.app.createAPIToken(ana.id, name: "")
        }
        #expect(unnamed?.field == "name")
        await fixture.remove()
    }

    @Test func theCalendarFeedIsFoundByItsSecretAndRenewingItRetiresTheOldURL() async throws {
        let fixture = try AccountsFixture()
        let ana = try await fixture.client("ana@example.com", timeZone: "Europe/Berlin").account
        let first = try await fixture.app.renewCalendarFeed(ana.id)
        let beforeAssessment = await #expect(throws: AppError.self) {
            _ = try await fixture.app.calendarFeed(secret: first.secret)
        }
        #expect(beforeAssessment?.code == .precondition)
        _ = try await fixture.app.assess(ana.person, inputText: SampleAssessment.text())
        let calendar = try #require(try await fixture.app.calendarFeed(secret: first.secret))
        #expect(calendar.hasPrefix("BEGIN:VCALENDAR") && calendar.contains("Europe/Berlin"))
        #expect(try await fixture.app.me(ana.id).hasCalendarFeed)
        let second = try await fixture.app.renewCalendarFeed(ana.id)
        #expect(second.secret != first.secret)
        #expect(try await fixture.app.calendarFeed(secret: first.secret) == nil)
        #expect(try await fixture.app.calendarFeed(secret: second.secret) != nil)
        #expect(try await fixture.app.calendarFeed(secret: "guess") == nil)
        try await fixture.app.removeCalendarFeed(ana.id)
        #expect(try await fixture.app.calendarFeed(secret: second.secret) == nil)
        await fixture.remove()
    }

    @Test func deletingAnAccountLeavesNothingOfItsPersonInAnyTable() async throws {
        let fixture = try AccountsFixture()
        let coach = try await fixture.coach("coach@example.com")
        let ana = try await fixture.client("ana@example.com", name: "Ana")
        let ben = try await fixture.client("ben@example.com", name: "Ben")
        try await fixture.link(ana.account, to: coach)
        try await fixture.link(ben.account, to: coach)
        for client in [ana, ben] {
            let person = client.account.person
            _ = try await fixture.app.assess(person, inputText: SampleAssessment.text())
            fixture.clock.advance(seconds: 3600)
            let set = try await fixture.app.logSet(person, SampleSets.bridge(at: fixture.clock.now))
            _ = try await fixture.app.logWakeUpCall(person, outcome: .done)
            _ = try await fixture.app.retest(person, kind: .singleLegBridge, result: SampleSets.bridgeRetest)
            _ = try await fixture.app.deleteEntry(person, id: set.set.id.rawValue)
            _ = try await fixture.app.createAPIToken(client.account.id, name: "t")
            _ = try await fixture.app.renewCalendarFeed(client.account.id)
            _ = try await fixture.app.addClientNote(coach.id, client: person, text: "note")
        }
        try await fixture.app.deleteAccount(ana.account.id)
        #expect(try await fixture.app.person(ana.account.person) == nil)
        #expect(try await fixture.app.session(cookie: ana.session.cookie) == nil)
        let ids = [ana.account.id.rawValue, ana.account.person.rawValue]
        let tables = try await fixture.store.exportTables()
        for (table, rows) in tables {
            for row in rows {
                #expect(!ids.contains { row.contains($0) }, "\(table) still holds \(row)")
            }
        }
        // Ben keeps everything, and his coach still sees him.
        #expect(try await fixture.app.clients(coach.id).map(\.account.id) == [ben.account.id])
        #expect(try await fixture.app.plan(ben.account.person).version.version >= 1)
        // A coach's deletion ends their links and takes their notes.
        try await fixture.app.deleteAccount(coach.id)
        #expect(try await fixture.app.me(ben.account.id).coaches.isEmpty)
        let after = try await fixture.store.exportTables()
        #expect(after["client_note"]?.isEmpty == true && after["coach_link"]?.isEmpty == true)
        await fixture.remove()
    }
}

extension SQLiteStore {
    /// Every row of every table, each row as one text, by table name.
    func exportTables() async throws -> [String: [String]] {
        let names = try await readRaw("SELECT name FROM sqlite_schema WHERE type = 'table'").compactMap { row in
            if case .text(let name) = row.first { return name }
            return nil
        }
        var result: [String: [String]] = [:]
        for name in names {
            result[name] = try await readRaw(SQLQuery(unsafeSQL: "SELECT * FROM \(name)")).map { "\($0)" }
        }
        return result
    }
}

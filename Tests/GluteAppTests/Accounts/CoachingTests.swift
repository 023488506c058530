import Foundation
import GluteApp
import GluteCore
import GluteJSON
import GluteSQLite
import GluteSecurity
import GluteStore
import Synchronization
import Testing

/// Invitations, links and notes: a coach sees only the clients who accepted, and removal and
/// leaving end the link.
@Suite struct CoachingTests {
    @Test func aCoachSeesOnlyClientsWhoAcceptedTheirInvitation() async throws {
        let fixture = try AccountsFixture()
        let coach = try await fixture.coach("coach@example.com")
        let other = try await fixture.coach("other@example.com")
        let ana = try await fixture.client("ana@example.com", name: "Ana").account
        let ben = try await fixture.client("ben@example.com", name: "Ben").account
        _ = try await fixture.app.assess(ana.person, inputText: SampleAssessment.text())
        _ = try await fixture.app.assess(ben.person, inputText: SampleAssessment.text())
        let invitation = try await fixture.app.createInvitation(coach.id)
        #expect(invitation.code.count == 43 && invitation.invitation.status == .open)
        #expect(try await fixture.app.clients(coach.id).isEmpty)
        // Before accepting, Ana is nobody's client.
        let early = await #expect(throws: AppError.self) {
            _ = try await fixture.app.client(coach.id, client: ana.person)
        }
        #expect(early?.code == .notFound)
        let accepted = try await fixture.app.acceptInvitation(ana.id, code: invitation.code)
        #expect(accepted.id == coach.id)
        #expect(try await fixture.app.clients(coach.id).map(\.account.id) == [ana.id])
        #expect(try await fixture.app.clients(other.id).isEmpty)
        #expect(try await fixture.app.me(ana.id).coaches.map(\.id) == [coach.id])
        #expect(try await fixture.app.me(coach.id).clientCount == 1)
        let view = try await fixture.app.client(coach.id, client: ana.person)
        #expect(view.client.account.name == "Ana" && view.plan?.version.version == 1 && view.findings != nil)
        #expect(view.jsonValue.objectValue?["plan"] != .null)
        // Ben did not accept, and the other coach has no link with Ana.
        for (who, person) in [(coach.id, ben.person), (other.id, ana.person)] {
            let refused = await #expect(throws: AppError.self) { _ = try await fixture.app.client(who, client: person) }
            #expect(refused?.code == .notFound)
            await #expect(throws: AppError.self) {
                _ = try await fixture.app.addClientNote(who, client: person, text: "x")
            }
        }
        // A client cannot invite, and a coach cannot accept.
        let notCoach = await #expect(throws: AppError.self) { _ = try await fixture.app.createInvitation(ana.id) }
        #expect(notCoach?.code == .forbidden)
        let spare = try await fixture.app.createInvitation(coach.id)
        let notClient = await #expect(throws: AppError.self) {
            _ = try await fixture.app.acceptInvitation(other.id, code: spare.code)
        }
        #expect(notClient?.code == .forbidden)
        let twice = await #expect(throws: AppError.self) {
            _ = try await fixture.app.acceptInvitation(ana.id, code: spare.code)
        }
        #expect(twice?.code == .conflict)
        await fixture.remove()
    }

    @Test func aCodeOpensNothingOnceUsedRevokedExpiredOrMeantForAnotherEmail() async throws {
        let fixture = try AccountsFixture()
        let coach = try await fixture.coach("coach@example.com")
        let ana = try await fixture.client("ana@example.com").account
        let ben = try await fixture.client("ben@example.com").account
        let used = try await fixture.app.createInvitation(coach.id)
        _ = try await fixture.app.acceptInvitation(ana.id, code: used.code)
        let revoked = try await fixture.app.createInvitation(coach.id)
        try await fixture.app.revokeInvitation(coach.id, id: revoked.invitation.id)
        let forAna = try await fixture.app.createInvitation(coach.id, email: "ANA@example.com")
        let expiring = try await fixture.app.createInvitation(coach.id)
        fixture.clock.advance(seconds: 14 * 86_400)
        var messages: Set<String> = []
        for code in [used.code, revoked.code, forAna.code, expiring.code, SecretToken.random().text, "nonsense"] {
            let error = await #expect(throws: AppError.self) {
                _ = try await fixture.app.acceptInvitation(ben.id, code: code)
            }
            #expect(error?.code == .notFound)
            messages.insert(error?.message ?? "")
        }
        #expect(messages.count == 1)
        let listed = try await fixture.app.invitations(coach.id)
        #expect(listed.map(\.status) == [.expired, .expired, .revoked, .accepted])
        #expect(listed.last?.acceptedBy == ana.id)
        #expect(!listed.map(\.jsonValue).contains { $0.serialized().contains(used.code) })
        await fixture.remove()
    }

    @Test func removingAClientOrLeavingACoachEndsTheLink() async throws {
        let fixture = try AccountsFixture()
        let coach = try await fixture.coach("coach@example.com")
        let second = try await fixture.coach("second@example.com")
        let ana = try await fixture.client("ana@example.com").account
        try await fixture.link(ana, to: coach)
        try await fixture.link(ana, to: second)
        #expect(try await fixture.app.me(ana.id).coaches.map(\.id) == [coach.id, second.id])
        try await fixture.app.removeClient(coach.id, client: ana.person)
        #expect(try await fixture.app.clients(coach.id).isEmpty)
        await #expect(throws: AppError.self) { _ = try await fixture.app.clientNotes(coach.id, client: ana.person) }
        await #expect(throws: AppError.self) { try await fixture.app.removeClient(coach.id, client: ana.person) }
        try await fixture.app.leaveCoach(ana.id, coach: second.id)
        #expect(try await fixture.app.clients(second.id).isEmpty)
        #expect(try await fixture.app.me(ana.id).coaches.isEmpty)
        let gone = await #expect(throws: AppError.self) { try await fixture.app.leaveCoach(ana.id, coach: second.id) }
        #expect(gone?.code == .notFound)
        // A new invitation links them again.
        try await fixture.link(ana, to: coach)
        #expect(try await fixture.app.clients(coach.id).map(\.account.id) == [ana.id])
        await fixture.remove()
    }

    @Test func notesAreTheCoachsOwnAndComeBackOldestFirst() async throws {
        let fixture = try AccountsFixture()
        let coach = try await fixture.coach("coach@example.com")
        let other = try await fixture.coach("other@example.com")
        let ana = try await fixture.client("ana@example.com").account
        try await fixture.link(ana, to: coach)
        try await fixture.link(ana, to: other)
        let first = try await fixture.app.addClientNote(
            coach.id, client: ana.person, text: "left knee caves on step-ups")
        fixture.clock.advance(seconds: 60)
        let second = try await fixture.app.addClientNote(coach.id, client: ana.person, text: "better this week")
        _ = try await fixture.app.addClientNote(other.id, client: ana.person, text: "the other coach's note")
        #expect(try await fixture.app.clientNotes(coach.id, client: ana.person) == [first, second])
        #expect(try await fixture.app.client(coach.id, client: ana.person).notes == [first, second])
        #expect(
            try await fixture.app.clientNotes(other.id, client: ana.person).map(\.text) == ["the other coach's note"])
        let empty = await #expect(throws: AppError.self) {
            _ = try await fixture.app.addClientNote(coach.id, client: ana.person, text: "")
        }
        #expect(empty?.code == .invalidInput && empty?.field == "text")
        await fixture.remove()
    }
}

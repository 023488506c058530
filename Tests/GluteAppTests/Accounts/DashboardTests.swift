import Foundation
import GluteApp
import GluteCore
import GluteJSON
import GluteSQLite
import GluteSecurity
import GluteStore
import Synchronization
import Testing

/// The coach's dashboard: clients sorted by what needs attention, each with its reasons, read
/// from the kept state (one row per client), with time-based reasons judged at read time.
@Suite struct DashboardTests {
    /// What a client of the dashboard tests did from Monday to Wednesday.
    enum Week: String, CaseIterable {
        /// Activation every day, good reps.
        case good
        /// Pain of 8 on Monday: the plan stopped.
        case stopped
        /// Activation every day; pain of 5 on Wednesday.
        case pain
        /// Activation on Monday only.
        case missed
        /// Activation every day, too few reps: the bridge holds.
        case stalled
        /// Activation every day, felt in the lower back: a retest is asked for.
        case retest
        /// Activation every day, good reps, and one set deleted.
        case deleted
    }

    /// Monday to Wednesday 12:00 UTC of the fixture's first week.
    static func day(_ index: Int, hour: Int = 12) -> Timestamp {
        AccountsFixture.start.adding(seconds: Int64(index) * 86_400 + Int64(hour - 8) * 3600)
    }

    /// Thursday 12:00: when the dashboard is read.
    static let thursday = day(3)

    /// Logs a client's week, moving the clock with each entry.
    static func live(_ week: Week, _ person: Person.ID, _ fixture: AccountsFixture) async throws {
        // Reaching the target every time moves the bridge on; the next target comes from the last log.
        var target = 12
        for index in 0..<3 {
            let time = day(index)
            fixture.clock.set(time)
            var reps = [target, target]
            var felt = FeltIn.glutes
            var pain = 0
            switch week {
            case .stopped:
                guard index == 0 else { continue }
                pain = 8
            case .missed: if index > 0 { continue }
            case .stalled: reps = [6, 6]
            case .retest: felt = .lowerBack
            case .pain: if index == 2 { pain = 5 }
            case .good, .deleted: break
            }
            let logged = try await fixture.app.logSet(
                person,
                SampleSets.sets(
                    "glute-bridge", side: nil, at: time, reps: reps, pain: pain, felt: felt, session: .activation))
            if week == .deleted, index == 2 {
                fixture.clock.set(time.adding(seconds: 120))
                let extra = try await fixture.app.logSet(
                    person,
                    SampleSets.sets(
                        "glute-bridge", side: nil, at: time.adding(seconds: 60), reps: [12], session: .activation))
                _ = try await fixture.app.deleteEntry(person, id: extra.set.id.rawValue)
            }
            target = logged.decision?.next?.target ?? target
        }
    }

    @Test func clientsComeInTheIssuesOrderEachWithItsReasons() async throws {
        let fixture = try AccountsFixture()
        let coach = try await fixture.coach("coach@example.com")
        var emails: [Week: String] = [:]
        // Listed to the coach in another order than the expected one.
        for week in Week.allCases.reversed() {
            let email = "\(week.rawValue)@example.com"
            emails[week] = email
            fixture.clock.set(AccountsFixture.start)
            let account = try await fixture.client(email).account
            _ = try await fixture.app.assess(account.person, inputText: SampleAssessment.text())
            try await fixture.link(account, to: coach)
            try await Self.live(week, account.person, fixture)
        }
        fixture.clock.set(Self.thursday)
        let dashboard = try await fixture.app.dashboard(coach.id)
        let order = dashboard.entries.map(\.client.account.email)
        #expect(order == [Week.stopped, .pain, .missed, .stalled, .retest, .deleted, .good].compactMap { emails[$0] })
        let reasons = Dictionary(
            uniqueKeysWithValues: dashboard.entries.map { ($0.client.account.email, $0.reasons) })
        func kinds(_ week: Week) -> [AttentionReason.Kind] { reasons[emails[week] ?? ""]?.map(\.kind) ?? [] }
        #expect(kinds(.stopped).first == .stopped)
        #expect(kinds(.stopped).contains(.pain))
        #expect(reasons[emails[.stopped] ?? ""]?.first?.message.contains("pain of 8/10") == true)
        #expect(kinds(.pain) == [.pain])
        #expect(reasons[emails[.pain] ?? ""]?.first?.message == "pain of 5/10 logged this week (2026-11-04)")
        #expect(kinds(.missed) == [.missedActivation])
        #expect(
            reasons[emails[.missed] ?? ""]?.first?.message == "2 activation sessions missed this week (1 of 3 done)")
        #expect(kinds(.stalled) == [.stalledOrRegressed])
        #expect(reasons[emails[.stalled] ?? ""]?.first?.message == "stalled: activation/glute-bridge/both")
        #expect(kinds(.retest) == [.retestDue])
        #expect(reasons[emails[.retest] ?? ""]?.first?.message == "retest of single-leg-bridge due")
        #expect(kinds(.deleted) == [.deletedEntries])
        #expect(reasons[emails[.deleted] ?? ""]?.first?.message == "1 entry deleted since you last looked")
        #expect(kinds(.good).isEmpty)
        // Opening the client marks the deletion as seen.
        let deleted = try #require(dashboard.entries.first { $0.client.account.email == emails[.deleted] })
        _ = try await fixture.app.client(coach.id, client: deleted.client.account.person)
        let after = try await fixture.app.dashboard(coach.id)
        #expect(after.entries.first { $0.client.account.email == emails[.deleted] }?.reasons.isEmpty == true)
        #expect(after.jsonValue.objectValue?["clients"]?.arrayValue?.count == Week.allCases.count)
        await fixture.remove()
    }

    @Test func timeBasedReasonsAreJudgedWhenTheDashboardIsRead() async throws {
        let fixture = try AccountsFixture()
        let coach = try await fixture.coach("coach@example.com")
        let ana = try await fixture.client("ana@example.com").account
        _ = try await fixture.app.assess(ana.person, inputText: SampleAssessment.text())
        try await fixture.link(ana, to: coach)
        try await Self.live(.pain, ana.person, fixture)
        fixture.clock.set(Self.thursday)
        #expect(try await fixture.app.dashboard(coach.id).entries.first?.reasons.map(\.kind) == [.pain])
        // Next Monday at noon: last week's pain and sessions no longer count, nothing was written meanwhile.
        fixture.clock.set(Self.day(7))
        let monday = try await fixture.app.dashboard(coach.id).entries.first?.reasons
        #expect(monday?.isEmpty == true, "\(String(describing: monday))")
        // Next Thursday: three sessions missed, and no log for 8 days.
        fixture.clock.set(Self.day(10))
        let later = try await fixture.app.dashboard(coach.id).entries.first?.reasons
        #expect(later?.map(\.kind) == [.missedActivation, .noRecentLog])
        #expect(later?.last?.message == "no log for 8 days")
        // Four weeks on, the reassessment is due too.
        fixture.clock.set(Self.day(29))
        #expect(
            try await fixture.app.dashboard(coach.id).entries.first?.reasons.map(\.kind).contains(.retestDue) == true)
        await fixture.remove()
    }

    @Test func aNewClientWhoNeverLoggedShowsAfterSevenDays() async throws {
        let fixture = try AccountsFixture()
        let coach = try await fixture.coach("coach@example.com")
        let ana = try await fixture.client("ana@example.com").account
        try await fixture.link(ana, to: coach)
        #expect(try await fixture.app.dashboard(coach.id).entries.first?.reasons.isEmpty == true)
        fixture.clock.advance(seconds: 7 * 86_400)
        #expect(
            try await fixture.app.dashboard(coach.id).entries.first?.reasons.map(\.message) == [
                "nothing logged in the 7 days since joining"
            ])
        let refused = await #expect(throws: AppError.self) { _ = try await fixture.app.dashboard(ana.id) }
        #expect(refused?.code == .forbidden)
        await fixture.remove()
    }

    @Test func buildingItReadsOneQueryOfOneRowPerClientNeverTheirHistory() async throws {
        let fixture = try AccountsFixture()
        let coach = try await fixture.coach("coach@example.com")
        var counts: [Int: [String]] = [:]
        var clients = 0
        for target in [3, 40] {
            while clients < target {
                clients += 1
                fixture.clock.set(AccountsFixture.start)
                let account = try await fixture.client("client\(clients)@example.com").account
                _ = try await fixture.app.assess(account.person, inputText: SampleAssessment.text())
                try await fixture.link(account, to: coach)
                try await Self.live(Week.allCases[clients % Week.allCases.count], account.person, fixture)
            }
            fixture.clock.set(Self.thursday)
            let (dashboard, statements) = try await fixture.statements.during {
                try await fixture.app.dashboard(coach.id)
            }
            #expect(dashboard.entries.count == target)
            counts[target] = statements
        }
        let few = counts[3] ?? []
        let many = counts[40] ?? []
        #expect(few == many, "the statements do not depend on the number of clients")
        // The tables each statement reads: the words after FROM and JOIN.
        let read = Set(
            many.flatMap { statement in
                let words = statement.split(separator: " ").map(String.init)
                return zip(words, words.dropFirst()).filter { $0.0 == "FROM" || $0.0 == "JOIN" }.map(\.1)
            })
        #expect(read == ["account", "coach_link", "person", "client_state"], "\(read)")
        #expect(many.filter { $0.hasPrefix("SELECT") }.count <= 3)
        await fixture.remove()
    }

    @Test func manyClientsAreSortedByTheirMostUrgentReason() async throws {
        let fixture = try AccountsFixture()
        let coach = try await fixture.coach("coach@example.com")
        for number in 0..<28 {
            fixture.clock.set(AccountsFixture.start)
            let account = try await fixture.client("c\(number)@example.com").account
            _ = try await fixture.app.assess(account.person, inputText: SampleAssessment.text())
            try await fixture.link(account, to: coach)
            try await Self.live(Week.allCases[(number * 5) % Week.allCases.count], account.person, fixture)
        }
        fixture.clock.set(Self.thursday)
        let entries = try await fixture.app.dashboard(coach.id).entries
        #expect(entries.count == 28)
        let firsts = entries.map { $0.reasons.first?.kind.rank ?? Int.max }
        #expect(firsts == firsts.sorted())
        #expect(entries.allSatisfy { $0.reasons.map(\.kind) == $0.reasons.map(\.kind).sorted() })
        await fixture.remove()
    }
}

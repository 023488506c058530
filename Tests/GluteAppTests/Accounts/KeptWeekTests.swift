import GluteCore
import GluteSQLite
import GluteStore
import Testing

@testable import GluteApp

/// A set logged without pain is added to the client's kept week instead of the week being read
/// again; the kept state must stay what reading the week again gives.
@Suite struct KeptWeekTests {
    /// The kept state, and the state a refresh that reads the whole week again writes.
    static func keptAndReread(_ person: Person.ID, _ fixture: AccountsFixture) async throws -> (
        ClientState?, ClientState?
    ) {
        let now = fixture.clock.now
        return try await fixture.store.write { tx in
            let kept = try tx.clientState(for: person)
            try ClientStateKeeper(person: person, fallbackZone: nil).refresh(tx, at: now, after: .none)
            var reread = try tx.clientState(for: person)
            reread?.updatedAt = kept?.updatedAt ?? now
            return (kept, reread)
        }
    }

    @Test(arguments: DashboardTests.Week.allCases)
    func theWeekCountedSetBySetIsTheWeekReadAgain(_ week: DashboardTests.Week) async throws {
        let fixture = try AccountsFixture()
        let ana = try await fixture.client("ana@example.com").account
        _ = try await fixture.app.assess(ana.person, inputText: SampleAssessment.text())
        try await DashboardTests.live(week, ana.person, fixture)
        var (kept, reread) = try await Self.keptAndReread(ana.person, fixture)
        #expect(kept == reread)
        // A set of no session that counts by its exercise, then one logged late for last week.
        fixture.clock.set(DashboardTests.day(3))
        _ = try await fixture.app.logSet(
            ana.person, SampleSets.sets("glute-bridge", side: nil, at: DashboardTests.day(3, hour: 10), reps: [12]))
        (kept, reread) = try await Self.keptAndReread(ana.person, fixture)
        #expect(kept == reread)
        // (The bridge left the plan in the week of pain, and nothing counts in a stopped plan.)
        if week != .pain, week != .stopped {
            #expect(kept?.activationDaysDone.contains(.thu) == true)
        }
        // Next week: its first set starts the kept week afresh; one logged late for last week
        // leaves it as it is.
        fixture.clock.set(DashboardTests.day(8))
        for time in [DashboardTests.day(8, hour: 9), DashboardTests.day(4)] {
            _ = try await fixture.app.logSet(
                ana.person, SampleSets.sets("glute-bridge", side: nil, at: time, reps: [12], session: .activation))
            (kept, reread) = try await Self.keptAndReread(ana.person, fixture)
            #expect(kept == reread)
        }
        #expect(kept?.week == CivilDate(year: 2026, month: 11, day: 9))
        #expect(kept?.activationDaysDone == [.tue])
        await fixture.remove()
    }
}

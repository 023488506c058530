import GluteApp
import GluteCore
import GluteJSON
import GluteStore
import Testing

/// Progress counts each day with the plan version in force that day (rules 6 and 10): a
/// retest's or a pain swap's version from the day it was made, a stop with no calls from the
/// next day.
@Suite struct ProgressPeriodTests {
    static let monday = CivilDate.on("2026-11-02")

    @Test func activationBeforeARetestCountsWithThePlanThenInForce() async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk)
            for day in [0, 1] {
                fixture.clock.set(Self.monday.adding(days: day), 8)
                try await me.log("glute-bridge", reps: [12, 12])
            }
            fixture.clock.set(Self.monday.adding(days: 2), 7)
            _ = try #require(try await me.bridgeRetest().version)
            fixture.clock.set(Self.monday.adding(days: 2), 8)
            try await me.log("single-leg-glute-bridge", .left, reps: [12, 12])
            let week = try #require(try await me.app.progress(me.id, weeks: 1).weeks.first)
            #expect(week.sessions == 3, "Monday and Tuesday did the first plan's bridge, Wednesday the new one")
        }
    }

    @Test func aStopPlansNoCallsFromTheNextDay() async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk)
            fixture.clock.set(Self.monday, 10, 1)
            _ = try await me.app.logWakeUpCall(me.id, outcome: .done)
            fixture.clock.set(Self.monday, 12)
            try await me.log("glute-bridge", reps: [12, 12], pain: 8)
            fixture.clock.set(Self.monday.adding(days: 1), 10, 1)
            _ = try await me.app.logWakeUpCall(me.id, outcome: .done)
            let days = try await me.app.progress(me.id, weeks: 1).wakeUps
            let monday = try #require(days.first { $0.date == Self.monday })
            #expect(monday.planned == 7 && monday.done == 1, "the stop's own day keeps what was done before it")
            let tuesday = try #require(days.first { $0.date == Self.monday.adding(days: 1) })
            #expect(tuesday.planned == 0 && tuesday.done == 0 && tuesday.uncounted == 1)
            #expect(!days.contains { $0.date > Self.monday.adding(days: 1) && $0.planned > 0 })
        }
    }
}

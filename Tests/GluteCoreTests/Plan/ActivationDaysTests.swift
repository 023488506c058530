import Testing

@testable import GluteCore

/// Where activation sessions go (issue "The daily loop keeps its promises": "when the minutes are
/// too few for a strength session, activation goes on the training days the person gave, then
/// their work days, and on other days only when those give fewer than the three a week the plan
/// needs").
@Suite struct ActivationDaysTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let minutes: Int
        let training: [Weekday]
        let work: [Weekday]
        var experience: Experience = .novice
        var recruitment = false
        let activation: Set<Weekday>
        let strength: Set<Weekday>
        var description: String { name }
    }

    static let weekdays: [Weekday] = [.mon, .tue, .wed, .thu, .fri]

    static let cases: [Case] = [
        // No strength session fits (5 or 8 minutes).
        Case(
            name: "too short: three training days take all three, bunched or not", minutes: 5,
            training: [.mon, .tue, .wed], work: weekdays, activation: [.mon, .tue, .wed], strength: []),
        Case(
            name: "too short: more training days than sessions, spread among them", minutes: 8,
            training: [.mon, .tue, .wed, .thu, .fri, .sat], work: weekdays, activation: [.mon, .wed, .fri],
            strength: []),
        Case(
            name: "too short: one training day, then work days", minutes: 5, training: [.sat], work: weekdays,
            activation: [.mon, .wed, .sat], strength: []),
        Case(
            name: "too short: training and work days give two, then one other day", minutes: 5, training: [.tue],
            work: [.tue, .thu], activation: [.tue, .thu, .sat], strength: []),
        Case(
            name: "too short: no training days, work days only", minutes: 5, training: [], work: [.sat, .sun],
            activation: [.mon, .sat, .sun], strength: []),
        // A strength session fits, but not after activation (10 to 14 minutes).
        Case(
            name: "strength fits alone: activation on the work days without strength", minutes: 15,
            training: [.mon, .wed, .fri], work: weekdays, activation: [.tue, .thu, .sat],
            strength: [.mon, .wed, .fri]),
        Case(
            name: "strength fits alone: training days beyond the cap come first", minutes: 12,
            training: [.mon, .tue, .wed, .thu, .fri, .sat, .sun], work: weekdays,
            activation: [.tue, .thu, .sat], strength: [.mon, .wed, .fri]),
        Case(
            name: "strength fits alone: weekend training, activation on work days", minutes: 15,
            training: [.sat, .sun], work: weekdays, activation: [.mon, .wed, .fri], strength: [.sat, .sun]),
        // Both fit: activation warms up the strength days first.
        Case(
            name: "both fit: the strength days", minutes: 30, training: [.mon, .wed, .fri], work: weekdays,
            activation: [.mon, .wed, .fri], strength: [.mon, .wed, .fri]),
        Case(
            name: "both fit: one strength day, then work days", minutes: 30, training: [.sat], work: weekdays,
            activation: [.mon, .wed, .sat], strength: [.sat]),
        Case(
            name: "both fit: five sessions for a recruitment deficit fill the work days", minutes: 30,
            training: [.mon, .wed, .fri], work: weekdays, recruitment: true, activation: Set(weekdays),
            strength: [.mon, .wed, .fri]),
    ]

    @Test(arguments: cases)
    func activationGoesOnThePersonsDays(_ example: Case) throws {
        var assessment = Fixtures.healthy()
        assessment.profile.minutesPerSession = example.minutes
        assessment.profile.trainingDays = example.training
        assessment.profile.workHours.days = example.work
        assessment.profile.experience = example.experience
        if example.recruitment {
            assessment.tests.singleLegBridge?.left.feltIn = .lowerBack
            assessment.tests.singleLegBridge?.right.feltIn = .lowerBack
        }
        let plan = try #require(
            AssessmentEngine.evaluate(assessment, knowledge: try Fixtures.knowledge(), startingOn: Fixtures.start).plan)
        let activation = plan.sessions.filter { $0.session.kind == .activation }.map(\.day)
        let strength = plan.sessions.filter { $0.session.kind == .strength }.map(\.day)
        #expect(Set(activation) == example.activation)
        #expect(activation.count == example.activation.count, "two activation sessions on one day")
        #expect(Set(strength) == example.strength)
    }

    @Test func tooFewMinutesForStrengthSaySo() throws {
        var assessment = Fixtures.healthy()
        assessment.profile.minutesPerSession = 8
        let plan = try #require(
            AssessmentEngine.evaluate(assessment, knowledge: try Fixtures.knowledge(), startingOn: Fixtures.start).plan)
        #expect(plan.notes.contains { $0.contains("too few for a strength session") })
        #expect(!plan.notes.contains { $0.contains("capped") })
    }

    @Test func tiersAreUsedInOrderAndSpreadWithinTheLastOneNeeded() {
        #expect(DayPicker.spread(count: 3, tiers: [[.mon, .tue, .wed], Weekday.allCases]) == [.mon, .tue, .wed])
        #expect(DayPicker.spread(count: 3, tiers: [[.sat], [.mon, .tue, .wed, .thu, .fri]]) == [.mon, .wed, .sat])
        #expect(DayPicker.spread(count: 2, tiers: [[.mon, .tue, .wed, .thu]]) == [.mon, .thu])
        #expect(DayPicker.spread(count: 4, tiers: [[.mon], [.mon, .tue]]) == [.mon, .tue])
        #expect(DayPicker.spread(count: 3, tiers: [[], []]).isEmpty)
    }
}

import GluteJSON
import Testing

@testable import GluteCore

/// Adherence, asymmetry, bridge reps, loads and resolved findings, computed from plain input.
@Suite struct ProgressCalculatorTests {
    private typealias F = ProgressFixtures

    @Test func anActivationDayCountsOnceWhateverIsLoggedThatDay() {
        let input = ProgressInput(
            today: F.day(13), weeks: 2, plans: [F.plan],
            sets: [
                F.set(0, "glute-bridge"), F.set(0, "clamshell", side: .left), F.set(0, "clamshell", side: .right),
                F.set(2, "clamshell", side: .left),
                F.set(3, "romanian-deadlift"),  // not part of the activation session
                F.set(7, "glute-bridge"), F.set(8, "glute-bridge"), F.set(9, "glute-bridge"), F.set(12, "glute-bridge"),
            ])
        let weeks = ProgressCalculator.report(input).weeks
        #expect(weeks.map(\.weekOf) == [F.day(0), F.day(7)])
        #expect(weeks.map(\.sessions) == [2, 4])
        #expect(weeks.allSatisfy { $0.target == 3 })
    }

    @Test func weeksBeforeTheFirstPlanAreLeftOutAndALaterPlanChangesTheActivationExercises() {
        var later = F.plan
        later.startsOn = F.day(7)
        later.activationExercises = ["side-plank"]
        let input = ProgressInput(
            today: F.day(13), weeks: 4, plans: [F.plan, later],
            sets: [
                F.set(-3, "glute-bridge"), F.set(1, "glute-bridge"), F.set(8, "glute-bridge"), F.set(9, "side-plank"),
            ])
        let report = ProgressCalculator.report(input)
        #expect(report.from == F.day(-14))
        #expect(report.weeks.map(\.weekOf) == [F.day(0), F.day(7)])
        #expect(report.weeks.map(\.sessions) == [1, 1])
    }

    @Test func wakeUpCallsAreCountedPerDayAgainstThePlannedCount() {
        let answers =
            [true, true, false].map { ProgressInput.WakeUpAnswer(date: F.day(1), done: $0) }
            + [ProgressInput.WakeUpAnswer(date: F.day(5), done: true)]
        let input = ProgressInput(today: F.day(6), weeks: 1, plans: [F.plan], wakeUps: answers)
        let days = ProgressCalculator.report(input).wakeUps
        #expect(days.map(\.date) == (0...5).map(F.day))  // Sunday has neither calls nor answers.
        #expect(days.first { $0.date == F.day(1) } == .init(date: F.day(1), planned: 7, done: 2, skipped: 1))
        #expect(days.first { $0.date == F.day(5) } == .init(date: F.day(5), planned: 0, done: 1, skipped: 0))
    }

    @Test(arguments: [(12, 16, 0.25), (16, 12, 0.25), (10, 10, 0.0), (0, 0, 0.0), (0, 8, 1.0)])
    func asymmetryIndexIsTheDifferenceOverTheLargerSide(left: Int, right: Int, expected: Double) {
        #expect(AsymmetryIndex.value(PerSide(left: left, right: right)) == expected)
    }

    @Test func bridgeAsymmetryCombinesAssessmentsRetestsAndTheBestLoggedSetPerSide() {
        let input = ProgressInput(
            today: F.day(20), weeks: 4, plans: [F.plan],
            sets: [
                F.set(3, "single-leg-glute-bridge", side: .left, reps: [10, 12]),
                F.set(3, "single-leg-glute-bridge", side: .right, reps: [15, 16]),
                F.set(3, "single-leg-glute-bridge", side: .left, reps: [14]),
                F.set(5, "single-leg-glute-bridge", side: .right, reps: [18]),
            ],
            assessments: [
                .init(
                    date: F.day(0), bridgeReps: PerSide(left: 11, right: 18),
                    squeezeStrength: PerSide(left: 4, right: 8))
            ],
            bridgeRetests: [.init(date: F.day(14), reps: PerSide(left: 17, right: 18))])
        let report = ProgressCalculator.report(input)
        let bridge = report.asymmetry.first { $0.test == "single-leg-bridge" }
        #expect(bridge?.points.map(\.date) == [F.day(0), F.day(3), F.day(14)])
        #expect(bridge?.points.map(\.source) == [.assessment, .log, .retest])
        #expect(bridge?.points[1].values == PerSide(left: 14, right: 16))
        #expect(bridge?.points[1].index == 0.125)
        #expect(report.asymmetry.first { $0.test == "glute-squeeze" }?.points.map(\.index) == [0.5])
        #expect(report.bridgeReps.count == 4)
        #expect(report.bridgeReps[2] == .init(date: F.day(5), source: .log, left: nil, right: 18))
    }

    @Test func theHeaviestLoadOfTheDayIsKeptAndUnitsAreComparedInKilograms() {
        let input = ProgressInput(
            today: F.day(10), weeks: 2, plans: [F.plan],
            sets: [
                F.set(1, "hip-thrust", load: Load(20, .kg)),
                F.set(1, "hip-thrust", load: Load(50, .lb)),
                F.set(1, "hip-thrust", load: Load(22, .kg)),
                F.set(8, "hip-thrust", load: Load(25, .kg)),
                F.set(2, "clamshell", side: .left), F.set(4, "goblet-squat", load: Load(12, .kg)),
            ])
        let loads = ProgressCalculator.report(input).loads
        #expect(loads.map(\.exerciseID) == ["goblet-squat", "hip-thrust"])
        #expect(loads[1].points.map(\.load) == [Load(50, .lb), Load(25, .kg)])
    }

    @Test func findingsOfTheFirstAssessmentMissingFromTheLatestAreResolved() {
        let input = ProgressInput(
            today: F.day(30), weeks: 1,
            assessments: [
                .init(date: F.day(28), findingCodes: ["asymmetry", "balance-deficit"]),
                .init(date: F.day(0), findingCodes: ["recruitment-deficit", "asymmetry", "prolonged-sitting"]),
                .init(date: F.day(14), findingCodes: ["asymmetry"]),
            ])
        let findings = ProgressCalculator.report(input).findings
        #expect(findings.firstOn == F.day(0) && findings.latestOn == F.day(28))
        #expect(findings.resolved == ["recruitment-deficit", "prolonged-sitting"])
        #expect(findings.new == ["balance-deficit"])
    }

    @Test func assessmentPointsReadTheInputTestsAndTheOutputCodes() throws {
        let input = try JSONValue.parse(
            #"{"tests":{"singleLegBridge":{"left":{"reps":11},"right":{"reps":18}},"#
                + #""gluteSqueeze":{"left":{"strength":4},"right":{"strength":7}}}}"#)
        let output = try JSONValue.parse(#"{"findings":[{"code":"asymmetry"},{"code":"hinge-deficit"}]}"#)
        let point = ProgressInput.AssessmentPoint(date: F.day(0), input: input, output: output)
        #expect(point.bridgeReps == PerSide(left: 11, right: 18))
        #expect(point.squeezeStrength == PerSide(left: 4, right: 7))
        #expect(point.findingCodes == ["asymmetry", "hinge-deficit"])
        #expect(ProgressInput.AssessmentPoint(date: F.day(0), input: .null, output: .null).bridgeReps == nil)
    }

    @Test func jsonNamesEverySectionAndRoundsTheIndex() throws {
        let input = ProgressInput(
            today: F.day(2), weeks: 1, plans: [F.plan],
            assessments: [.init(date: F.day(0), bridgeReps: PerSide(left: 2, right: 3))])
        let json = try #require(ProgressCalculator.report(input).jsonValue.objectValue)
        #expect(json.keys == ["version", "from", "to", "adherence", "asymmetry", "bridgeReps", "loads", "findings"])
        let point = json["asymmetry"]?.arrayValue?.first?.objectValue?["points"]?.arrayValue?.first?.objectValue
        #expect(point?["index"] == .number(0.333))
    }
}

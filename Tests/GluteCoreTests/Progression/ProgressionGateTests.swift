import GluteCore
import GluteJSON
import Testing

/// Retest results open gates; the latest result of each test counts.
@Suite struct ProgressionGateTests {
    private let evaluator = GateEvaluator()

    @Test func nothingRetestedKeepsEveryGateClosed() {
        let statuses = evaluator.evaluate([])
        #expect(statuses.map(\.gate.code) == [.noLoadedHinge, .noLoadSingleLeg, .noBarbellHinge])
        #expect(statuses.allSatisfy { !$0.isOpen && $0.reason.code == .gateNotRetested })
    }

    @Test(arguments: Side.allCases)
    func bridgeFeltInTheGlutesOnBothSidesOpensLoadedHinges(laggingSide: Side) {
        var felt = PerSide<FeltIn>(left: .glutes, right: .glutes)
        felt[laggingSide] = .hamstrings
        let failed = RetestResult(date: ProgressionFixtures.day(0), bridgeFeltIn: felt)
        let passed = RetestResult(
            date: ProgressionFixtures.day(28), bridgeFeltIn: PerSide(left: .glutes, right: .glutes))

        let before = evaluator.evaluate([failed])[0]
        #expect(!before.isOpen)
        #expect(before.reason.code == .gateClosed)
        #expect(before.reason.text.contains("\(laggingSide.rawValue) side in the hamstrings"))

        let after = evaluator.evaluate([passed, failed])[0]  // order of the array does not matter
        #expect(after.isOpen)
        #expect(after.reason.code == .gateOpen)
        #expect(evaluator.openGates(from: [failed, passed]) == [.noLoadedHinge])
    }

    @Test(arguments: Side.allCases, [Balance.wobble, .lost])
    func singleLegLoadWaitsForSteadyBalanceOnBothSides(side: Side, balance: Balance) {
        var value = PerSide<Balance>(left: .steady, right: .steady)
        value[side] = balance
        let wobbly = RetestResult(date: ProgressionFixtures.day(0), deadliftBalance: value)
        let steady = RetestResult(
            date: ProgressionFixtures.day(14), deadliftBalance: PerSide(left: .steady, right: .steady))
        #expect(!evaluator.openGates(from: [wobbly]).contains(.noLoadSingleLeg))
        #expect(evaluator.openGates(from: [wobbly, steady]).contains(.noLoadSingleLeg))
        #expect(
            !evaluator.openGates(from: [steady, wobbly.with(date: ProgressionFixtures.day(20))]).contains(
                .noLoadSingleLeg),
            "a later failed retest closes the gate again")
    }

    @Test func barbellHingesNeedTheBridgeAndTheHipHinge() {
        let bridge = RetestResult(
            date: ProgressionFixtures.day(0), bridgeFeltIn: PerSide(left: .glutes, right: .glutes))
        let hingeFailed = RetestResult(date: ProgressionFixtures.day(1), hipHingePassed: false)
        let hingePassed = RetestResult(date: ProgressionFixtures.day(2), hipHingePassed: true)
        #expect(evaluator.openGates(from: [bridge]) == [.noLoadedHinge])
        #expect(evaluator.openGates(from: [bridge, hingeFailed]) == [.noLoadedHinge])
        #expect(evaluator.openGates(from: [bridge, hingeFailed, hingePassed]) == [.noLoadedHinge, .noBarbellHinge])
        #expect(evaluator.openGates(from: [hingePassed]).isEmpty, "the hinge alone is not enough")
    }

    @Test(arguments: RetestKind.allCases)
    func everyRetestNamesItsAssessmentTest(kind: RetestKind) {
        #expect(RetestKind(assessmentKey: kind.assessmentKey) == kind)
        #expect(RetestKind(rawValue: kind.rawValue) == kind)
        #expect(kind.hasSides == (kind != .hipHinge))
        #expect(RetestKind(assessmentKey: kind.rawValue) == nil, "the command-line name is not the assessment key")
    }

    /// Retest answers in the assessment format, the lagging side given as `side`.
    static func answers(_ kind: RetestKind, lagging side: Side?, _ good: String, _ bad: String) throws -> JSONValue {
        func one(_ value: String) -> String {
            kind == .singleLegBridge ? #"{"reps":18,"feltIn":"\#(value)"}"# : #"{"balance":"\#(value)"}"#
        }
        let left = one(side == .left ? bad : good), right = one(side == .right ? bad : good)
        return try JSONValue.parse(#"{"left":\#(left),"right":\#(right)}"#)
    }

    @Test(arguments: Side.allCases)
    func retestOutcomesOpenAndCloseTheirGates(laggingSide: Side) throws {
        let day = ProgressionFixtures.day(0)
        let passed = try RetestOutcome(
            kind: .singleLegBridge, result: try Self.answers(.singleLegBridge, lagging: nil, "glutes", "glutes"))
        #expect(passed.tests.singleLegBridge?.left.reps == 18)
        #expect(evaluator.openGates(from: [passed.gateResult(on: day)]) == [.noLoadedHinge])
        #expect(RetestKind.bridgeReps(passed.result) == PerSide(left: 18, right: 18))
        let failed = try RetestOutcome(
            kind: .singleLegBridge,
            result: try Self.answers(.singleLegBridge, lagging: laggingSide, "glutes", "hamstrings"))
        #expect(evaluator.openGates(from: [failed.gateResult(on: day)]).isEmpty)
        #expect(failed.gateResult(on: day).bridgeFeltIn?[laggingSide] == .hamstrings)

        let steady = try RetestOutcome(
            kind: .singleLegDeadlift, result: try Self.answers(.singleLegDeadlift, lagging: nil, "steady", "steady"))
        #expect(evaluator.openGates(from: [steady.gateResult(on: day)]) == [.noLoadSingleLeg])
        let wobbly = try RetestOutcome(
            kind: .singleLegDeadlift,
            result: try Self.answers(.singleLegDeadlift, lagging: laggingSide, "steady", "wobble"))
        #expect(
            !evaluator.openGates(from: [steady.gateResult(on: day), wobbly.gateResult(on: day.adding(days: 1))])
                .contains(.noLoadSingleLeg))

        let hinge = try RetestOutcome(kind: .hipHinge, result: try JSONValue.parse(#"{"pass":true}"#))
        #expect(hinge.gateResult(on: day).hipHingePassed == true)
        #expect(
            evaluator.openGates(from: [passed.gateResult(on: day), hinge.gateResult(on: day)])
                == [.noLoadedHinge, .noBarbellHinge])
        let squeeze = try RetestOutcome(
            kind: .gluteSqueeze,
            result: try JSONValue.parse(#"{"left":{"isolated":"yes"},"right":{"isolated":"no"}}"#))
        #expect(squeeze.gateResult(on: day) == RetestResult(date: day), "no gate reads the squeeze")
    }

    @Test func aBadRetestAnswerNamesItsFieldAsTheAssessmentWould() throws {
        let tooMany = try JSONValue.parse(#"{"left":{"reps":900,"feltIn":"glutes"},"right":{"reps":10}}"#)
        #expect {
            _ = try RetestOutcome(kind: .singleLegBridge, result: tooMany)
        } throws: { error in
            (error as? FieldError)?.field == "tests.singleLegBridge.left.reps"
        }
        let notABool = try JSONValue.parse(#"{"pass":"yes"}"#)
        #expect {
            _ = try RetestOutcome(kind: .hipHinge, result: notABool)
        } throws: { error in
            (error as? FieldError)?.field == "tests.hipHinge.pass"
        }
    }

    @Test func aRetestReplacesOnlyItsTestInTheAssessment() throws {
        let input = try JSONValue.parse(Fixtures.healthyJSON)
        let hinge = try RetestOutcome(kind: .hipHinge, result: try JSONValue.parse(#"{"pass":false}"#))
        let edited = hinge.replacingTest(in: input).objectValue
        let tests = input.objectValue?["tests"]?.objectValue
        #expect(edited?["tests"]?.objectValue?["hipHinge"] == (try JSONValue.parse(#"{"pass":false}"#)))
        #expect(edited?["tests"]?.objectValue?["singleLegBridge"] == tests?["singleLegBridge"])
        #expect(edited?["profile"] == input.objectValue?["profile"])
    }

    @Test func anUnknownGateStaysClosed() {
        let custom = Gate(code: Gate.Code(rawValue: "no-jumping"), until: "a coach says so")
        let status = evaluator.evaluate([], gates: [custom])
        #expect(status.count == 1)
        #expect(status.first?.isOpen == false)
    }
}

extension RetestResult {
    /// The same results on another day.
    func with(date: CivilDate) -> RetestResult {
        var copy = self
        copy.date = date
        return copy
    }
}

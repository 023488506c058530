import GluteCore
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

import GluteCore
import Testing

/// Weaker side first; the stronger side matches its reps; a stop on one side stops both.
@Suite struct ProgressionSideCouplingTests {
    private let exercise = ProgressionFixtures.splitSquat
    private let load = Load(10, .kg)

    private func decide(
        weak: Side, weakSets: [Int], strongSets: [Int], weakerSide: Side? = nil,
        weakPain: Int = 0
    ) -> PerSide<ProgressionDecision> {
        var current = PerSide(
            left: ProgressionFixtures.prescription(exercise, side: .left, load: load),
            right: ProgressionFixtures.prescription(exercise, side: .right, load: load))
        current[weak.opposite].target = 11
        let history = [
            ProgressionFixtures.log(exercise, side: weak, day: 0, sets: weakSets, load: load, pain: weakPain),
            ProgressionFixtures.log(exercise, side: weak.opposite, day: 0, sets: strongSets, load: load),
        ]
        return ProgressionEngine().next(for: current, exercise: exercise, history: history, weakerSide: weakerSide)
    }

    @Test(arguments: Side.allCases)
    func strongerSideMatchesTheWeakerSidesReps(weak: Side) {
        // The weak side holds at 10; the strong side would climb to 12, and is held at 10.
        let both = decide(weak: weak, weakSets: [10, 9, 9], strongSets: [11, 11, 11], weakerSide: weak)
        #expect(both[weak].action == .hold)
        #expect(both[weak].next?.target == 10)
        #expect(both[weak.opposite].action == .hold)
        #expect(both[weak.opposite].reason.code == .matchedToWeakerSide)
        #expect(both[weak.opposite].next?.target == 10)
        #expect(both[weak.opposite].reason.text.contains("weaker \(weak.rawValue) side"))
    }

    @Test(arguments: Side.allCases)
    func weakerSideIsInferredFromTheTargets(weak: Side) {
        let both = decide(weak: weak, weakSets: [10, 10, 10], strongSets: [12, 12, 12])
        // Weak side: 10 -> 11. Strong side reached the top: load up, target back to 8, below 11: no cap.
        #expect(both[weak].action == .progressReps)
        #expect(both[weak].next?.target == 11)
        #expect(both[weak.opposite].action == .increaseLoad)
        #expect(both[weak.opposite].next?.target == 8)
        #expect(both[weak.opposite].reason.code == .increaseLoad)
    }

    @Test(arguments: Side.allCases)
    func aCappedLoadIncreaseKeepsItsActionAndNotesTheCap(weak: Side) {
        var decisions = PerSide(
            left: ProgressionDecision(
                current: ProgressionFixtures.prescription(exercise, side: .left), action: .increaseLoad,
                next: ProgressionFixtures.prescription(exercise, side: .left, target: 8),
                reason: ProgressionReason(.increaseLoad, "Up.")),
            right: ProgressionDecision(
                current: ProgressionFixtures.prescription(exercise, side: .right), action: .increaseLoad,
                next: ProgressionFixtures.prescription(exercise, side: .right, target: 8),
                reason: ProgressionReason(.increaseLoad, "Up.")))
        decisions[weak].action = .hold
        decisions[weak].next?.range = 6...12
        decisions[weak].next?.target = 6
        let coupled = SideCoupling(weakerSide: weak).couple(decisions)
        #expect(coupled[weak.opposite].action == .increaseLoad)
        #expect(coupled[weak.opposite].reason.code == .increaseLoad)
        #expect(coupled[weak.opposite].next?.target == 8, "never below the stronger side's own range")
        #expect(coupled[weak.opposite].reason.text == "Up.", "nothing changed, so nothing is noted")
        #expect(coupled[weak] == decisions[weak])

        decisions[weak].next?.target = 7
        decisions[weak.opposite].next?.target = 10
        let capped = SideCoupling(weakerSide: weak).couple(decisions)
        #expect(capped[weak.opposite].action == .increaseLoad)
        #expect(capped[weak.opposite].next?.target == 8)
        #expect(capped[weak.opposite].reason.text.hasPrefix("Up. The \(weak.opposite.rawValue) side matches"))
    }

    @Test(arguments: Side.allCases)
    func painOnOneSideStopsBothSides(painful: Side) {
        let both = decide(weak: painful, weakSets: [10, 10, 10], strongSets: [11, 11, 11], weakPain: 5)
        #expect(both[painful].action == .stopAndSwap)
        #expect(both[painful].reason.code == .painStop)
        #expect(both[painful.opposite].action == .stopAndSwap)
        #expect(both[painful.opposite].reason.code == .otherSideStopped)
        #expect(both[painful.opposite].next == nil)
    }

    @Test(arguments: Side.allCases)
    func seeingAClinicianWinsOverStopping(clinician: Side) {
        func decision(_ side: Side, _ action: ProgressionDecision.Action) -> ProgressionDecision {
            ProgressionDecision(
                current: ProgressionFixtures.prescription(exercise, side: side), action: action, next: nil,
                reason: ProgressionReason(.painStop, "Stop."))
        }
        var decisions = PerSide(left: decision(.left, .stopAndSwap), right: decision(.right, .stopAndSwap))
        decisions[clinician] = decision(clinician, .seeClinician)
        let coupled = SideCoupling().couple(decisions)
        #expect(coupled.left.action == .seeClinician)
        #expect(coupled.right.action == .seeClinician)
        #expect(coupled[clinician.opposite].reason.code == .otherSideStopped)
    }

    @Test func differentVariantsAreNotCoupled() {
        let left = ProgressionDecision(
            current: ProgressionFixtures.prescription(exercise, side: .left), action: .moveToEasier,
            next: Prescription(exerciseID: "reverse-lunge-to-box", side: .left, sets: 3, range: 8...12, target: 8),
            reason: ProgressionReason(.lowerBack, "Easier."))
        let right = ProgressionDecision(
            current: ProgressionFixtures.prescription(exercise, side: .right), action: .progressReps,
            next: ProgressionFixtures.prescription(exercise, side: .right, target: 12),
            reason: ProgressionReason(.progressReps, "Up."))
        let coupled = SideCoupling(weakerSide: .left).couple(PerSide(left: left, right: right))
        #expect(coupled.right.next?.target == 12)
    }

    @Test(arguments: Side.allCases)
    func theStrongerSideWaitsForTheWeakerSideBeforeAHarderVariant(weak: Side) {
        let bridge = ProgressionFixtures.singleLegBridge
        var current = PerSide(
            left: ProgressionFixtures.prescription(bridge, side: .left, target: 12),
            right: ProgressionFixtures.prescription(bridge, side: .right, target: 12))
        current[weak].target = 11
        let history = Side.allCases.map {
            ProgressionFixtures.log(bridge, side: $0, day: 0, sets: $0 == weak ? [11, 11, 11] : [12, 12, 12])
        }
        let waiting = ProgressionEngine().next(for: current, exercise: bridge, history: history, weakerSide: weak)
        #expect(waiting[weak].action == .progressReps)
        #expect(waiting[weak.opposite].action == .hold)
        #expect(waiting[weak.opposite].reason.code == .matchedToWeakerSide)
        #expect(waiting[weak.opposite].next == current[weak.opposite])

        current[weak].target = 12
        let both = Side.allCases.map { ProgressionFixtures.log(bridge, side: $0, day: 0, sets: [12, 12, 12]) }
        let together = ProgressionEngine().next(for: current, exercise: bridge, history: both, weakerSide: weak)
        #expect(together.left.action == .moveToHarder)
        #expect(together.right.action == .moveToHarder)
    }
}

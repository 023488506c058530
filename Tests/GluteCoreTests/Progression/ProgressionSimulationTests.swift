import GluteCore
import Testing

/// Twelve scripted weeks (see ``TwelveWeekPerson``): the prescriptions progress, regress and
/// unlock exactly as the rules say.
@Suite struct ProgressionSimulationTests {
    private let person = TwelveWeekPerson.run()

    private func step(_ session: Int, _ slot: String, _ side: Side?) -> TwelveWeekPerson.Step? {
        person.steps.first { $0.session == session && $0.slot == slot && $0.log.side == side }
    }

    /// The (action, reason code) of a slot and side over a span of sessions.
    private func actions(_ slot: String, _ side: Side?, _ sessions: ClosedRange<Int>)
        -> [ProgressionDecision.Action]
    {
        sessions.compactMap { step($0, slot, side)?.decision.action }
    }

    private func codes(_ slot: String, _ side: Side?, _ sessions: ClosedRange<Int>) -> [String] {
        sessions.compactMap { step($0, slot, side)?.decision.reason.code.rawValue }
    }

    @Test func everySessionHasADecisionPerSlotAndSide() {
        #expect(ProgressionFixtures.start.description == "2026-11-02")
        #expect(ProgressionFixtures.start.weekday == .mon)
        #expect(person.steps.count == TwelveWeekPerson.sessions * 5)
        #expect(TwelveWeekPerson.date(of: 35) == ProgressionFixtures.day(81), "the last Friday of week 12")
    }

    @Test func theLungeProgressesWobblesRegressesAndIsSwappedAfterThePainSpike() throws {
        // Double progression on the weaker left side: 8 -> 12 reps, then +1 kg (12.5 %, one step).
        #expect(
            actions("lunge", .left, 0...4) == [
                .progressReps, .progressReps, .progressReps, .progressReps,
                .increaseLoad,
            ])
        let firstLoad = try #require(step(4, "lunge", .left)?.decision)
        #expect(firstLoad.next?.load == Load(9, .kg))
        #expect(firstLoad.next?.target == 8)
        #expect(firstLoad.loadChange?.isWithinGuideline == false)
        // The stronger right side does a rep more each time, and is held to the left side's reps.
        #expect(codes("lunge", .right, 0...2) == Array(repeating: "matched-to-weaker-side", count: 3))
        // Wobble phase: reps still climb under a wobble; lost once holds, lost twice regresses,
        // a wobble at the top holds the load, steady again raises it.
        #expect(
            actions("lunge", .left, 6...12) == [
                .progressReps, .progressReps, .progressReps, .hold,
                .regressLoad, .hold, .increaseLoad,
            ])
        #expect(codes("lunge", .left, 9...11) == ["balance-lost", "balance-lost-repeated", "balance-wobble"])
        #expect(step(10, "lunge", .left)?.decision.next?.load == Load(8, .kg))
        #expect(step(12, "lunge", .left)?.decision.next?.load == Load(9, .kg))
        // Pain 3 holds; pain 5 stops the right side, and the left side stops with it.
        #expect(codes("lunge", .right, 19...19) == ["pain-elevated"])
        #expect(actions("lunge", .right, 20...20) == [.stopAndSwap])
        #expect(codes("lunge", .left, 20...20) == ["other-side-stopped"])
        #expect(step(20, "lunge", .left)?.decision.next == nil)
        #expect(step(21, "lunge", .left)?.log.exerciseID == "step-up")
        #expect(step(21, "lunge", .right)?.log.exerciseID == "step-up")
    }

    @Test func theLowerBackPhaseRegressesThenAsksForARetest() {
        let regress = step(7, "bridge", .left)?.decision
        #expect(regress?.action == .moveToEasier)
        #expect(regress?.next?.exerciseID == "bridge-march")
        #expect(regress?.addPelvicTiltCue == true)
        #expect(regress?.requestRetest == false)
        let retest = step(8, "bridge", .left)?.decision
        #expect(retest?.action == .retest)
        #expect(retest?.reason.code == .lowerBackRepeated)
        #expect(retest?.requestRetest == true)
        #expect(retest?.addPelvicTiltCue == true)
        #expect(person.steps.filter(\.decision.requestRetest).map(\.session) == [8], "only one retest is asked for")
        // Activation phase: felt in the hamstrings holds; felt in the glutes climbs again, and at
        // the top the left side returns to the single-leg bridge.
        #expect(codes("bridge", .left, 9...14) == Array(repeating: "felt-elsewhere", count: 6))
        #expect(actions("bridge", .left, 15...24) == Array(repeating: .progressReps, count: 10))
        #expect(actions("bridge", .left, 25...25) == [.moveToHarder])
        #expect(step(25, "bridge", .left)?.decision.next?.exerciseID == "single-leg-glute-bridge")
    }

    @Test func theStrongerSideWaitsForTheWeakerSide() {
        // The right side reaches the top of the single-leg bridge at session 8, but does not move
        // to the hip thrust while the left side is on the easier bridge march.
        #expect(step(8, "bridge", .right)?.decision.action == .hold)
        #expect(step(8, "bridge", .right)?.decision.reason.code == .matchedToWeakerSide)
        #expect(person.steps.allSatisfy { $0.log.exerciseID != "single-leg-hip-thrust" })
        // Back on the same exercise, the right side matches the left side's reps.
        for session in 26...35 {
            let left = step(session, "bridge", .left)?.decision.next?.target ?? 0
            let right = step(session, "bridge", .right)?.decision.next?.target ?? .max
            #expect(right <= left, "session \(session)")
        }
    }

    @Test func thePassedRetestUnlocksLoadedHinges() {
        // Reps climb to the top without load, then the closed gate holds the hinge...
        #expect(actions("hinge", nil, 0...1) == [.progressReps, .progressReps])
        #expect(codes("hinge", nil, 2...20) == Array(repeating: "gate-closed", count: 19))
        // ...through the failed retest at session 9, until the passed one at session 21.
        #expect(
            GateEvaluator().openGates(from: person.retests.filter { $0.date <= TwelveWeekPerson.date(of: 20) })
                .isEmpty)
        #expect(
            GateEvaluator().openGates(from: person.retests)
                == [.noLoadedHinge, .noLoadSingleLeg, .noBarbellHinge])
        let unlocked = step(21, "hinge", nil)?.decision
        #expect(unlocked?.action == .increaseLoad)
        #expect(unlocked?.next?.load == Load(8, .kg), "the exercise's starting load")
        // Then double progression with load: 8 -> 9 -> 10 -> 11 -> 12 kg, one step every third session.
        let loads = person.steps.filter { $0.slot == "hinge" && $0.decision.action == .increaseLoad }
            .compactMap { $0.decision.next?.load?.value }
        #expect(loads == [8, 9, 10, 11, 12])
    }

    /// Checked on every decision of the run.
    @Test func everyDecisionFollowsTheRules() {
        for step in person.steps {
            let log = step.log, decision = step.decision
            let label = "session \(step.session) \(step.slot) \(log.side?.rawValue ?? "both")"
            if log.pain >= ProgressionRules.stopPain {
                #expect(decision.action == .stopAndSwap || decision.action == .seeClinician, "\(label)")
            }
            if decision.action == .increaseLoad {
                #expect(log.sets.allSatisfy { $0 >= decision.current.range.upperBound }, "\(label)")
                #expect(log.balance == .steady && log.feltIn == .glutes, "\(label)")
                #expect(log.pain <= ProgressionRules.maximumPainForProgress, "\(label)")
            }
            if let change = decision.loadChange, change.isWithinGuideline, decision.action == .increaseLoad {
                #expect(change.percentChange >= 2 && change.percentChange <= 10, "\(label)")
            }
            if let load = decision.next?.load {
                #expect(load.value == load.value.rounded(), "\(label): 1 kg steps")
            }
            if decision.action == .moveToEasier || decision.action == .moveToHarder {
                #expect(decision.next?.target == decision.next?.range.lowerBound, "\(label)")
            }
            #expect(!decision.reason.text.isEmpty)
        }
    }

    @Test func theRunIsDeterministic() {
        let again = TwelveWeekPerson.run()
        #expect(again.steps.map(\.decision) == person.steps.map(\.decision))
    }
}

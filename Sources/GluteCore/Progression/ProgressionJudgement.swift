/// The rules, applied in order to the latest session of one exercise and side.
///
/// The first rule that matches decides. The order puts safety first:
/// 1. pain of 7 or more, or new numbness: see a clinician;
/// 2. pain of 4 or more: stop and swap;
/// 3. felt in the lower back: twice asks for the bridge retest, once moves to the easier variant
///    with a pelvic-tilt cue;
/// 4. balance lost: in two of the last three sessions it regresses and asks for the single-leg
///    deadlift retest, once it holds;
/// 5. felt in the hamstrings, quads or nowhere: hold; three sessions running also ask for the
///    bridge retest;
/// 6. pain of 3: hold;
/// 7. not every set reached the target, or the sets were done with less than the prescribed
///    load: hold;
/// 8. balance wobbled: hold reps and load (balance problems hold or regress);
/// 9. every set at the top of the range: more load (or the harder variant), unless the
///    exercise's gate is closed, which holds the load (the target still moves up to the top);
/// 10. otherwise: one more rep (a closed gate does not stop this: it holds load, not learning).
struct ProgressionJudgement {
    let prescription: Prescription
    let exercise: ProgressionExercise
    /// The session being judged.
    let last: SessionLog
    /// The latest sessions the "twice" rules count, oldest first, ending with `last` when it counts.
    let window: [SessionLog]
    let openGates: Set<Gate.Code>

    func decide() -> ProgressionDecision {
        safety() ?? lowerBack() ?? balanceLost() ?? feel() ?? progression()
    }

    // MARK: - Rules

    private func safety() -> ProgressionDecision? {
        if last.pain >= ProgressionRules.clinicianPain {
            return stop(
                .seeClinician, .severePain,
                "Pain reached \(last.pain)/10 (\(ProgressionRules.clinicianPain) "
                    + "or more): stop training and see a clinician before going on.")
        }
        if last.newNumbness {
            return stop(
                .seeClinician, .newNumbness,
                "New numbness or tingling was logged: stop training and see a clinician before going on.")
        }
        if last.pain >= ProgressionRules.stopPain {
            return stop(
                .stopAndSwap, .painStop,
                "Pain reached \(last.pain)/10 (\(ProgressionRules.stopPain) or more): "
                    + "stop this exercise; the plan swaps it for one that does not hurt.")
        }
        return nil
    }

    private func lowerBack() -> ProgressionDecision? {
        guard last.feltIn == .lowerBack else { return nil }
        if isRepeated(where: { $0.feltIn == .lowerBack }) {
            return decision(
                .retest, prescription, .lowerBackRepeated,
                "Felt in the lower back \(howOften { $0.feltIn == .lowerBack }): keep "
                    + "\(summary(prescription)), add a pelvic-tilt cue, and retest the single-leg bridge "
                    + "before progressing.",
                cue: true, retest: .singleLegBridge)
        }
        var result = regress(.lowerBack, because: "Felt in the lower back", preferEasier: true)
        result.addPelvicTiltCue = true
        result.reason.text += " Cue: tilt the pelvis back (ribs down, tailbone tucked) and squeeze the glutes first."
        return result
    }

    private func balanceLost() -> ProgressionDecision? {
        guard last.balance == .lost else { return nil }
        if isRepeated(where: { $0.balance == .lost }) {
            var result = regress(
                .balanceLostRepeated, because: "Balance was lost \(howOften { $0.balance == .lost })",
                preferEasier: false)
            result.retest = .singleLegDeadlift
            result.reason.text += " Retest the single-leg deadlift reach."
            return result
        }
        return decision(
            .hold, prescription, .balanceLost,
            "Balance was lost: keep \(summary(prescription)); if it "
                + "is lost again within the next \(ProgressionRules.repeatWindow - 1) sessions, the exercise regresses."
        )
    }

    private func feel() -> ProgressionDecision? {
        if last.feltIn != .glutes {
            let elsewhere =
                window.count >= ProgressionRules.feltElsewhereRun && window.last == last
                && window.suffix(ProgressionRules.feltElsewhereRun).allSatisfy {
                    [.hamstrings, .quads, .nowhere].contains($0.feltIn)
                }
            let text =
                "Felt \(GateEvaluator.words(last.feltIn)), not in the glutes: keep \(summary(prescription)) and "
                + "squeeze the glutes before each rep."
            guard elsewhere else { return decision(.hold, prescription, .feltElsewhere, text) }
            return decision(
                .hold, prescription, .feltElsewhereRepeated,
                text + " Not in the glutes in \(ProgressionRules.feltElsewhereRun) sessions running: retest the "
                    + "single-leg bridge.",
                retest: .singleLegBridge)
        }
        if last.pain > ProgressionRules.maximumPainForProgress {
            return decision(
                .hold, prescription, .painElevated,
                "Pain was \(last.pain)/10, above the "
                    + "\(ProgressionRules.maximumPainForProgress) that allows progress: keep \(summary(prescription)).")
        }
        return nil
    }

    private func progression() -> ProgressionDecision {
        let done = last.sets.map(String.init).joined(separator: ", ")
        guard last.sets.count >= prescription.sets, let lowest = last.sets.min(), lowest >= prescription.target else {
            let what =
                last.sets.count < prescription.sets
                ? "Only \(last.sets.count) of \(prescription.sets) sets were done"
                : "Not every set reached \(prescription.amount(prescription.target)) (\(done))"
            return decision(.hold, prescription, .targetNotReached, "\(what): keep \(summary(prescription)).")
        }
        if let prescribed = prescription.load, prescribed.value > 0,
            (last.load?.kilograms ?? 0) + Self.loadTolerance < prescribed.kilograms
        {
            return decision(
                .hold, prescription, .targetNotReached,
                "Every set reached \(prescription.amount(prescription.target)) (\(done)), but with "
                    + "\(last.load.map(String.init(describing:)) ?? "no load") instead of \(prescribed): keep "
                    + "\(summary(prescription)).")
        }
        if last.balance == .wobble {
            return decision(
                .hold, prescription, .balanceWobble,
                "Every set reached \(prescription.amount(prescription.target)) (\(done)) but balance wobbled: keep "
                    + "\(summary(prescription)) until balance is steady.")
        }
        guard lowest >= prescription.range.upperBound else {
            let next = prescription.with(target: lowest + 1)
            return decision(
                .progressReps, next, .progressReps,
                "Every set reached "
                    + "\(prescription.amount(prescription.target)) (\(done)): aim for \(prescription.amount(next.target)) "
                    + "next time\(prescription.load.map { " with \($0)" } ?? "").")
        }
        let top = "Every set reached the top of the range (\(prescription.amount(prescription.range.upperBound)))"
        if let gate = exercise.gate, !openGates.contains(gate) {
            guard prescription.target >= prescription.range.upperBound else {
                let next = prescription.with(target: prescription.range.upperBound)
                return decision(
                    .progressReps, next, .gateClosed,
                    "\(top), but the gate \(gate) is still closed: aim for \(summary(next)) until a retest "
                        + "opens it.")
            }
            return decision(
                .hold, prescription, .gateClosed,
                "\(top), but load stays locked (\(Gate.words(gate))): keep "
                    + "\(summary(prescription)) until a retest opens it.")
        }
        let good = "\(top) with steady balance, felt in the glutes and pain \(last.pain)/10"
        if exercise.isLoadable {
            return increaseLoad(good)
        }
        if let harder = exercise.harder {
            let next = prescription.switched(to: harder)
            return decision(
                .moveToHarder, next, .moveToHarder,
                "\(good): move to the harder variant \(harder) at \(next.amount(next.target)).")
        }
        return decision(
            .hold, prescription, .topOfRange,
            "\(good), and there is no harder variant or load to add: "
                + "keep \(summary(prescription)) and slow the tempo (3 seconds down, 1 second pause).")
    }

    // MARK: - Building decisions

    private func increaseLoad(_ good: String) -> ProgressionDecision {
        let bottom = prescription.with(target: prescription.range.lowerBound)
        guard let current = prescription.load, current.value > 0 else {
            let first = exercise.startingLoad ?? Load(exercise.increment.step(in: .kg), .kg)
            return decision(
                .increaseLoad, bottom.with(load: first), .increaseLoad,
                "\(good): add a first load of "
                    + "\(first) and restart at \(bottom.amount(bottom.target)).")
        }
        let change = LoadAdjustment.increase(from: current, increment: exercise.increment)
        let next = bottom.with(load: change.to)
        let percent = "+\(Load.format(change.percentChange)) %"
        let note =
            change.isWithinGuideline
            ? "\(percent); ACSM 2009: +2-10 %"
            : "\(percent): the smallest step is more than ACSM 2009's +2-10 %"
        var result = decision(
            .increaseLoad, next, .increaseLoad,
            "\(good): load goes from \(current) to "
                + "\(change.to.map(String.init(describing:)) ?? "bodyweight") (\(note)) and restart at "
                + "\(next.amount(next.target)).")
        result.loadChange = change
        return result
    }

    /// One step back: a lighter load, else the easier variant, else the bottom of the range; with
    /// `preferEasier`, the easier variant comes first.
    private func regress(_ code: ProgressionReason.Code, because cause: String, preferEasier: Bool)
        -> ProgressionDecision
    {
        if preferEasier, let easier = exercise.easier {
            let next = prescription.switched(to: easier)
            return decision(
                .moveToEasier, next, code,
                "\(cause): switch to the easier variant \(easier) "
                    + "at \(next.amount(next.target)) without load.")
        }
        if let current = prescription.load, current.value > 0 {
            let change = LoadAdjustment.decrease(from: current, increment: exercise.increment)
            let next = prescription.with(load: change.to)
            var result = decision(
                .regressLoad, next, code,
                "\(cause): load drops from \(current) to "
                    + "\(change.to.map(String.init(describing:)) ?? "bodyweight") at \(next.amount(next.target)).")
            result.loadChange = change
            return result
        }
        if let easier = exercise.easier {
            let next = prescription.switched(to: easier)
            return decision(
                .moveToEasier, next, code,
                "\(cause): switch to the easier variant \(easier) "
                    + "at \(next.amount(next.target)).")
        }
        let next = prescription.with(target: prescription.range.lowerBound)
        return decision(.regressReps, next, code, "\(cause): back to \(next.amount(next.target)).")
    }

    private func decision(
        _ action: ProgressionDecision.Action, _ next: Prescription, _ code: ProgressionReason.Code, _ text: String,
        cue: Bool = false, retest: RetestKind? = nil
    ) -> ProgressionDecision {
        ProgressionDecision(
            current: prescription, action: action, next: next,
            reason: ProgressionReason(code, text), addPelvicTiltCue: cue, retest: retest)
    }

    private func stop(_ action: ProgressionDecision.Action, _ code: ProgressionReason.Code, _ text: String)
        -> ProgressionDecision
    {
        ProgressionDecision(
            current: prescription, action: action, next: nil,
            reason: ProgressionReason(code, text))
    }

    // MARK: - Helpers

    /// Loads closer than this (in kilograms) are the same load.
    private static let loadTolerance = 1e-6

    private func count(_ problem: (SessionLog) -> Bool) -> Int { window.filter(problem).count }

    /// "in both of the last 2 sessions" or "in 2 of the last 3 sessions".
    private func howOften(_ problem: (SessionLog) -> Bool) -> String {
        let times = count(problem)
        if times == 2 && window.count == 2 { return "in both of the last 2 sessions" }
        return times == window.count
            ? "in all of the last \(times) sessions"
            : "in \(times) of the last \(window.count) sessions"
    }

    /// Whether the judged session counts and at least ``ProgressionRules/repeatCount`` sessions in the window
    /// show `problem`.
    private func isRepeated(where problem: (SessionLog) -> Bool) -> Bool {
        window.last == last && count(problem) >= ProgressionRules.repeatCount
    }

    /// "10 reps with 20 kg" or "10 reps".
    private func summary(_ prescription: Prescription) -> String {
        prescription.amount(prescription.target) + (prescription.load.map { " with \($0)" } ?? "")
    }
}

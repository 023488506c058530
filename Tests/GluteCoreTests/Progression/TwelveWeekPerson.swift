import GluteCore

/// A scripted person training twelve weeks, three sessions a week (Monday, Wednesday, Friday).
///
/// Three slots: a single-leg bridge and a split squat (both sides, left weaker) and a dumbbell
/// Romanian deadlift (bilateral, behind the loaded-hinge gate). The person does exactly the
/// target on the left and one rep more on the right (and on the deadlift), except in scripted
/// phases:
/// - sessions 6-11, split squat, left: balance wobbles (6-8, 11) and is lost (9, 10);
/// - sessions 7-8, bridge, left: felt in the lower back (regress, then a retest is asked);
/// - sessions 9-14, bridge, left: felt in the hamstrings (activation phase);
/// - session 9: a retest that fails (left bridge still in the hamstrings);
/// - session 19, split squat, right: pain 3; session 20: pain 5 (the lunge is swapped for step-ups);
/// - session 21: a retest that passes, which unlocks loaded hinges.
struct TwelveWeekPerson {
    /// One decision of the run, with the log it was made from.
    struct Step {
        var session: Int
        var slot: String
        var log: SessionLog
        var decision: ProgressionDecision
    }

    static let sessions = 36

    static let catalogue: [String: ProgressionExercise] = Dictionary(
        uniqueKeysWithValues: [
            ProgressionExercise(
                id: "bridge-march", isLoadable: false, harder: "single-leg-glute-bridge",
                isUnilateral: true),
            ProgressionExercise(
                id: "single-leg-glute-bridge", isLoadable: false, easier: "bridge-march",
                harder: "single-leg-hip-thrust", isUnilateral: true),
            ProgressionExercise(
                id: "single-leg-hip-thrust", isLoadable: false, easier: "single-leg-glute-bridge",
                isUnilateral: true),
            ProgressionExercise(
                id: "split-squat", isLoadable: true, increment: .fine, easier: "reverse-lunge-to-box",
                isUnilateral: true),
            ProgressionExercise(id: "step-up", isLoadable: true, increment: .fine, isUnilateral: true),
            ProgressionExercise(
                id: "dumbbell-rdl", isLoadable: true, increment: .fine, isUnilateral: false,
                gate: .noLoadedHinge, startingLoad: Load(8, .kg)),
        ].map { ($0.id, $0) })

    /// What the plan swaps an exercise for when it hurts.
    static let swaps = ["split-squat": "step-up"]

    var unilateral: [String: PerSide<Prescription>] = [
        "bridge": PerSide(
            left: start("single-leg-glute-bridge", .left, range: 10...20),
            right: start("single-leg-glute-bridge", .right, range: 10...20)),
        "lunge": PerSide(
            left: start("split-squat", .left, load: Load(8, .kg)),
            right: start("split-squat", .right, load: Load(8, .kg))),
    ]
    var bilateral: [String: Prescription] = ["hinge": start("dumbbell-rdl", nil)]
    var history: [SessionLog] = []
    var retests: [RetestResult] = []
    var steps: [Step] = []

    static func date(of session: Int) -> CivilDate {
        ProgressionFixtures.day(session / 3 * 7 + [0, 2, 4][session % 3])
    }

    static func start(_ id: String, _ side: Side?, range: ClosedRange<Int> = 8...12, load: Load? = nil)
        -> Prescription
    {
        Prescription(exerciseID: id, side: side, sets: 3, range: range, target: range.lowerBound, load: load)
    }

    /// Runs all sessions and returns the person.
    static func run() -> TwelveWeekPerson {
        var person = TwelveWeekPerson()
        for session in 0..<sessions { person.train(session) }
        return person
    }

    mutating func train(_ session: Int) {
        let date = Self.date(of: session)
        if let retest = Self.retest(at: session) { retests.append(retest) }
        let open = GateEvaluator().openGates(from: retests)
        let forgiven = retests.last { $0.bridgeFeltIn == PerSide(left: .glutes, right: .glutes) }?.date
        let engine = ProgressionEngine()
        for slot in unilateral.keys.sorted() {
            guard let current = unilateral[slot] else { continue }
            let logs = current.map { perform(slot, $0, session, date) }
            history += [logs.left, logs.right]
            let exercises = current.map { Self.exercise($0.exerciseID) }
            let decisions = engine.next(
                for: current, exercises: exercises, history: history, openGates: open,
                countingFrom: forgiven, weakerSide: .left)
            for side in Side.allCases {
                steps.append(Step(session: session, slot: slot, log: logs[side], decision: decisions[side]))
            }
            unilateral[slot] = PerSide(
                left: follow(decisions.left, current.left),
                right: follow(decisions.right, current.right))
        }
        for slot in bilateral.keys.sorted() {
            guard let current = bilateral[slot] else { continue }
            let log = perform(slot, current, session, date)
            history.append(log)
            let decision = engine.next(
                for: current, exercise: Self.exercise(current.exerciseID), history: history,
                openGates: open, countingFrom: forgiven)
            steps.append(Step(session: session, slot: slot, log: log, decision: decision))
            bilateral[slot] = follow(decision, current)
        }
    }

    /// The next prescription: the decision's, or after a stop the plan's swap at its start.
    private func follow(_ decision: ProgressionDecision, _ current: Prescription) -> Prescription {
        if let next = decision.next { return next }
        let swap = Self.swaps[current.exerciseID] ?? current.exerciseID
        return Self.start(swap, current.side, load: Load(6, .kg))
    }

    static func exercise(_ id: String) -> ProgressionExercise {
        catalogue[id] ?? ProgressionExercise(id: id, isLoadable: false, isUnilateral: true)
    }

    static func retest(at session: Int) -> RetestResult? {
        switch session {
        case 9:
            RetestResult(
                date: date(of: session), bridgeFeltIn: PerSide(left: .hamstrings, right: .glutes),
                deadliftBalance: PerSide(left: .wobble, right: .steady), hipHingePassed: false)
        case 21:
            RetestResult(
                date: date(of: session), bridgeFeltIn: PerSide(left: .glutes, right: .glutes),
                deadliftBalance: PerSide(left: .steady, right: .steady), hipHingePassed: true)
        default: nil
        }
    }

    /// What the person does with a prescription: the script of the phases above.
    private func perform(_ slot: String, _ prescription: Prescription, _ session: Int, _ date: CivilDate)
        -> SessionLog
    {
        let reps = prescription.side == .left ? prescription.target : prescription.target + 1
        var felt = FeltIn.glutes
        var balance = Balance.steady
        var pain = 0
        switch (slot, prescription.side) {
        case ("bridge", .left?):
            if [7, 8].contains(session) { felt = .lowerBack }
            if (9...14).contains(session) { felt = .hamstrings }
        case ("lunge", .left?):
            if [6, 7, 8, 11].contains(session) { balance = .wobble }
            if [9, 10].contains(session) { balance = .lost }
        case ("lunge", .right?):
            if session == 19 { pain = 3 }
            if session == 20 { pain = 5 }
        default: break
        }
        return SessionLog(
            date: date, exerciseID: prescription.exerciseID, side: prescription.side,
            sets: Array(repeating: reps, count: prescription.sets), load: prescription.load,
            feltIn: felt, balance: balance, rpe: 7, pain: pain)
    }
}

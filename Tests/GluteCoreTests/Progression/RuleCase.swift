import GluteCore

/// One row of a rule table: a session (and the sessions before it) and the decision expected.
///
/// Every row is run on both sides; the fixture mirrors the side into the prescription and logs.
/// Each row is decided twice, from the whole history (``ProgressionEngine/next(for:exercise:history:openGates:countingFrom:)``)
/// and from a kept state's recent sessions (``ProgressionEngine/judge(_:recent:prescription:exercise:openGates:)``),
/// and both must agree.
struct RuleCase: Sendable, CustomStringConvertible {
    /// A session before the judged one: where it was felt and how balance held.
    struct Earlier: Sendable {
        var felt: FeltIn = .glutes
        var balance: Balance = .steady
    }

    var label: String
    var exercise: ProgressionExercise = ProgressionFixtures.splitSquat
    var target = 10
    var load: Load? = Load(10, .kg)
    /// The load of the judged session when it is not the prescribed one.
    var loggedLoad: Load?? = .none
    var earlier: [Earlier] = []
    var sets = [10, 10, 10]
    var felt: FeltIn = .glutes
    var balance: Balance = .steady
    var pain = 0
    var numbness = false
    var openGates: Set<Gate.Code> = []

    var action: ProgressionDecision.Action
    var code: ProgressionReason.Code
    var nextExercise: String?? = .none
    var nextTarget: Int? = nil
    var nextLoad: Load?? = .none
    var cue = false
    var retest: RetestKind? = nil

    var description: String { label }

    /// The decision of the engine for this row on `side`, from the whole history.
    func decide(on side: Side) -> ProgressionDecision {
        let current = ProgressionFixtures.prescription(exercise, side: side, target: target, load: load)
        var history = earlierLogs(on: side)
        // The other side's sessions must be ignored: give it the worst possible day.
        history.append(
            ProgressionFixtures.log(
                exercise, side: side.opposite, day: earlier.count * 2, sets: [1], load: load,
                felt: .lowerBack, balance: .lost, pain: 9, numbness: true))
        history.append(
            ProgressionFixtures.log(
                exercise, side: side, day: earlier.count * 2, sets: sets, load: loggedLoad ?? load, felt: felt,
                balance: balance, pain: pain, numbness: numbness))
        return ProgressionEngine().next(for: current, exercise: exercise, history: history, openGates: openGates)
    }

    /// The decision for this row on `side` from the sessions a kept state remembers.
    func judge(on side: Side) -> ProgressionDecision {
        let current = ProgressionFixtures.prescription(exercise, side: side, target: target, load: load)
        let session = ProgressionFixtures.log(
            exercise, side: side, day: earlier.count * 2, sets: sets, load: loggedLoad ?? load, felt: felt,
            balance: balance, pain: pain, numbness: numbness)
        let recent = Array(earlierLogs(on: side).suffix(ProgressionRules.repeatWindow))
        return ProgressionEngine().judge(
            session, recent: recent, prescription: current, exercise: exercise, openGates: openGates)
    }

    private func earlierLogs(on side: Side) -> [SessionLog] {
        earlier.enumerated().map { index, session in
            ProgressionFixtures.log(
                exercise, side: side, day: index * 2, sets: sets, load: load, felt: session.felt,
                balance: session.balance)
        }
    }
}

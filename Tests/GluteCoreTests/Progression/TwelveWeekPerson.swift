@testable import GluteCore

/// A scripted person training twelve weeks on a ``PlanTracker``, three strength sessions a week
/// (Monday, Wednesday, Friday), as the app does it: one state per item, each log moving one item
/// on, a new plan version carrying the states over.
///
/// Three items: a bird dog and a split squat (both sides, the left side weaker and logged first)
/// and a dumbbell Romanian deadlift (two-legged, behind the loaded-hinge gate). The person does
/// exactly the shown target on the left and one rep more on the right (and on the deadlift),
/// except in scripted phases:
/// - sessions 6-11, split squat, left: balance wobbles (6-8, 11) and is lost (9, 10);
/// - sessions 7-8, bird dog, left: felt in the lower back (regress, then a retest is asked);
/// - sessions 9-14, bird dog, left: felt in the hamstrings (activation phase);
/// - before session 9: the bridge retest asked for, which fails (the plan keeps its gate);
/// - session 19, split squat, right: pain 3; session 20: pain 5;
/// - before session 21: a bridge retest that passes, and a new plan version: the split squat
///   swapped for bodyweight step-ups (as the app does after pain of 4 or more), and no gate, so
///   the deadlift is unlocked at 8 kg.
struct TwelveWeekPerson {
    /// One decision of the run, with the log it was made from.
    struct Step {
        var session: Int
        var key: ItemKey
        var entry: SetEntry
        var shown: Prescription
        var decision: ProgressionDecision
        var state: ItemState
    }

    static let sessions = 36

    static let birdDog = TrackerFixtures.item("bird-dog", side: .leftFirst, reps: 10, range: 10...20)
    static let splitSquat = TrackerFixtures.item(
        "split-squat", side: .leftFirst, load: Load(8, .kg), implement: .dumbbells)
    static let stepUp = TrackerFixtures.item("step-up", side: .leftFirst)
    static let gatedDeadlift = TrackerFixtures.item("romanian-deadlift", implement: .dumbbells)
    static let deadlift = TrackerFixtures.item("romanian-deadlift", load: Load(8, .kg), implement: .dumbbells)

    /// The plan versions, by the session they start at.
    static let versions: [(from: Int, plan: Plan)] = [
        (0, TrackerFixtures.plan(mwf: [session([birdDog, splitSquat, gatedDeadlift])], gates: ["no-loaded-hinge"])),
        (21, TrackerFixtures.plan(mwf: [session([birdDog, stepUp, deadlift])])),
    ]

    let knowledge: KnowledgeBase
    var tracker: PlanTracker
    var states: [ItemKey: ItemState]
    var steps: [Step] = []
    /// The retests taken, by the session before which they were taken.
    var retests: [(session: Int, kind: RetestKind)] = []

    static func session(_ items: [PlanItem]) -> Session { TrackerFixtures.session(.strength, items) }

    static func date(of session: Int) -> CivilDate {
        TrackerFixtures.day(session / 3 * 7 + [0, 2, 4][session % 3])
    }

    /// Runs all sessions and returns the person.
    static func run() throws -> TwelveWeekPerson {
        let knowledge = try KnowledgeBase.bundled()
        let tracker = PlanTracker(plan: versions[0].plan, knowledge: knowledge)
        var person = TwelveWeekPerson(
            knowledge: knowledge, tracker: tracker, states: tracker.initialStates(carryingOver: [:]))
        for session in 0..<sessions { person.train(session) }
        return person
    }

    mutating func train(_ session: Int) {
        if session == 9 || session == 21 {
            retests.append((session, .singleLegBridge))
            states = states.mapValues { $0.answering(.singleLegBridge) }
        }
        if let version = Self.versions.first(where: { $0.from == session && $0.from > 0 }) {
            tracker = PlanTracker(plan: version.plan, knowledge: knowledge)
            states = tracker.initialStates(carryingOver: states)
        }
        let date = Self.date(of: session)
        var logged: Set<ItemKey> = []
        for key in tracker.keys {
            guard let shown = tracker.prescription(for: key, states: states) else { continue }
            let entry = perform(key, shown, session, date)
            guard let found = tracker.key(for: entry, on: date, alreadyLogged: logged, states: states),
                let state = states[found], let step = tracker.apply(entry, on: date, to: state, states: states)
            else { continue }
            logged.insert(found)
            states[found] = step.state
            steps.append(
                Step(
                    session: session, key: found, entry: entry, shown: shown, decision: step.decision,
                    state: step.state))
        }
    }

    /// What the person does with what is shown: the script of the phases above.
    private func perform(_ key: ItemKey, _ shown: Prescription, _ session: Int, _ date: CivilDate) -> SetEntry {
        let reps = key.side == .left ? shown.target : shown.target + 1
        var felt = FeltIn.glutes
        var balance = Balance.steady
        var pain = 0
        switch (key.exercise, key.side) {
        case ("bird-dog", .left?):
            if [7, 8].contains(session) { felt = .lowerBack }
            if (9...14).contains(session) { felt = .hamstrings }
        case ("split-squat", .left?):
            if [6, 7, 8, 11].contains(session) { balance = .wobble }
            if [9, 10].contains(session) { balance = .lost }
        case ("split-squat", .right?):
            if session == 19 { pain = 3 }
            if session == 20 { pain = 5 }
        default: break
        }
        return SetEntry(
            exerciseID: shown.exerciseID, side: key.side, setCount: shown.sets,
            reps: Array(repeating: reps, count: shown.sets), load: shown.load, felt: felt, balance: balance,
            rpe: 7, pain: pain, performedAt: Timestamp(date: date, hour: 18))
    }
}

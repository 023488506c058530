import Testing

@testable import GluteCore

/// A hold is judged in seconds and a rep exercise in reps, never one as the other; a variant
/// keeps the item's measure and its number of legs.
@Suite struct PlanTrackerMeasureTests {
    struct Row: Sendable, CustomStringConvertible {
        var label: String
        var item: PlanItem
        var measure: Prescription.Measure
        var range: ClosedRange<Int>
        var reps: [Int] = []
        var seconds: Int? = nil
        /// The judged sets; `nil` when the set is not judged.
        var judged: [Int]?
        var description: String { label }
    }

    static let squeeze = TrackerFixtures.hold("single-side-glute-squeeze", side: .both, sets: 2, seconds: 15)
    static let clamshell = TrackerFixtures.item("clamshell", sets: 2, reps: 12, range: 10...15)
    /// The pelvic-tilt drill with a rep count and the hold of each rep.
    static let countedTilt = TrackerFixtures.item(
        "posterior-pelvic-tilt-drill", side: .both, sets: 2, reps: 10, range: 10...15, seconds: 5)

    static let rows: [Row] = [
        Row(
            label: "a hold is judged in seconds", item: squeeze, measure: .seconds, range: 15...30, seconds: 20,
            judged: [20, 20]),
        Row(
            label: "a hold logged in reps is not judged", item: squeeze, measure: .seconds, range: 15...30,
            reps: [15, 15], judged: nil),
        Row(
            label: "a hold logged with reps and seconds is judged in its seconds", item: squeeze, measure: .seconds,
            range: 15...30, reps: [3, 3], seconds: 25, judged: [25, 25]),
        Row(
            label: "a rep exercise is judged in reps", item: clamshell, measure: .reps, range: 10...15, reps: [12, 13],
            judged: [12, 13]),
        Row(
            label: "a rep exercise logged in seconds is not judged", item: clamshell, measure: .reps, range: 10...15,
            seconds: 40, judged: nil),
        Row(
            label: "reps with a hold time are judged in reps", item: countedTilt, measure: .reps, range: 10...15,
            reps: [10, 11], seconds: 5, judged: [10, 11]),
        Row(
            label: "reps with a hold time logged in seconds alone are not judged", item: countedTilt, measure: .reps,
            range: 10...15, seconds: 5, judged: nil),
    ]

    @Test(arguments: rows, [Side?.none, .left, .right])
    func aSetIsJudgedInTheItemsMeasureOrNotAtAll(_ row: Row, side: Side?) throws {
        let knowledge = try Fixtures.knowledge()
        // One-legged rows run on each side; the tilt drill is two-legged and runs once.
        let exercise = try #require(knowledge.exercise(row.item.exercise))
        guard exercise.isUnilateral == (side != nil) else { return }
        let tracker = PlanTracker(
            plan: TrackerFixtures.plan(mwf: [TrackerFixtures.session(.activation, [row.item])]), knowledge: knowledge)
        let key = ItemKey(kind: .activation, exercise: row.item.exercise, side: side)
        let states = tracker.initialStates(carryingOver: [:])
        let state = try #require(states[key])
        #expect(state.current.measure == row.measure)
        #expect(state.current.range == row.range)
        let entry = TrackerFixtures.entry(row.item.exercise, side, row.reps, seconds: row.seconds)
        let step = tracker.apply(entry, on: TrackerFixtures.day(0), to: state, states: states)
        #expect(step?.state.recent.last?.sets == row.judged)
        if row.judged == nil {
            #expect(step == nil)
        } else {
            #expect(step?.state.sessions == 1)
            #expect(step?.decision.current.measure == row.measure)
        }
    }

    /// The catalogue counts holds of up to ten seconds in reps (``Exercise/logMeasure``): a plan
    /// that gives such a drill only its hold time still gets it judged in reps, as it is logged.
    @Test func aShortHoldIsCountedInRepsAsItIsLogged() throws {
        let knowledge = try Fixtures.knowledge()
        let drill = try #require(knowledge.exercise("posterior-pelvic-tilt-drill"))
        #expect(drill.logMeasure == .reps)
        let item = TrackerFixtures.hold("posterior-pelvic-tilt-drill", sets: 2, seconds: 5)
        let start = PlanTracker.prescription(item, side: nil)
        #expect(start.measure == .reps)
        #expect(start.range.lowerBound >= 1)
        let tracker = PlanTracker(
            plan: TrackerFixtures.plan(mwf: [TrackerFixtures.session(.activation, [item])]), knowledge: knowledge)
        var run = TrackerRun(tracker)
        let step = run.log(
            TrackerFixtures.entry("posterior-pelvic-tilt-drill", nil, [12, 12], seconds: 5), on: TrackerFixtures.day(0))
        #expect(step?.state.recent.last?.sets == [12, 12])
    }

    /// Variants whose sets are counted differently or that take another number of legs are not
    /// offered: the set the person would log for them could never be judged against the item.
    struct VariantRow: Sendable, CustomStringConvertible {
        var label: String
        var item: PlanItem
        var felt: FeltIn = .glutes
        var reps: [Int] = []
        var seconds: Int? = nil
        var action: ProgressionDecision.Action
        var exercise: String
        var description: String { label }
    }

    static let variantRows: [VariantRow] = [
        VariantRow(
            label: "a two-legged hold at the top does not become a rep exercise",
            item: TrackerFixtures.hold("glute-bridge-hold", sets: 2, seconds: 20), seconds: 35, action: .hold,
            exercise: "glute-bridge-hold"),
        VariantRow(
            label: "a side plank at the top does not become a rep exercise",
            item: TrackerFixtures.hold("side-plank", sets: 2, seconds: 20), seconds: 35, action: .hold,
            exercise: "side-plank"),
        VariantRow(
            label: "a rep exercise regresses to a rep variant, not to a hold",
            item: TrackerFixtures.item("side-plank-hip-abduction", sets: 2, reps: 10, range: 10...15),
            felt: .lowerBack, reps: [10, 10], action: .moveToEasier, exercise: "side-lying-hip-abduction"),
        VariantRow(
            label: "a single-leg bridge does not regress to a two-legged march",
            item: TrackerFixtures.item("single-leg-glute-bridge", sets: 2, reps: 10, range: 10...15),
            felt: .lowerBack, reps: [12, 12], action: .regressReps, exercise: "single-leg-glute-bridge"),
        VariantRow(
            label: "a two-legged march does not progress to a single-leg bridge",
            item: TrackerFixtures.item("glute-bridge-march", sets: 2, reps: 10, range: 10...15), reps: [15, 15],
            action: .hold, exercise: "glute-bridge-march"),
        VariantRow(
            label: "a two-legged squeeze does not progress to a one-sided squeeze",
            item: TrackerFixtures.hold("standing-glute-squeeze", sets: 2, seconds: 30), seconds: 45, action: .hold,
            exercise: "standing-glute-squeeze"),
        VariantRow(
            label: "a one-legged step-up progresses to a one-legged variant",
            item: TrackerFixtures.item("step-up"), reps: [12, 12, 12], action: .moveToHarder,
            exercise: "lateral-step-up"),
    ]

    @Test(arguments: variantRows, [Side?.none, .left, .right])
    func aVariantKeepsTheMeasureAndTheLegs(_ row: VariantRow, side: Side?) throws {
        let knowledge = try Fixtures.knowledge()
        let exercise = try #require(knowledge.exercise(row.item.exercise))
        guard exercise.isUnilateral == (side != nil) else { return }
        let tracker = PlanTracker(
            plan: TrackerFixtures.plan(mwf: [TrackerFixtures.session(.activation, [row.item])]), knowledge: knowledge)
        var run = TrackerRun(tracker)
        let entry = TrackerFixtures.entry(row.item.exercise, side, row.reps, seconds: row.seconds, felt: row.felt)
        let logged = run.log(entry, on: TrackerFixtures.day(0))
        let step = try #require(logged)
        #expect(step.decision.action == row.action, "\(step.decision.reason)")
        #expect(step.state.current.exerciseID == row.exercise)
        let next = try #require(knowledge.exercise(step.state.current.exerciseID))
        #expect(next.logMeasure == step.state.current.measure)
        #expect(next.isUnilateral == (side != nil))
    }
}

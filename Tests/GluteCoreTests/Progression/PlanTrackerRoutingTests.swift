import Testing

@testable import GluteCore

/// Which item a logged set counts for: the kind of session due that day, the side, the variant.
///
/// The week of the plan (2026-11-02 is a Monday):
/// - Monday: an activation and a strength session, each with the clamshell and the glute bridge;
/// - Wednesday: a strength session with both;
/// - Thursday: an activation session with both;
/// - Tuesday, Friday and the weekend: nothing.
@Suite struct PlanTrackerRoutingTests {
    static func tracker() throws -> PlanTracker {
        let clamshell = TrackerFixtures.item("clamshell", sets: 2, reps: 12, range: 10...15)
        let bridge = TrackerFixtures.item("glute-bridge", sets: 2, reps: 12, range: 10...15)
        let pair = [clamshell, bridge]
        return PlanTracker(
            plan: TrackerFixtures.plan([
                (.mon, [TrackerFixtures.session(.activation, pair), TrackerFixtures.session(.strength, pair)]),
                (.wed, [TrackerFixtures.session(.strength, pair)]),
                (.thu, [TrackerFixtures.session(.activation, pair)]),
            ]),
            knowledge: try Fixtures.knowledge())
    }

    struct Row: Sendable, CustomStringConvertible {
        var label: String
        /// Days after Monday 2026-11-02.
        var day: Int
        var alreadyLogged: [Session.Kind] = []
        var session: Session.Kind? = nil
        /// The kind the set counts for; `nil` for none.
        var expected: Session.Kind?
        var description: String { label }
    }

    static let rows: [Row] = [
        Row(label: "Monday, nothing logged yet: the activation session", day: 0, expected: .activation),
        Row(
            label: "Monday after the activation: the strength session", day: 0, alreadyLogged: [.activation],
            expected: .strength),
        Row(
            label: "Monday after the strength session only: the activation", day: 0, alreadyLogged: [.strength],
            expected: .activation),
        Row(
            label: "Monday after both: the last one due", day: 0, alreadyLogged: [.activation, .strength],
            expected: .strength),
        Row(label: "Wednesday: the strength session", day: 2, expected: .strength),
        Row(
            label: "Wednesday, already logged: still the strength session", day: 2, alreadyLogged: [.strength],
            expected: .strength),
        Row(label: "Thursday: the activation session", day: 3, expected: .activation),
        Row(label: "Tuesday: the last session due, Monday's strength", day: 1, expected: .strength),
        Row(label: "Friday: the last session due, Thursday's activation", day: 4, expected: .activation),
        Row(label: "Sunday: Thursday's activation", day: 6, expected: .activation),
        Row(label: "the next Monday: its own activation", day: 7, expected: .activation),
        Row(label: "said to be strength on Monday", day: 0, session: .strength, expected: .strength),
        Row(
            label: "said to be activation after it was logged", day: 0, alreadyLogged: [.activation],
            session: .activation, expected: .activation),
        Row(label: "said to be strength on Thursday: Wednesday's", day: 3, session: .strength, expected: .strength),
        Row(label: "said to be activation on Wednesday: Monday's", day: 2, session: .activation, expected: .activation),
        Row(label: "said to be mobility: no such item", day: 0, session: .mobility, expected: nil),
    ]

    @Test(arguments: rows, [Side?.none, .left, .right])
    func aSetCountsForTheSessionOfThatKindDueThatDay(_ row: Row, side: Side?) throws {
        let tracker = try Self.tracker()
        let exercise = side == nil ? "glute-bridge" : "clamshell"
        let states = tracker.initialStates(carryingOver: [:])
        let date = TrackerFixtures.day(row.day)
        let logged = Set(row.alreadyLogged.map { ItemKey(kind: $0, exercise: exercise, side: side) })
        let entry = TrackerFixtures.entry(exercise, side, [12, 12], session: row.session, on: date)
        let key = tracker.key(for: entry, on: date, alreadyLogged: logged, states: states)
        #expect(key == row.expected.map { ItemKey(kind: $0, exercise: exercise, side: side) })
    }

    @Test(arguments: Side.allCases)
    func oneExerciseInTwoSessionsIsTwoItemsThatMoveApart(side: Side) throws {
        let tracker = try Self.tracker()
        let activation = ItemKey(kind: .activation, exercise: "clamshell", side: side)
        let strength = ItemKey(kind: .strength, exercise: "clamshell", side: side)
        #expect(tracker.keys.filter { $0.exercise == "clamshell" && $0.side == side } == [activation, strength])
        var run = TrackerRun(tracker)
        let monday = TrackerFixtures.day(0)
        run.log(TrackerFixtures.entry("clamshell", side, [12, 12]), on: monday)
        run.log(TrackerFixtures.entry("clamshell", side, [14, 14]), on: monday)
        #expect(try run.state(activation).current.target == 13)
        #expect(try run.state(strength).current.target == 15)
        #expect(try run.state(activation).sessions == 1)
        #expect(try run.state(strength).sessions == 1)
    }

    @Test(arguments: Side.allCases)
    func aSetOfAVariantCountsForTheItemThatMovedToIt(side: Side) throws {
        let tracker = try Self.tracker()
        var states = tracker.initialStates(carryingOver: [:])
        let strength = ItemKey(kind: .strength, exercise: "clamshell", side: side)
        states[strength] = try TrackerFixtures.state(
            tracker, strength, target: 10, exercise: "side-lying-hip-abduction")
        let monday = TrackerFixtures.day(0)
        let variant = TrackerFixtures.entry("side-lying-hip-abduction", side, [10, 10], on: monday)
        #expect(tracker.key(for: variant, on: monday, alreadyLogged: [], states: states) == strength)
        #expect(
            tracker.key(for: variant, on: monday, alreadyLogged: [], states: tracker.initialStates(carryingOver: [:]))
                == nil,
            "no item is on the variant")
        let planned = TrackerFixtures.entry("clamshell", side, [12, 12], on: monday)
        #expect(
            tracker.key(for: planned, on: monday, alreadyLogged: [], states: states)
                == ItemKey(kind: .activation, exercise: "clamshell", side: side))
    }

    @Test func setsForNoItemCountForNothing() throws {
        let tracker = try Self.tracker()
        let states = tracker.initialStates(carryingOver: [:])
        let monday = TrackerFixtures.day(0)
        for entry in [
            TrackerFixtures.entry("split-squat", .left, [10]),
            TrackerFixtures.entry("glute-bridge", .left, [10]),
            TrackerFixtures.entry("clamshell", nil, [10]),
        ] {
            #expect(
                tracker.key(for: entry, on: monday, alreadyLogged: [], states: states) == nil, "\(entry.exerciseID)")
        }
    }

    /// However the plan orders the sides of a two-legged exercise, it has one item without a side;
    /// a one-legged one has one per side it names, in the plan's order.
    @Test(arguments: SideOrder.allCases)
    func aTwoLeggedExerciseNeverGetsASideKey(order: SideOrder) throws {
        let knowledge = try Fixtures.knowledge()
        let tracker = PlanTracker(
            plan: TrackerFixtures.plan(mwf: [
                TrackerFixtures.session(
                    .strength,
                    [TrackerFixtures.item("glute-bridge", side: order), TrackerFixtures.item("clamshell", side: order)])
            ]),
            knowledge: knowledge)
        let bridges = tracker.keys.filter { $0.exercise == "glute-bridge" }
        #expect(bridges == [ItemKey(kind: .strength, exercise: "glute-bridge", side: nil)])
        #expect(PlanTracker.sides(of: TrackerFixtures.item("glute-bridge", side: order), knowledge: knowledge) == [nil])
        let state = try #require(tracker.initialStates(carryingOver: [:])[bridges[0]])
        #expect(state.current.side == nil)
        let clamshells = tracker.keys.filter { $0.exercise == "clamshell" }.map(\.side)
        let expected: [Side?] =
            switch order {
            case .left: [.left]
            case .right: [.right]
            case .rightFirst: [.right, .left]
            case .both, .leftFirst: [.left, .right]
            }
        #expect(clamshells == expected)
        #expect(
            tracker.prescription(for: ItemKey(kind: .strength, exercise: "glute-bridge", side: .left), states: [:])
                == nil)
    }
}

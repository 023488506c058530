import GluteJSON
import Testing

@testable import GluteCore

/// The forms the store keeps an item in: its key as text and its state as JSON.
@Suite struct ItemStateTests {
    @Test func aKeyReadsBackFromItsText() throws {
        let knowledge = try Fixtures.knowledge()
        for exercise in knowledge.exercises {
            for kind in Session.Kind.allCases {
                for side in [nil, Side.left, .right] {
                    let key = ItemKey(kind: kind, exercise: exercise.id, side: side)
                    #expect(ItemKey(key.description) == key, "\(key)")
                }
            }
        }
        #expect(
            ItemKey(kind: .strength, exercise: "split-squat", side: .left).description == "strength/split-squat/left")
        #expect(
            ItemKey(kind: .activation, exercise: "glute-bridge", side: nil).description
                == "activation/glute-bridge/both")
        #expect(
            ItemKey("mobility/couch-stretch/right") == ItemKey(kind: .mobility, exercise: "couch-stretch", side: .right)
        )
    }

    @Test(arguments: [
        "", "strength", "strength/split-squat", "strength//left", "/split-squat/left", "cardio/split-squat/left",
        "strength/split-squat/up", "strength/split-squat/Left", "strength/split-squat/", "strength/split/squat/left",
        "Strength/split-squat/left",
    ])
    func anythingElseIsNotAKey(text: String) {
        #expect(ItemKey(text) == nil)
    }

    @Test func keysSortByTheirText() {
        let keys = [
            ItemKey(kind: .strength, exercise: "split-squat", side: .right),
            ItemKey(kind: .activation, exercise: "glute-bridge", side: nil),
            ItemKey(kind: .strength, exercise: "split-squat", side: .left),
            ItemKey(kind: .activation, exercise: "clamshell", side: .left),
        ]
        #expect(keys.sorted().map(\.description) == keys.map(\.description).sorted())
    }

    /// A state deep into a loaded item: a load increase of +4.2 % (a value JSON writes rounded),
    /// three remembered sessions with every field set, and a retest due.
    static func loadedState(side: Side?) -> ItemState {
        let key = ItemKey(kind: .strength, exercise: "split-squat", side: side)
        let before = Prescription(
            exerciseID: "split-squat", side: side, sets: 3, range: 8...12, target: 12, load: Load(60, .kg))
        let change = LoadAdjustment.increase(from: Load(60, .kg), increment: .standard)
        let after = Prescription(
            exerciseID: "split-squat", side: side, sets: 3, range: 8...12, target: 8, load: change.to)
        let recent = [
            SessionLog(
                date: TrackerFixtures.day(0), exerciseID: "split-squat", side: side, sets: [12, 11, 10],
                load: Load(57.5, .kg), feltIn: .hamstrings, balance: .wobble, rpe: 8, pain: 2),
            SessionLog(
                date: TrackerFixtures.day(2), exerciseID: "reverse-lunge", side: side, sets: [9], load: nil,
                feltIn: .lowerBack, balance: .lost, rpe: nil, pain: 3, newNumbness: true),
            SessionLog(
                date: TrackerFixtures.day(4), exerciseID: "split-squat", side: side, sets: [12, 12, 12],
                load: Load(60, .kg), feltIn: .glutes, balance: .steady, rpe: 7.5, pain: 0),
        ]
        let decision = ProgressionDecision(
            current: before, action: .increaseLoad, next: after,
            reason: ProgressionReason(.increaseLoad, "Every set reached 12 reps: 60 kg to 62.5 kg."),
            addPelvicTiltCue: true, retest: .singleLegDeadlift, loadChange: change)
        return ItemState(
            key: key, current: after, decision: decision, sessions: 17, recent: recent,
            retestDue: .singleLegDeadlift)
    }

    /// Writes `state` as text and reads it back.
    func reread(_ state: ItemState) throws -> ItemState {
        try ItemState(json: JSONValue.parse(state.jsonValue.serialized()))
    }

    @Test(arguments: [Side?.none, .left, .right])
    func aStateReadsBackExactly(side: Side?) throws {
        let state = Self.loadedState(side: side)
        #expect(state.decision?.loadChange?.to == Load(62.5, .kg))
        #expect(state.decision?.loadChange?.percentChange != 4.2, "the case that needs more than the written tenth")
        #expect(try reread(state) == state)
    }

    @Test func aStoppedOrUntouchedOrHeldStateReadsBackExactly() throws {
        let key = ItemKey(kind: .activation, exercise: "standing-glute-squeeze", side: nil)
        let hold = Prescription(
            exerciseID: "standing-glute-squeeze", side: nil, sets: 2, measure: .seconds, range: 30...45, target: 33)
        let untouched = ItemState(key: key, current: hold)
        #expect(try reread(untouched) == untouched)

        var stopped = untouched
        stopped.decision = ProgressionDecision(
            current: hold, action: .stopAndSwap, next: nil, reason: ProgressionReason(.painStop, "Pain 5/10."))
        stopped.sessions = 1
        #expect(try reread(stopped) == stopped)

        var lighter = Self.loadedState(side: .left)
        let change = LoadAdjustment.decrease(from: Load(2.5, .lb), increment: .standard)
        #expect(change.to == nil)
        lighter.decision?.loadChange = change
        lighter.decision?.action = .regressLoad
        lighter.retestDue = nil
        #expect(try reread(lighter) == lighter)

        var pounds = Self.loadedState(side: .right)
        pounds.current.load = Load(17.5, .lb)
        pounds.decision?.loadChange = LoadAdjustment.increase(from: Load(17.5, .lb), increment: .fine)
        #expect(try reread(pounds) == pounds)
    }

    @Test func theStoredFieldsAreNamedLikeTheRestOfTheJSON() {
        let json = Self.loadedState(side: .left).jsonValue.objectValue
        #expect(json?.keys == ["key", "current", "decision", "sessions", "recent", "retestDue"])
        #expect(json?["key"] == "strength/split-squat/left")
        #expect(json?["retestDue"] == "single-leg-deadlift")
        #expect(json?["recent"]?.arrayValue?.count == 3)
        #expect(
            json?["recent"]?.arrayValue?.first?.objectValue?.keys == [
                "date", "exercise", "side", "sets", "load", "feltIn", "balance", "rpe", "pain", "numbness",
            ])
    }

    @Test(arguments: [
        (#"{"key":"strength/split-squat","current":{},"sessions":0,"recent":[]}"#, "key"),
        (#"{"key":"strength/split-squat/left","sessions":0,"recent":[]}"#, "current"),
        (#"{"key":"strength/split-squat/left","current":{},"sessions":0,"color":1}"#, "color"),
    ])
    func aDamagedStateNamesItsField(text: String, field: String) throws {
        let value = try JSONValue.parse(text)
        #expect {
            _ = try ItemState(json: value)
        } throws: { error in
            (error as? FieldError)?.field.hasPrefix(field) == true
        }
    }
}

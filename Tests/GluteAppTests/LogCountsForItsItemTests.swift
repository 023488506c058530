import GluteApp
import GluteCore
import GluteJSON
import GluteStore
import Testing

/// Rule 2: a log counts for the item it was done for, in the item's own measure, on its own
/// side; what cannot be judged is refused before anything is written, naming the field.
@Suite struct LogCountsForItsItemTests {
    static let monday = CivilDate.on("2026-11-02")
    static let drillActivation = ItemKey.of("activation/hip-hinge-wall-drill/both")
    static let drillStrength = ItemKey.of("strength/hip-hinge-wall-drill/both")

    /// Which session the first of two hinge-drill logs of a Monday names, if any.
    enum FirstLog: String, CaseIterable, CustomTestStringConvertible {
        case unnamed, strengthNamed
        var testDescription: String { rawValue }
    }

    /// The hinge wall drill is in Monday's activation (2 x 12 of 10-15) and strength (2 x 10 of
    /// 10-15) sessions: each log moves one item, and each item keeps its own target.
    @Test(arguments: FirstLog.allCases)
    func theSameExerciseInTwoSessionsProgressesSeparately(_ first: FirstLog) async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.hingeFail)
            let activationStart = try await me.entry(Self.drillActivation).prescription
            let strengthStart = try await me.entry(Self.drillStrength).prescription
            #expect(activationStart.target == 12 && strengthStart.target == 10)
            fixture.clock.set(Self.monday, 12)
            let one: LogOutcome
            let two: LogOutcome
            switch first {
            case .unnamed:
                one = try await me.log("hip-hinge-wall-drill", reps: [12, 12])
                fixture.clock.set(Self.monday, 18)
                two = try await me.log("hip-hinge-wall-drill", reps: [10, 10])
            case .strengthNamed:
                one = try await me.log("hip-hinge-wall-drill", reps: [10, 10], session: .strength)
                fixture.clock.set(Self.monday, 18)
                two = try await me.log("hip-hinge-wall-drill", reps: [12, 12])
            }
            let expectedFirst = first == .unnamed ? Self.drillActivation : Self.drillStrength
            let expectedSecond = first == .unnamed ? Self.drillStrength : Self.drillActivation
            #expect(one.item == expectedFirst && two.item == expectedSecond)
            let activation = try await me.entry(Self.drillActivation)
            let strength = try await me.entry(Self.drillStrength)
            #expect(activation.sessions == 1 && strength.sessions == 1)
            #expect(activation.prescription.target == 13, "activation: 2 x 12 done, 13 next")
            #expect(strength.prescription.target == 11, "strength: 2 x 10 done, 11 next")
            let today = try await Agreement.check(me)
            let activationSet = first == .unnamed ? one.set : two.set
            let strengthSet = first == .unnamed ? two.set : one.set
            #expect(today.todayItem(.activation, "hip-hinge-wall-drill")?.logged.map(\.sets) == [activationSet.reps])
            #expect(today.todayItem(.strength, "hip-hinge-wall-drill")?.logged.map(\.sets) == [strengthSet.reps])
        }
    }

    /// The Romanian deadlift is Monday's main lift (4 x 5) and Wednesday's second (2 x 5): one
    /// state, but each day shows and judges its own sets.
    @Test(arguments: [(0, 4), (2, 2), (4, 4)])
    func eachDayShowsAndJudgesItsOwnSets(_ day: Int, _ sets: Int) async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson("more-cases/wobble-left.json")
            let key = ItemKey.of("strength/romanian-deadlift/both")
            fixture.clock.set(Self.monday.adding(days: day), 8)
            let seen = try await Agreement.check(me)
            #expect(seen.todayItem(.strength, "romanian-deadlift")?.prescriptions.map(\.sets) == [sets])
            #expect(seen.entry(key)?.prescription.sets == sets)
            fixture.clock.set(Self.monday.adding(days: day), 18)
            try await me.log("romanian-deadlift", reps: Array(repeating: 5, count: sets), load: Load(10, .kg))
            let judged = try await me.entry(key)
            #expect(judged.decision?.action == .progressReps, "\(String(describing: judged.decision?.reason))")
            #expect(judged.prescription.target == 6)
            // The day before the next strength day, next shows that day's sets.
            fixture.clock.set(Self.monday.adding(days: day + 1), 8)
            let nextSets = day == 2 ? 4 : day == 0 ? 2 : 4
            #expect(try await me.entry(key).prescription.sets == nextSets)
            try await Agreement.check(me)
        }
    }

    /// A move to a harder or easier variant keeps the item's sides and measure, so the item can
    /// still be logged: a two-legged hip thrust at the top does not become a single-leg hip
    /// thrust, a single-leg bridge felt in the lower back does not become a two-legged march.
    @Test(arguments: [
        (Cases.hingeFail, "strength/hip-thrust/both", [20, 20, 20], FeltIn.glutes),
        (Cases.desk, "activation/single-leg-glute-bridge/left", [12, 12], .lowerBack),
        (Cases.desk, "activation/single-leg-glute-bridge/right", [15, 15], .glutes),
    ])
    func aVariantKeepsTheItemsSidesAndMeasure(_ document: String, _ item: String, _ reps: [Int], _ felt: FeltIn)
        async throws
    {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(document)
            if document == Cases.desk { _ = try #require(try await me.bridgeRetest().version) }
            let key = ItemKey.of(item)
            let before = try await me.entry(key).prescription
            fixture.clock.set(Self.monday, 18)
            try await me.log(before.exerciseID, key.side, reps: reps, felt: felt)
            let after = try await me.entry(key).prescription
            let exercise = try #require(knowledge.exercise(after.exerciseID))
            #expect(exercise.isUnilateral == (key.side != nil), "\(item) moved to \(after.exerciseID)")
            #expect(exercise.logMeasure == after.measure)
            fixture.clock.set(Self.monday.adding(days: 2), 18)
            let next = SetEntry(
                exerciseID: after.exerciseID, side: key.side, setCount: after.sets,
                reps: Array(repeating: after.target, count: after.sets), felt: .glutes, balance: .steady, pain: 0,
                performedAt: fixture.clock.now)
            _ = try me.app.check(next)
            #expect(try await me.app.logSet(me.id, next).item == key)
        }
    }

    /// A timed hold is judged in seconds, a rep exercise (a short hold counted in reps
    /// included) in reps.
    @Test(
        arguments: [
            // exercise, side, reps, seconds, item, measure, next target
            (
                "half-kneeling-hip-flexor-stretch", Side.left, [Int](), 35,
                "activation/half-kneeling-hip-flexor-stretch/left",
                Prescription.Measure.seconds, 36
            ),
            ("single-side-glute-squeeze", Side.left, [], 15, "activation/single-side-glute-squeeze/left", .seconds, 16),
            ("glute-bridge", nil, [13, 12], nil, "activation/glute-bridge/both", .reps, 13),
            ("glute-bridge", nil, [12, 11], nil, "activation/glute-bridge/both", .reps, 12),
        ] as [(String, Side?, [Int], Int?, String, Prescription.Measure, Int)])
    func eachItemIsJudgedInItsOwnMeasure(
        _ exercise: String, _ side: Side?, _ reps: [Int], _ seconds: Int?, _ item: String,
        _ measure: Prescription.Measure, _ target: Int
    ) async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk)
            fixture.clock.set(Self.monday, 12)
            let outcome =
                if let seconds {
                    try await me.hold(exercise, side, sets: 2, seconds: seconds)
                } else {
                    try await me.log(exercise, side, reps: reps)
                }
            #expect(outcome.item == ItemKey.of(item))
            let entry = try await me.entry(ItemKey.of(item))
            #expect(entry.prescription.measure == measure)
            #expect(entry.prescription.target == target)
            #expect(entry.sessions == 1)
        }
    }

    /// The pelvic tilt drill holds 5 seconds a rep and is counted in reps.
    @Test func aShortHoldIsCountedInReps() async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk)
            _ = try await me.bridgeRetest()
            let key = ItemKey.of("activation/posterior-pelvic-tilt-drill/both")
            #expect(try await me.entry(key).prescription.measure == .reps)
            fixture.clock.set(Self.monday, 12)
            try await me.log("posterior-pelvic-tilt-drill", reps: [12, 12])
            #expect(try await me.entry(key).prescription.target == 13)
            let refused = await #expect(throws: AppError.self) {
                try await me.hold("posterior-pelvic-tilt-drill", sets: 2, seconds: 30)
            }
            #expect(refused?.field == "reps")
        }
    }

    /// Every entry that cannot be judged against its exercise is refused by `check`, naming the
    /// field, and logging it writes nothing.
    @Test(
        arguments: [
            ("a hold logged in reps", "half-kneeling-hip-flexor-stretch", Side.left, [30, 30], nil, nil, 0, "seconds"),
            (
                "reps and seconds for a hold", "half-kneeling-hip-flexor-stretch", .left, [30, 30], 30, nil, 0,
                "seconds"
            ),
            ("a rep exercise logged in seconds", "glute-bridge", nil, [], 30, nil, 0, "reps"),
            ("zero reps", "glute-bridge", nil, [12, 0], nil, nil, 0, "reps"),
            ("a side on a two-legged exercise", "glute-bridge", .left, [12, 12], nil, nil, 0, "side"),
            ("no side on a one-legged exercise", "split-squat", nil, [10, 10], nil, 8, 0, "side"),
            ("load on an unloadable exercise", "clamshell", .left, [12, 12], nil, 5, 0, "load"),
            ("a time in the future", "glute-bridge", nil, [12, 12], nil, nil, 61, "at"),
            ("an exercise not in the catalogue", "leg-press", nil, [12, 12], nil, nil, 0, "exercise"),
        ] as [(String, String, Side?, [Int], Int?, Double?, Int64, String)])
    func checkRefusesWhatCannotBeJudged(
        _ what: String, _ exercise: String, _ side: Side?, _ reps: [Int], _ seconds: Int?, _ load: Double?,
        _ ahead: Int64, _ field: String
    ) async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk)
            let entry = SetEntry(
                exerciseID: exercise, side: side, setCount: 2, reps: reps, load: load.map { Load($0, .kg) },
                durationSeconds: seconds, felt: .glutes, balance: .steady, pain: 0,
                performedAt: fixture.clock.now.adding(seconds: ahead))
            let checked = #expect(throws: AppError.self, "\(what)") { try me.app.check(entry) }
            #expect(checked?.field == field, "\(what)")
            #expect(checked?.code == .invalidInput)
            let logged = await #expect(throws: AppError.self) { try await me.app.logSet(me.id, entry) }
            #expect(logged?.field == field)
            #expect(try await me.app.history(me.id, limit: 10).isEmpty, "\(what) was written")
        }
    }

    /// A set of one side moves that side's state only; the other side's next prescription,
    /// sessions and decision stay as they were.
    @Test(arguments: Side.allCases)
    func aSetOfOneSideMovesOnlyThatSide(_ side: Side) async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk)
            let mine = ItemKey(kind: .strength, exercise: "split-squat", side: side)
            let other = ItemKey(kind: .strength, exercise: "split-squat", side: side.opposite)
            let before = try await me.entry(other)
            fixture.clock.set(Self.monday, 18)
            let logged = try await me.log("split-squat", side, reps: [10, 10], load: Load(8, .kg))
            #expect(logged.item == mine)
            #expect(try await me.entry(mine).sessions == 1)
            let after = try await me.entry(other)
            #expect(after.prescription == before.prescription)
            #expect(after.sessions == 0 && after.decision == nil)
            try await Agreement.check(me)
        }
    }

    /// The stronger (right) side is shown the weaker (left) side's target when it is ahead, and
    /// is never raised to it when it is behind.
    @Test func theStrongerSideIsCappedToTheWeakerNeverRaised() async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk)
            let left = ItemKey.of("strength/split-squat/left")
            let right = ItemKey.of("strength/split-squat/right")
            fixture.clock.set(Self.monday, 18)
            // The right side does 2 x 13: it would aim for 14, but the left aims for 10.
            try await me.log("split-squat", .right, reps: [13, 13], load: Load(8, .kg))
            #expect(try await me.entry(right).prescription.target == 10)
            #expect(try await me.entry(right).decision?.reason.code == .matchedToWeakerSide)
            // The left side climbs to 12 and 13: the right follows only as far as it earned.
            for (day, reps) in [(2, 11), (4, 12)] {
                fixture.clock.set(Self.monday.adding(days: day), 18)
                try await me.log("split-squat", .left, reps: [reps, reps], load: Load(8, .kg))
            }
            #expect(try await me.entry(left).prescription.target == 13)
            #expect(try await me.entry(right).prescription.target == 10, "the right side was raised to the left's")
            fixture.clock.set(Self.monday.adding(days: 7), 18)
            try await me.log("split-squat", .right, reps: [10, 10], load: Load(8, .kg))
            #expect(try await me.entry(right).prescription.target == 11)
            try await me.log("split-squat", .right, reps: [15, 15], load: Load(8, .kg))
            let capped = try await me.entry(right)
            #expect(capped.prescription.target <= 13 && capped.prescription.load == Load(8, .kg))
            try await Agreement.check(me)
        }
    }
}

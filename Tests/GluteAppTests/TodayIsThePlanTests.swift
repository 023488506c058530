import GluteApp
import GluteCore
import GluteJSON
import GluteStore
import Testing

/// Rule 1 of "The daily loop keeps its promises": after every change of plan, `today`, `next`
/// and `plan` show the same items at the same prescription; what was achieved on an exercise
/// that continues is kept per side; a new item starts at the new version's prescription; and
/// sessions logged before the change are not judged again.
@Suite struct TodayIsThePlanTests {
    /// The desk worker with only a kettlebell: a bodyweight hip thrust while the loaded-hinge
    /// gate is closed, a split squat with 8 kg on both sides.
    static let kettlebellOnly: [(String, JSONValue?)] = [("profile.equipment", ["kettlebell"])]

    /// The changes of plan the rule is about.
    enum Change: String, CaseIterable, CustomTestStringConvertible {
        case retestUnlock, reassessment, painSwap
        var testDescription: String { rawValue }
    }

    static let monday = CivilDate.on("2026-11-02")
    static let splitLeft = ItemKey.of("strength/split-squat/left")
    static let splitRight = ItemKey.of("strength/split-squat/right")
    static let hipThrust = ItemKey.of("strength/hip-thrust/both")

    @Test(arguments: Change.allCases)
    func todayNextAndPlanAgreeAfterEachChange(_ change: Change) async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk, Self.kettlebellOnly)
            try await Agreement.check(me)
            // Monday evening: the split squat moves on per side, the hip thrust reaches the top.
            fixture.clock.set(Self.monday, 18)
            try await me.log("split-squat", .left, reps: [15, 15], load: Load(8, .kg))
            try await me.log("split-squat", .right, reps: [11, 11], load: Load(8, .kg))
            try await me.log("hip-thrust", reps: [20, 20])
            let before = try await Agreement.check(me)
            let left = try #require(before.entry(Self.splitLeft))
            let right = try #require(before.entry(Self.splitRight))
            #expect(left.prescription.load == Load(10, .kg) && left.prescription.target == 10)
            #expect(right.prescription.load == Load(8, .kg), "the right side does not move with the left")

            fixture.clock.set(Self.monday.adding(days: 1), 7)
            let version: PlanVersion
            switch change {
            case .retestUnlock:
                let done = try await me.bridgeRetest()
                #expect(done.unlocked == ["no-loaded-hinge"])
                version = try #require(done.version)
            case .reassessment:
                version = try await me.assess(Cases.desk).version
            case .painSwap:
                let logged = try await me.log("b-stance-romanian-deadlift", .left, reps: [12, 12], pain: 5)
                guard case .swapped(let made, let removed, _) = logged.safety else {
                    Issue.record("pain 5 did not swap: \(logged.safety)")
                    return
                }
                #expect(removed == "b-stance-romanian-deadlift")
                version = made
            }
            let after = try await Agreement.check(me)
            #expect(after.plan.version.id == version.id)
            #expect(version.version == 2)
            // The split squat continues: both sides keep what they achieved.
            #expect(after.entry(Self.splitLeft)?.prescription == left.prescription)
            #expect(after.entry(Self.splitRight)?.prescription == right.prescription)
            #expect(after.entry(Self.splitLeft)?.sessions == 1 && after.entry(Self.splitRight)?.sessions == 1)
            // Every item the new version brings starts at its own prescription, unjudged.
            let tracker = PlanTracker(plan: try #require(version.plan), knowledge: knowledge)
            let old = Set(before.next.entries.map(\.key))
            for entry in after.next.entries where !old.contains(entry.key) {
                let start = try #require(tracker.startingState(entry.key)).current
                #expect(entry.prescription == start, "\(entry.key) does not start at its prescription")
                #expect(entry.sessions == 0 && entry.decision == nil, "\(entry.key) judged before it was done")
            }
            // The same on the next strength day.
            fixture.clock.set(Self.monday.adding(days: 2), 7)
            let wednesday = try await Agreement.check(me)
            #expect(
                wednesday.todayItem(.strength, "split-squat")?.prescriptions == [left.prescription, right.prescription])
        }
    }

    /// The retest unlocks an 8 kg hip thrust after bodyweight hip thrusts at the top of their
    /// range: the loaded item starts at 8 kg for 10, and a bodyweight set logged against it does
    /// not add load; the first loaded set at the top does.
    @Test func anUnlockedLoadStartsAtTheNewPrescription() async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk, Self.kettlebellOnly)
            for day in [0, 2] {
                fixture.clock.set(Self.monday.adding(days: day), 18)
                try await me.log("hip-thrust", reps: [20, 20])
            }
            #expect(try await me.entry(Self.hipThrust).prescription.load == nil)
            fixture.clock.set(Self.monday.adding(days: 3), 7)
            _ = try #require(try await me.bridgeRetest().version)
            let unlocked = try await me.entry(Self.hipThrust)
            #expect(unlocked.prescription.load == Load(8, .kg))
            #expect(unlocked.prescription.target == 10 && unlocked.sessions == 0 && unlocked.decision == nil)

            fixture.clock.set(Self.monday.adding(days: 4), 18)
            try await me.log("hip-thrust", reps: [15, 15])
            let bodyweight = try await me.entry(Self.hipThrust)
            #expect(bodyweight.prescription.load == Load(8, .kg), "a bodyweight set raised the load")
            try await Agreement.check(me)

            fixture.clock.set(Self.monday.adding(days: 7), 18)
            try await me.log("hip-thrust", reps: [15, 15], load: Load(8, .kg))
            let loaded = try await me.entry(Self.hipThrust)
            #expect(loaded.decision?.action == .increaseLoad)
            #expect((loaded.prescription.load?.value ?? 0) > 8)
        }
    }
}

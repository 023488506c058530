import GluteApp
import GluteCore
import GluteJSON
import GluteStore
import Testing

/// Rule 8: corrections.
///
/// A set logged for an earlier time gives every item the state it would
/// have had if logged in time order; deleting a set gives the states of a database that never
/// had it; the history lists sets, wake-up calls and retests newest first with their ids; every
/// deletion is recorded.
@Suite struct CorrectionTests {
    static let berlin: [(String, JSONValue?)] = [("profile.timeZone", "Europe/Berlin")]
    static let end = Timestamp.at("2026-11-07T12:00:00Z")

    static func hold(_ exercise: String, _ side: Side?, seconds: Int, at: String) -> Step {
        .set(
            SetEntry(
                exerciseID: exercise, side: side, setCount: 2, reps: [], durationSeconds: seconds, felt: .glutes,
                balance: .steady, pain: 0, performedAt: .at(at)))
    }

    /// A week of the desk worker: Monday's sets, a retest on Tuesday that unlocks the loaded
    /// hinge (a new plan version), sets on Wednesday to Friday and a wake-up call.
    static let week: [Step] = [
        .reps("split-squat", .left, [11, 11], load: 8, at: .at("2026-11-02T17:00:00Z")),
        .reps("split-squat", .right, [11, 11], load: 8, at: .at("2026-11-02T17:05:00Z")),
        .reps("glute-bridge", nil, [12, 12], at: .at("2026-11-02T17:10:00Z")),
        hold("half-kneeling-hip-flexor-stretch", .left, seconds: 32, at: "2026-11-02T17:15:00Z"),
        .retest(
            .singleLegBridge,
            .object([
                "left": .object(["reps": 14, "feltIn": "glutes", "pelvisLevel": true]),
                "right": .object(["reps": 18, "feltIn": "glutes", "pelvisLevel": true]),
            ]), at: .at("2026-11-03T07:00:00Z")),
        .reps("split-squat", .left, [12, 12], load: 8, at: .at("2026-11-04T17:00:00Z")),
        .reps("split-squat", .right, [12, 12], load: 8, at: .at("2026-11-04T17:05:00Z")),
        .wakeUp(.done, at: .at("2026-11-05T10:00:00Z")),
        .reps("single-leg-glute-bridge", .left, [12, 12], at: .at("2026-11-05T17:00:00Z")),
        .reps("single-leg-glute-bridge", .right, [13, 13], at: .at("2026-11-05T17:05:00Z")),
        hold("half-kneeling-hip-flexor-stretch", .left, seconds: 30, at: "2026-11-05T17:10:00Z"),
        .reps("split-squat", .left, [13, 13], load: 8, felt: .hamstrings, at: .at("2026-11-06T17:00:00Z")),
        .reps("split-squat", .right, [14, 14], load: 8, at: .at("2026-11-06T17:05:00Z")),
    ]

    /// `next` after the steps in order, the clock at `end`.
    static func inOrder(_ steps: [Step]) async throws -> JSONValue {
        try await AppFixture.with(start: .at("2026-11-02T07:00:00Z")) { fixture in
            let me = try await fixture.assessedPerson(Cases.desk, Self.berlin)
            for step in steps { try await me.run(step) }
            fixture.clock.set(end)
            return try await me.nextSignature()
        }
    }

    /// Each set logged last of all, for its earlier time.
    @Test(arguments: week.indices.filter { if case .set = week[$0] { true } else { false } })
    func aSetLoggedLateEqualsTimeOrder(_ late: Int) async throws {
        let expected = try await Self.inOrder(Self.week)
        try await AppFixture.with(start: .at("2026-11-02T07:00:00Z")) { fixture in
            let me = try await fixture.assessedPerson(Cases.desk, Self.berlin)
            for (index, step) in Self.week.enumerated() where index != late { try await me.run(step) }
            fixture.clock.set(Self.end)
            let logged = try #require(try await me.run(Self.week[late]).log)
            #expect(logged.recomputed == (late != Self.week.count - 1))
            #expect(try await me.nextSignature() == expected, "logging \(Self.week[late]) late")
            #expect(try await me.rebuiltNextSignature() == expected)
            try await Agreement.check(me)
        }
    }

    /// Two days logged in reverse order.
    @Test func daysLoggedInReverseEqualTimeOrder() async throws {
        let expected = try await Self.inOrder(Self.week)
        try await AppFixture.with(start: .at("2026-11-02T07:00:00Z")) { fixture in
            let me = try await fixture.assessedPerson(Cases.desk, Self.berlin)
            // The retest happens on its day; everything else is typed in on Saturday, newest first.
            try await me.run(Self.week[4])
            fixture.clock.set(Self.end)
            for step in Self.week.reversed() where step.at != Self.week[4].at { try await me.run(step) }
            #expect(try await me.nextSignature() == expected)
        }
    }

    /// Deleting each set leaves the states of a database that never had it.
    @Test(arguments: week.indices.filter { if case .set = week[$0] { true } else { false } })
    func deletingASetEqualsNeverHavingIt(_ deleted: Int) async throws {
        let expected = try await Self.inOrder(Self.week.enumerated().filter { $0.offset != deleted }.map(\.element))
        try await AppFixture.with(start: .at("2026-11-02T07:00:00Z")) { fixture in
            let me = try await fixture.assessedPerson(Cases.desk, Self.berlin)
            var ids: [String] = []
            for step in Self.week { ids.append(try await me.run(step).id) }
            fixture.clock.set(Self.end)
            let done = try await me.app.deleteEntry(me.id, id: ids[deleted])
            #expect(done.lifted == nil && done.kept == nil)
            #expect(try await me.nextSignature() == expected, "deleting \(Self.week[deleted])")
            #expect(try await me.rebuiltNextSignature() == expected)
        }
    }

    /// Deleting the set behind a pain swap lifts the swap and leaves the states of a database
    /// that never had the set.
    @Test func deletingAPainSwapsCauseEqualsNeverHavingIt() async throws {
        let pain = Step.reps("split-squat", .left, [12, 12], load: 8, pain: 5, at: .at("2026-11-04T17:10:00Z"))
        let expected = try await Self.inOrder(Self.week)
        try await AppFixture.with(start: .at("2026-11-02T07:00:00Z")) { fixture in
            let me = try await fixture.assessedPerson(Cases.desk, Self.berlin)
            var painID: String?
            for step in Self.week {
                if step.at > pain.at, painID == nil {
                    let record = try await me.run(pain)
                    guard case .swapped = record.log?.safety else {
                        Issue.record("no swap: \(String(describing: record.log?.safety))")
                        return
                    }
                    painID = record.id
                }
                try await me.run(step)
            }
            fixture.clock.set(Self.end)
            let done = try await me.app.deleteEntry(me.id, id: try #require(painID))
            #expect(done.lifted != nil)
            #expect(try await me.nextSignature() == expected)
            #expect(try await me.rebuiltNextSignature() == expected)
        }
    }

    /// Sets at the very same millisecond give the states a replay gives.
    ///
    /// With a clock frozen by `GLUTE_NOW`, a replay orders them by identifier, whatever the
    /// order they were logged in (nothing records it): with the right side logged first under
    /// id-9 and the left under id-10, a replay judges the left side first. Logging gives the
    /// replay's states at once, so they never change later.
    @Test func setsAtTheSameInstantGiveTheReplaysStates() async throws {
        try await AppFixture.with(start: .at("2026-11-02T07:00:00Z")) { fixture in
            let me = try await fixture.assessedPerson(Cases.desk)
            fixture.clock.set(.at("2026-11-02T17:00:00Z"))
            // Fill ids so that the right side gets id-9 and the left id-10.
            var filler: [LogOutcome] = []
            while filler.last.map({ $0.set.id.rawValue }) != "id-8" {
                filler.append(try await me.log("clamshell", .left, reps: [12, 12]))
                fixture.clock.advance(seconds: -1)
            }
            fixture.clock.set(.at("2026-11-02T18:00:00Z"))
            let right = try await me.log("split-squat", .right, reps: [13, 13], load: Load(8, .kg))
            let left = try await me.log("split-squat", .left, reps: [10, 10], load: Load(8, .kg))
            #expect(right.set.id.rawValue == "id-9" && left.set.id.rawValue == "id-10")
            #expect(left.recomputed, "id-9 sorts after id-10: the right side counts as later")
            let live = try await me.nextSignature()
            #expect(try await me.rebuiltNextSignature() == live)
            // The left (weaker) side went first: the right side may follow it to 11.
            #expect(try await me.entry(.of("strength/split-squat/right")).prescription.target == 11)
        }
    }

    /// A set logged at the millisecond a later painful set makes a new version (a frozen
    /// clock): a later correction works the states out as a full replay does, counting it once.
    @Test func aCorrectionAfterAVersionMadeAtTheSameInstantCountsOnce() async throws {
        try await AppFixture.with(start: .at("2026-11-02T07:00:00Z")) { fixture in
            let me = try await fixture.assessedPerson(Cases.desk)
            let bridge = ItemKey.of("activation/glute-bridge/both")
            fixture.clock.set(.at("2026-11-02T17:00:00Z"))
            try await me.log("glute-bridge", reps: [12, 12])
            let painful = try await me.log("split-squat", .left, reps: [10, 10], load: Load(8, .kg), pain: 5)
            guard case .swapped(let version, _, _) = painful.safety else {
                Issue.record("no swap: \(painful.safety)")
                return
            }
            #expect(version.createdAt == .at("2026-11-02T17:00:00Z"))
            fixture.clock.set(.at("2026-11-03T17:00:00Z"))
            try await me.log("glute-bridge", reps: [13, 13])
            #expect(try await me.entry(bridge).sessions == 2)
            fixture.clock.set(.at("2026-11-04T17:00:00Z"))
            let mistake = try await me.log("clamshell", .left, reps: [12, 12])
            _ = try await me.app.deleteEntry(me.id, id: mistake.set.id.rawValue)
            #expect(try await me.entry(bridge).sessions == 2, "the Monday bridge counted twice")
            #expect(try await me.rebuiltNextSignature() == me.nextSignature())
        }
    }

    /// The history: sets, wake-up calls and retests, newest first, with the ids the calls
    /// returned; deletions leave it and are recorded with what was deleted and when.
    @Test func historyListsNewestFirstAndDeletionsAreRecorded() async throws {
        try await AppFixture.with(start: .at("2026-11-02T07:00:00Z")) { fixture in
            let me = try await fixture.assessedPerson(Cases.desk, Self.berlin)
            var records: [(step: Step, id: String)] = []
            for step in Self.week { records.append((step, try await me.run(step).id)) }
            fixture.clock.set(Self.end)
            let history = try await me.app.history(me.id, limit: 100)
            let expected = records.sorted { ($0.step.at, $0.id) > ($1.step.at, $1.id) }
            #expect(history.map(\.id) == expected.map(\.id))
            #expect(history.map(\.at) == expected.map(\.step.at))
            #expect(Set(history.map(\.kind)) == [.set, .wakeUpCall, .retest])
            #expect(try await me.app.history(me.id, limit: 3).map(\.id) == Array(expected.prefix(3).map(\.id)))
            // Delete a set, the wake-up call and the retest.
            var deleted: [(Deletion.Kind, String, Timestamp)] = []
            for (kind, index) in [(Deletion.Kind.set, 0), (.wakeUpCall, 7), (.retest, 4)] {
                fixture.clock.advance(seconds: 60)
                let id = records[index].id
                let done = try await me.app.deleteEntry(me.id, id: id)
                #expect(done.deletion.kind == kind && done.deletion.entryID == id)
                deleted.append((kind, id, fixture.clock.now))
            }
            let deletions = try await me.app.deletions(me.id)
            #expect(deletions.map(\.kind) == deleted.map(\.0))
            #expect(deletions.map(\.entryID) == deleted.map(\.1))
            #expect(deletions.map(\.deletedAt) == deleted.map(\.2))
            #expect(deletions.first?.entry[path: "exerciseId"] == "split-squat")
            let left = try await me.app.history(me.id, limit: 100).map(\.id)
            #expect(left.count == records.count - 3 && deleted.allSatisfy { !left.contains($0.1) })
            // Deleting again, or someone else's entry, is not found.
            let again = await #expect(throws: AppError.self) { try await me.app.deleteEntry(me.id, id: records[0].id) }
            #expect(again?.code == .notFound)
        }
    }

    /// A plan version made in the middle of a day keeps what the day had done.
    ///
    /// The hinge drill done in the morning's
    /// activation session, a retest at noon that makes a new version, the drill again in the
    /// evening. It counts for the strength session, as it did live, after a full replay too.
    @Test func aVersionMadeMidDayKeepsWhatTheDayHadDone() async throws {
        try await AppFixture.with(start: .at("2026-11-02T06:00:00Z")) { fixture in
            let me = try await fixture.assessedPerson(Cases.hingeFail, Self.berlin)
            fixture.clock.set(.at("2026-11-02T07:00:00Z"))
            let morning = try await me.log("hip-hinge-wall-drill", reps: [12, 12])
            #expect(morning.item == .of("activation/hip-hinge-wall-drill/both"))
            fixture.clock.set(.at("2026-11-02T11:00:00Z"))
            let retest = try await me.app.retest(
                me.id, kind: .singleLegDeadlift,
                result: .object(["left": .object(["balance": "wobble"]), "right": .object(["balance": "steady"])]))
            let version = try #require(retest.version, "the retest changes the plan")
            let plan = try #require(version.plan)
            #expect(
                PlanTracker(plan: plan, knowledge: knowledge).keys.contains(.of("strength/hip-hinge-wall-drill/both")))
            fixture.clock.set(.at("2026-11-02T17:00:00Z"))
            let evening = try await me.log("hip-hinge-wall-drill", reps: [10, 10])
            #expect(evening.item == .of("strength/hip-hinge-wall-drill/both"))
            let live = try await me.nextSignature()
            #expect(try await me.rebuiltNextSignature() == live)
        }
    }
}

import GluteApp
import GluteCore
import GluteJSON
import GluteStore
import Testing

/// Rule 4: repeated problems ask for a retest, `today` names it with the items that asked, and
/// doing that retest answers them at once.
@Suite struct RetestRequestTests {
    static let monday = CivilDate.on("2026-11-02")

    /// A run of sessions with one kind of problem, and the test it asks for.
    struct Problem: Sendable, CustomTestStringConvertible {
        var name: String
        var sessions: [(felt: FeltIn, balance: Balance)]
        var test: RetestKind
        var testDescription: String { name }
    }

    static let problems = [
        Problem(
            name: "hamstrings three running", sessions: Array(repeating: (.hamstrings, .steady), count: 3),
            test: .singleLegBridge),
        Problem(
            name: "quads three running", sessions: Array(repeating: (.quads, .steady), count: 3), test: .singleLegBridge
        ),
        Problem(
            name: "nowhere three running", sessions: Array(repeating: (.nowhere, .steady), count: 3),
            test: .singleLegBridge),
        Problem(
            name: "mixed elsewhere three running",
            sessions: [(.quads, .steady), (.nowhere, .steady), (.hamstrings, .steady)], test: .singleLegBridge),
        Problem(
            name: "balance lost in two of three", sessions: [(.glutes, .lost), (.glutes, .steady), (.glutes, .lost)],
            test: .singleLegDeadlift),
        Problem(name: "balance lost twice", sessions: [(.glutes, .lost), (.glutes, .lost)], test: .singleLegDeadlift),
        Problem(
            name: "lower back twice", sessions: [(.lowerBack, .steady), (.lowerBack, .steady)], test: .singleLegBridge),
    ]

    /// A retest answer that repeats the assessment (no new plan) or changes it.
    static func result(_ test: RetestKind, changesPlan: Bool) -> JSONValue {
        switch test {
        case .singleLegBridge:
            return .object([
                "left": .object([
                    "reps": 11, "feltIn": changesPlan ? "glutes" : "lowerBack", "pelvisLevel": .bool(changesPlan),
                ]),
                "right": .object(["reps": 18, "feltIn": "glutes", "pelvisLevel": true]),
            ])
        default:
            return .object([
                "left": .object(["balance": changesPlan ? "wobble" : "steady"]),
                "right": .object(["balance": "steady"]),
            ])
        }
    }

    @Test(arguments: problems, [Side.left, .right])
    func repeatedProblemsAskForTheMatchingRetest(_ problem: Problem, _ side: Side) async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk)
            let key = ItemKey(kind: .strength, exercise: "split-squat", side: side)
            // Strength days: Monday, Wednesday, Friday, then Monday again.
            for (index, session) in problem.sessions.enumerated() {
                #expect(try await me.app.today(me.id).retestsDue.isEmpty, "asked before the problem repeated")
                fixture.clock.set(Self.monday.adding(days: [0, 2, 4, 7][index]), 18)
                let prescription = try await me.entry(key).prescription
                try await me.log(
                    prescription.exerciseID, side,
                    reps: Array(repeating: prescription.target, count: prescription.sets),
                    load: prescription.load, felt: session.felt, balance: session.balance)
            }
            let seen = try await Agreement.check(me)
            #expect(seen.today.retestsDue.map(\.kind) == [problem.test])
            #expect(seen.today.retestsDue.first?.items == [key])
            #expect(seen.entry(key)?.retestDue == problem.test)
            #expect(seen.today.jsonValue[path: "retestDue"] == true)
        }
    }

    @Test(arguments: [problems[0], problems[4], problems[6]], [false, true])
    func doingTheRetestAnswersItAtOnce(_ problem: Problem, _ changesPlan: Bool) async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk)
            let key = ItemKey.of("strength/split-squat/left")
            for (index, session) in problem.sessions.enumerated() {
                fixture.clock.set(Self.monday.adding(days: [0, 2, 4, 7][index]), 18)
                let prescription = try await me.entry(key).prescription
                try await me.log(
                    prescription.exerciseID, .left,
                    reps: Array(repeating: prescription.target, count: prescription.sets),
                    load: prescription.load, felt: session.felt, balance: session.balance)
            }
            #expect(try await me.app.today(me.id).retestsDue.map(\.kind) == [problem.test])
            fixture.clock.advance(seconds: 600)
            let done = try await me.app.retest(
                me.id, kind: problem.test, result: Self.result(problem.test, changesPlan: changesPlan))
            #expect(done.answered == [key])
            #expect((done.version != nil) == changesPlan)
            let seen = try await Agreement.check(me)
            #expect(seen.today.retestsDue.isEmpty, "the retest did not answer the request")
            #expect(seen.next.entries.allSatisfy { $0.retestDue == nil })
            // The next day too, and a retest of another test does not answer it.
            fixture.clock.advance(seconds: 86_400)
            #expect(try await me.app.today(me.id).retestsDue.isEmpty)
        }
    }

    /// An item that asked for the bridge retest, left out by a reassessment and brought back by
    /// the bridge retest itself, comes back answered.
    @Test func aRetestAnswersTheItemsItBringsBack() async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk)
            let squeeze = ItemKey.of("activation/single-side-glute-squeeze/left")
            for day in 0..<3 {
                fixture.clock.set(Self.monday.adding(days: day), 8)
                try await me.hold("single-side-glute-squeeze", .left, sets: 2, seconds: 15, felt: .nowhere)
            }
            #expect(try await me.entry(squeeze).retestDue == .singleLegBridge)
            fixture.clock.set(Self.monday.adding(days: 3), 8)
            let reassessed = try await me.assess(
                Cases.desk, [("tests.singleLegBridge.left.feltIn", "glutes"), ("tests.singleLegBridge.left.reps", 15)])
            let plan = try #require(reassessed.version.plan)
            #expect(!PlanTracker(plan: plan, knowledge: knowledge).keys.contains(squeeze))
            fixture.clock.set(Self.monday.adding(days: 4), 8)
            let done = try await me.bridgeRetest(left: 11, right: 18, felt: "glutes", leftFelt: "lowerBack")
            let back = try #require(done.version?.plan)
            #expect(PlanTracker(plan: back, knowledge: knowledge).keys.contains(squeeze))
            #expect(done.answered.contains(squeeze))
            let seen = try await Agreement.check(me)
            #expect(seen.entry(squeeze)?.retestDue == nil && seen.today.retestsDue.isEmpty)
            #expect(try await me.rebuiltNextSignature() == me.nextSignature())
        }
    }

    /// A retest of another test leaves the request standing.
    @Test func aRetestOfAnotherTestLeavesTheRequest() async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk)
            for day in [0, 2] {
                fixture.clock.set(Self.monday.adding(days: day), 18)
                try await me.log("split-squat", .right, reps: [10, 10], load: Load(8, .kg), balance: .lost)
            }
            fixture.clock.advance(seconds: 600)
            let done = try await me.bridgeRetest(left: 11, right: 18, felt: "glutes", leftFelt: "lowerBack")
            #expect(done.answered.isEmpty)
            #expect(try await me.app.today(me.id).retestsDue.map(\.kind) == [.singleLegDeadlift])
        }
    }
}

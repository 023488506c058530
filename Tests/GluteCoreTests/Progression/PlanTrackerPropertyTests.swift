import GluteJSON
import GluteTestRandom
import Testing

@testable import GluteCore

/// Invariants of the tracker over generated plans and random logs.
///
/// Plans come from ``AssessmentGenerator`` through the real ``PlanGenerator``; logs from a seeded
/// generator, mostly of what the person is shown (as a guided session logs), sometimes of the
/// planned exercise, another exercise, the wrong side, the wrong measure or another kind of session.
@Suite struct PlanTrackerPropertyTests {
    static let plans = 150
    static let logsPerPlan = 60

    /// One generated log and the day it is for.
    struct Log {
        var entry: SetEntry
        var date: CivilDate
    }

    @Test func keysStayInThePlanVariantsInTheFamilyAndFoldingIsDeterministic() throws {
        let knowledge = try Fixtures.knowledge()
        var assessments = AssessmentGenerator(random: SeededGenerator(seed: 7_2026))
        var random = SeededGenerator(seed: 11_2026)
        var tracked = 0
        var judged = 0
        var moved = 0
        while tracked < Self.plans {
            let assessment = assessments.next()
            guard
                let plan = AssessmentEngine.evaluate(assessment, knowledge: knowledge, startingOn: Fixtures.start).plan
            else { continue }
            tracked += 1
            let tracker = PlanTracker(plan: plan, knowledge: knowledge)
            guard !tracker.keys.isEmpty else { continue }
            let start = tracker.initialStates(carryingOver: [:])
            check(start: start, tracker, knowledge)
            let logs = Self.logs(for: tracker, from: start, knowledge: knowledge, random: &random)
            let first = fold(logs, from: start, tracker, knowledge, judged: &judged, moved: &moved)
            var again = (judged: 0, moved: 0)
            let second = fold(logs, from: start, tracker, knowledge, judged: &again.judged, moved: &again.moved)
            #expect(first == second, "the same logs from the same start give the same states")
            for state in first.values {
                #expect(try ItemState(json: JSONValue.parse(state.jsonValue.serialized())) == state, "\(state.key)")
            }
        }
        #expect(judged > Self.plans * Self.logsPerPlan / 2, "most logs are judged")
        #expect(moved > 0, "some items moved to a variant")
    }

    /// Every starting state is its item's, in the measure its exercise is logged in.
    func check(start: [ItemKey: ItemState], _ tracker: PlanTracker, _ knowledge: KnowledgeBase) {
        #expect(Set(start.keys) == Set(tracker.keys))
        for key in tracker.keys {
            guard let exercise = knowledge.exercise(key.exercise), let state = start[key] else {
                Issue.record("\(key) has no exercise or no state")
                continue
            }
            #expect((key.side == nil) == !exercise.isUnilateral, "\(key): a side exactly for one-legged work")
            #expect(state.current.measure == exercise.logMeasure, "\(key) is judged as it is logged")
        }
    }

    /// Applies `logs` the way the app does, checking each step.
    func fold(
        _ logs: [Log], from start: [ItemKey: ItemState], _ tracker: PlanTracker, _ knowledge: KnowledgeBase,
        judged: inout Int, moved: inout Int
    ) -> [ItemKey: ItemState] {
        var states = start
        var logged: [CivilDate: Set<ItemKey>] = [:]
        let keys = Set(tracker.keys)
        for log in logs {
            guard
                let key = tracker.key(
                    for: log.entry, on: log.date, alreadyLogged: logged[log.date] ?? [], states: states)
            else { continue }
            #expect(keys.contains(key), "\(key) is not an item of the plan")
            #expect(key.side == log.entry.side)
            logged[log.date, default: []].insert(key)
            guard let state = states[key] else {
                Issue.record("\(key) has no state")
                continue
            }
            guard let step = tracker.apply(log.entry, on: log.date, to: state, states: states) else { continue }
            judged += 1
            let family = Self.family(of: state.current.exerciseID, knowledge)
            #expect(step.state.key == key)
            #expect(step.state.current.side == key.side)
            #expect(
                family.contains(step.state.current.exerciseID),
                "\(key): \(state.current.exerciseID) moved to \(step.state.current.exerciseID)")
            if let next = step.decision.next {
                #expect(family.contains(next.exerciseID))
            }
            if let exercise = knowledge.exercise(step.state.current.exerciseID) {
                #expect(exercise.isUnilateral == (key.side != nil), "\(key) on \(exercise.id) keeps its legs")
                #expect(exercise.logMeasure == step.state.current.measure, "\(key) on \(exercise.id) keeps its measure")
            }
            #expect(step.state.current.range.contains(step.state.current.target))
            if step.state.current.exerciseID != state.current.exerciseID { moved += 1 }
            states[key] = step.state
        }
        return states
    }

    /// An exercise and its easier and harder links.
    static func family(of id: String, _ knowledge: KnowledgeBase) -> Set<String> {
        guard let exercise = knowledge.exercise(id) else { return [id] }
        return Set([id] + exercise.easier + exercise.harder)
    }

    /// Random logs over four weeks, in time order.
    static func logs(
        for tracker: PlanTracker, from start: [ItemKey: ItemState], knowledge: KnowledgeBase,
        random: inout SeededGenerator
    ) -> [Log] {
        var logs: [Log] = []
        var states = start
        var logged: [CivilDate: Set<ItemKey>] = [:]
        var day = 0
        for _ in 0..<logsPerPlan {
            day += Int.random(in: 0...1, using: &random)
            let date = tracker.plan.startsOn.adding(days: day)
            let key = tracker.keys[Int.random(in: 0..<tracker.keys.count, using: &random)]
            let shown = tracker.prescription(for: key, states: states) ?? states[key]?.current
            let choice = Int.random(in: 0..<10, using: &random)
            var exercise = shown?.exerciseID ?? key.exercise
            if choice == 0 { exercise = key.exercise }
            if choice == 1 {
                exercise = knowledge.exercises[Int.random(in: 0..<knowledge.exercises.count, using: &random)].id
            }
            var side = key.side
            if choice == 2 { side = [nil, Side.left, .right][Int.random(in: 0...2, using: &random)] }
            let measure = knowledge.exercise(exercise)?.logMeasure ?? .reps
            let wrongMeasure = choice == 3
            let sets = Int.random(in: 1...4, using: &random)
            let target = shown?.target ?? 10
            let reps =
                (measure == .reps) != wrongMeasure
                ? (0..<sets).map { _ in max(1, target + Int.random(in: -3...4, using: &random)) } : []
            let seconds = reps.isEmpty ? max(1, target + Int.random(in: -5...10, using: &random)) : nil
            let felt: FeltIn =
                Int.random(in: 0..<4, using: &random) == 0
                ? FeltIn.allCases.randomElement(using: &random) ?? .glutes : .glutes
            let balance: Balance =
                Int.random(in: 0..<4, using: &random) == 0
                ? Balance.allCases.randomElement(using: &random) ?? .steady : .steady
            let pain =
                Int.random(in: 0..<12, using: &random) == 0
                ? Int.random(in: 3...10, using: &random) : Int.random(in: 0...2, using: &random)
            let session: GluteCore.Session.Kind? =
                choice == 4 ? GluteCore.Session.Kind.allCases.randomElement(using: &random) : nil
            let entry = SetEntry(
                exerciseID: exercise, side: side, setCount: reps.isEmpty ? sets : reps.count, reps: reps,
                load: choice == 5 ? nil : shown?.load, durationSeconds: seconds, felt: felt, balance: balance,
                rpe: nil, pain: pain, numbness: Int.random(in: 0..<50, using: &random) == 0,
                performedAt: Timestamp(date: date, hour: 8 + logs.count % 12), session: session)
            logs.append(Log(entry: entry, date: date))
            // Follow the states so that later logs are of what is shown then.
            if let found = tracker.key(for: entry, on: date, alreadyLogged: logged[date] ?? [], states: states) {
                logged[date, default: []].insert(found)
                if let state = states[found], let step = tracker.apply(entry, on: date, to: state, states: states) {
                    states[found] = step.state
                }
            }
        }
        return logs
    }
}

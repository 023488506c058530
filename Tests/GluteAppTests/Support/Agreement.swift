import GluteApp
import GluteCore
import GluteJSON
import GluteStore
import Testing

/// What `today`, `next` and `plan` showed at one instant, after checking that they agree.
struct Agreement {
    let today: TodayView
    let next: NextView
    let plan: PlanView

    /// Whether the plan in force is a stop.
    var isStopped: Bool { plan.version.plan == nil }

    /// The entry of `next` for `key`, if the plan has it.
    func entry(_ key: ItemKey) -> NextView.Entry? { next.entries.first { $0.key == key } }

    /// Today's item for `exercise` in a session of `kind`, if any.
    func todayItem(_ kind: Session.Kind, _ exercise: String) -> TodayView.Item? {
        today.sessions.first { $0.kind == kind }?.items.first { $0.item.exercise == exercise }
    }

    /// Reads the three views of `trainee` and records an issue for every way they disagree:
    /// the same plan version; after a stop, nothing prescribed anywhere; otherwise today's
    /// sessions are the plan's sessions of the day, item by item, and every prescription today
    /// shows is the one `next` gives for that item and side, inside the plan item's range and
    /// sets, for the planned exercise or one of its variants.
    @discardableResult
    static func check(_ trainee: Trainee, sourceLocation: SourceLocation = #_sourceLocation) async throws
        -> Agreement
    {
        let app = trainee.app
        let today = try await app.today(trainee.id)
        let next = try await app.next(trainee.id)
        let plan = try await app.plan(trainee.id)
        let agreement = Agreement(today: today, next: next, plan: plan)
        #expect(today.version.id == plan.version.id, "today shows another version", sourceLocation: sourceLocation)
        #expect(next.version.id == plan.version.id, "next shows another version", sourceLocation: sourceLocation)
        guard let current = plan.version.plan else {
            #expect(today.stop != nil, "today does not say the plan is stopped", sourceLocation: sourceLocation)
            #expect(today.sessions.isEmpty, "today prescribes after a stop", sourceLocation: sourceLocation)
            #expect(today.wakeUps == nil, "today asks for wake-up calls after a stop", sourceLocation: sourceLocation)
            #expect(today.retestsDue.isEmpty && today.closedGates.isEmpty, sourceLocation: sourceLocation)
            #expect(next.stop != nil, "next does not say the plan is stopped", sourceLocation: sourceLocation)
            #expect(next.entries.isEmpty, "next prescribes after a stop", sourceLocation: sourceLocation)
            #expect(plan.jsonValue[path: "plan"] == .null, sourceLocation: sourceLocation)
            return agreement
        }
        #expect(today.stop == nil && next.stop == nil, sourceLocation: sourceLocation)
        let tracker = PlanTracker(plan: current, knowledge: knowledge)
        #expect(next.entries.map(\.key) == tracker.keys, "next lists other items", sourceLocation: sourceLocation)
        let planned = current.week.first { $0.day == today.date.weekday }?.sessions ?? []
        #expect(
            today.sessions.map(\.kind) == planned.map(\.kind), "today has other sessions",
            sourceLocation: sourceLocation)
        for (shown, session) in zip(today.sessions, planned) {
            #expect(
                shown.items.map(\.item) == session.items, "today's \(session.kind) items are not the plan's",
                sourceLocation: sourceLocation)
            for item in shown.items {
                let keys = PlanTracker.sides(of: item.item, knowledge: knowledge).map {
                    ItemKey(kind: session.kind, exercise: item.item.exercise, side: $0)
                }
                #expect(item.keys == keys, sourceLocation: sourceLocation)
                #expect(item.prescriptions.count == keys.count, sourceLocation: sourceLocation)
                for (key, prescription) in zip(keys, item.prescriptions) {
                    let fromNext = agreement.entry(key)?.prescription
                    #expect(
                        fromNext == prescription, "today and next disagree on \(key)", sourceLocation: sourceLocation)
                    let start = try #require(tracker.startingState(key), sourceLocation: sourceLocation).current
                    #expect(prescription.side == key.side, sourceLocation: sourceLocation)
                    #expect(
                        prescription.sets == item.item.sets && prescription.range == start.range
                            && prescription.measure == start.measure,
                        "\(key) is not at the plan item's sets and range", sourceLocation: sourceLocation)
                    let logged = knowledge.exercise(prescription.exerciseID)?.logMeasure
                    #expect(
                        logged == prescription.measure, "\(key) cannot be logged as prescribed",
                        sourceLocation: sourceLocation)
                    #expect(
                        family(of: item.item.exercise).contains(prescription.exerciseID),
                        "\(key) prescribes \(prescription.exerciseID)", sourceLocation: sourceLocation)
                }
            }
        }
        #expect(
            today.closedGates.map(\.code) == current.gates.map(\.code), "today shows other gates",
            sourceLocation: sourceLocation)
        return agreement
    }

    /// The exercise and every variant reachable from it through the catalogue's easier and
    /// harder links.
    static func family(of exercise: String) -> Set<String> {
        var found: Set<String> = [exercise]
        var queue = [exercise]
        while let id = queue.popLast() {
            guard let entry = knowledge.exercise(id) else { continue }
            for other in entry.easier + entry.harder where found.insert(other).inserted { queue.append(other) }
        }
        return found
    }
}

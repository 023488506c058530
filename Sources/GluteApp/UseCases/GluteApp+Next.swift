public import GluteCore
public import GluteJSON
public import GluteStore

/// The next prescription of every plan item and side, with the decision behind it.
public struct NextView: Sendable {
    /// One item on one side.
    public struct Entry: Sendable {
        /// The item.
        public var key: ItemKey
        /// The prescription to follow next time (the stronger side capped to the weaker's reps).
        public var prescription: Prescription
        /// The decision after the latest session, `nil` before the first.
        public var decision: ProgressionDecision?
        /// How many sessions were judged.
        public var sessions: Int
        /// The retest a repeated problem asks for, if any.
        public var retestDue: RetestKind?
    }

    /// The version the items belong to.
    public var version: PlanVersion
    /// The stop, when the plan is stopped (then there are no entries).
    public var stop: StopNotice?
    /// The entries, in plan order.
    public var entries: [Entry]

    /// An array of `{ "item", "kind", "exercise", "side", "sessions", "current", "decision", "retestDue" }`,
    /// or `{ "stop": {...} }` after a stop.
    public var jsonValue: JSONValue {
        if let stop { return .object(["stop": stop.jsonValue, "items": .array([])]) }
        return .array(
            entries.map { entry in
                .object([
                    "item": .string(entry.key.description),
                    "kind": .string(entry.key.kind.rawValue),
                    "exercise": .string(entry.key.exercise),
                    "side": .optional(entry.key.side) { .string($0.rawValue) },
                    "sessions": .int(entry.sessions),
                    "current": .object(entry.prescription.jsonObject),
                    "decision": .optional(entry.decision) { .object($0.jsonObject) },
                    "retestDue": .optional(entry.retestDue) { .string($0.rawValue) },
                ])
            })
    }
}

extension GluteApp {
    /// The next prescription for every item and side of the plan in force, and why.
    ///
    /// Each prescription has the sets of the session the item is next due in, from today on in
    /// the person's zone (an exercise may have other sets on another day), so that it is what
    /// ``today(_:)`` shows on that day.
    public func next(_ person: Person.ID) async throws -> NextView {
        let knowledge = self.knowledge
        let trackers = self.trackers
        let fallback = defaultTimeZone
        let now = clock.now()
        return try await reading(person, bounded: true) { tx, record in
            guard let version = try tx.currentPlan(for: person) else { throw AppError.noPlan() }
            guard let plan = version.plan else {
                return NextView(version: version, stop: StopNotice(reason: version.reason), entries: [])
            }
            let tracker = trackers.tracker(version, plan, knowledge: knowledge)
            let zone = record.zone(fallback: fallback)
            let today = zone.localDate(now)
            let states = try Tracking(knowledge: knowledge, zone: zone, person: person).states(tx, of: version)
            let entries = tracker.keys.compactMap { key -> NextView.Entry? in
                let due = tracker.nextDate(of: key, from: today) ?? today
                guard let prescription = tracker.prescription(for: key, states: states, on: due) else { return nil }
                let state = states[key]
                return NextView.Entry(
                    key: key, prescription: prescription, decision: state?.decision, sessions: state?.sessions ?? 0,
                    retestDue: state?.retestDue)
            }
            return NextView(version: version, stop: nil, entries: entries)
        }
    }
}

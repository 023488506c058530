public import GluteCore
public import GluteJSON
public import GluteStore

/// What logging a set did: the set as kept, the item it counted for, the decision for next time,
/// and any safety change to the plan.
public struct LogOutcome: Sendable {
    /// What a log changed in the plan for safety's sake.
    public enum Safety: Sendable, Equatable {
        /// Nothing.
        case none
        /// Pain of 4 or more: the exercise left the plan for a pain-free one, in a new version.
        case swapped(PlanVersion, removed: String, replacement: String?)
        /// Pain of 7 or more, or new or worse numbness: the plan is stopped; see a clinician.
        case stopped(PlanVersion)
        /// The plan was already stopped; the set is kept (and, when it hurt, counted as another cause).
        case alreadyStopped(PlanVersion)
    }

    /// The set as kept.
    public var set: LoggedSet
    /// The plan item it counted for, if any.
    public var item: ItemKey?
    /// The decision for the item, if the set could be judged.
    public var decision: ProgressionDecision?
    /// The safety change.
    public var safety: Safety
    /// Whether the set was logged for an earlier time than later entries, so the progression was
    /// worked out again from it.
    public var recomputed: Bool
    /// The plan version in force after the log, when the log left it as it was (read in the
    /// log's transaction, so the kept dashboard state need not read it again).
    var unchangedPlan: PlanVersion? = nil

    /// `{ "logged": {...}, "item", "next", "safety", "planVersion", "recomputed" }`.
    public var jsonValue: JSONValue {
        let safetyValue: JSONValue
        var version: Int?
        switch safety {
        case .none: safetyValue = .null
        case .swapped(let made, let removed, let replacement):
            version = made.version
            safetyValue = .object([
                "action": "swapped", "reason": .string(made.reason), "removed": .string(removed),
                "replacement": .optional(replacement, JSONValue.string),
            ])
        case .stopped(let made):
            version = made.version
            safetyValue = .object(["action": "stopped", "stop": StopNotice(reason: made.reason).jsonValue])
        case .alreadyStopped(let current):
            safetyValue = .object(["action": "alreadyStopped", "stop": StopNotice(reason: current.reason).jsonValue])
        }
        return .object([
            "logged": .object([
                "id": .string(set.id.rawValue), "exercise": .string(set.exerciseID),
                "side": .string(Side.name(of: set.side)), "at": .string(set.performedAt.description),
            ]),
            "item": .optional(item) { .string($0.description) },
            "next": .optional(decision) { .object($0.jsonObject) },
            "safety": safetyValue,
            "planVersion": .optional(version, JSONValue.int),
            "recomputed": .bool(recomputed),
        ])
    }
}

extension GluteApp {
    /// Checks a set against its exercise before anything is written.
    ///
    /// Field names are the API's (`exercise`, `side`, `reps`, `seconds`, `load`, `at`); the command
    /// line names its flags instead.
    ///
    /// - Parameter aheadTolerance: how many seconds in the future `performedAt` may be (clock skew
    ///   of a phone); 0 on the command line.
    public func check(_ entry: SetEntry, aheadTolerance: Int64 = 0) throws -> Exercise {
        guard let exercise = knowledge.exercise(entry.exerciseID) else {
            throw AppError.invalid(
                "exercise", "'\(entry.exerciseID)' is not in the catalogue ('glute exercises' lists the ids)")
        }
        if exercise.isUnilateral, entry.side == nil {
            throw AppError.invalid("side", "\(exercise.id) is done one side at a time: give left or right")
        }
        if !exercise.isUnilateral, entry.side != nil {
            throw AppError.invalid("side", "\(exercise.id) is done with both legs together: leave the side out")
        }
        switch exercise.logMeasure {
        case .seconds:
            guard entry.durationSeconds != nil, entry.reps.isEmpty else {
                throw AppError.invalid("seconds", "\(exercise.id) is a hold: log seconds, like 2x30s")
            }
        case .reps:
            guard !entry.reps.isEmpty, entry.durationSeconds == nil || exercise.holdSeconds != nil else {
                throw AppError.invalid("reps", "\(exercise.id) is counted in reps: log reps, like 2x15")
            }
        }
        if entry.reps.contains(0) {
            throw AppError.invalid("reps", "every set needs at least 1 rep (leave out a set that was not done)")
        }
        if entry.load != nil, !exercise.loadable {
            throw AppError.invalid("load", "\(exercise.id) takes no external load")
        }
        if entry.performedAt > clock.now().adding(seconds: aheadTolerance) {
            throw AppError.invalid("at", "is in the future")
        }
        do { try entry.validate() } catch { throw AppError.invalid(error) }
        return exercise
    }

    /// Logs a set and says what comes next.
    ///
    /// The set counts for the plan item due that day (see ``PlanTracker/key(for:on:alreadyLogged:states:)``)
    /// and moves only that item, on that side, on. Pain of 4 or more takes the exercise out of the
    /// plan for an easier or pain-free one, as a new plan version with the reason; pain of 7 or
    /// more, or new numbness, stops the whole plan. A set logged for an earlier time than entries
    /// already kept is folded in by working the progression out again from it.
    ///
    /// - Parameter stampedOnWrite: the caller gave no time (`performedAt` is only when it asked):
    ///   the set is stamped with the clock when its write runs, so that sets sent together are kept
    ///   in the order they are written and none of them is taken for a correction of another.
    public func logSet(
        _ person: Person.ID, _ entry: SetEntry, aheadTolerance: Int64 = 0, stampedOnWrite: Bool = false
    ) async throws -> LogOutcome {
        _ = try check(entry, aheadTolerance: aheadTolerance)
        let asked = clock.now()
        let keeper = ClientStateKeeper(person: person, fallbackZone: defaultTimeZone)
        return try await writing(person) { tx, record in
            let (entry, now) = self.stamped(entry, asked: asked, onWrite: stampedOnWrite)
            let outcome = try self.recordSet(entry, for: record, tx: tx, at: now)
            try keeper.refresh(tx, record: record, plan: outcome.unchangedPlan, at: now, after: .loggedSet(entry))
            return outcome
        }
    }

    /// The set and the time of its write: the clock's time inside the write when the set is
    /// stamped on write, else the time it was asked for.
    func stamped(_ entry: SetEntry, asked: Timestamp, onWrite: Bool) -> (SetEntry, Timestamp) {
        guard onWrite else { return (entry, asked) }
        var entry = entry
        let now = max(clock.now(), asked)
        entry.performedAt = now
        return (entry, now)
    }

    /// Keeps a checked set and moves the plan on, inside the caller's write transaction: the
    /// body of ``logSet(_:_:aheadTolerance:)``.
    func recordSet(_ entry: SetEntry, for record: Person, tx: any StoreWriter, at now: Timestamp) throws -> LogOutcome {
        let person = record.id
        let knowledge = self.knowledge
        let trackers = self.trackers
        let fallback = defaultTimeZone
        let zone = record.zone(fallback: fallback)
        let set = try tx.insertSet(entry, for: person)
        let versions = PlanVersions(knowledge: knowledge, person: person)
        guard let version = try tx.currentPlan(for: person) else {
            return LogOutcome(set: set, item: nil, decision: nil, safety: .none, recomputed: false)
        }
        let hurts = entry.pain >= ProgressionRules.clinicianPain || entry.numbness
        guard let plan = version.plan else {
            if hurts { try tx.addCause(set.id.rawValue, to: version.id, for: person) }
            return LogOutcome(
                set: set, item: nil, decision: nil, safety: .alreadyStopped(version), recomputed: false)
        }
        let tracking = Tracking(knowledge: knowledge, zone: zone, person: person)
        let tracker = trackers.tracker(version, plan, knowledge: knowledge)
        // A set logged for a time before entries already kept is folded in by working the
        // progression out again from it. Sets of the same millisecond (a frozen clock) are
        // replayed in identifier order: one that sorts after this set counts as later, so that
        // the states are the replay's.
        let late = try entry.performedAt < version.createdAt || tx.hasLoggedSet(for: person, after: set)
        var states = try tracking.states(tx, of: version)
        let date = zone.localDate(entry.performedAt)
        // The items already logged that day: their latest judged sessions say so.
        let logged = Set(states.values.filter { $0.recent.contains { $0.date == date } }.map(\.key))
        let key = tracker.key(for: entry, on: date, alreadyLogged: logged, states: states)
        var decision: ProgressionDecision?
        if let key, let state = states[key], let step = tracker.apply(entry, on: date, to: state, states: states) {
            decision = step.decision
            states[key] = step.state
        }
        if hurts {
            // The set counts in the version it was logged in, as a replay counts it.
            if late {
                try tracking.rebuild(tx, from: entry.performedAt, at: now)
            } else if let key, let state = states[key] {
                try tx.saveItemStates([state], plan: version.id, for: person, at: now)
            }
            let what = entry.numbness ? "new numbness or tingling" : "pain of \(entry.pain)/10"
            let stop = try versions.stop(
                reason: "stopped: see a clinician: \(what) logged on \(entry.exerciseID) on \(date)",
                assessment: nil, causes: [set.id.rawValue], tx: tx, at: now)
            return LogOutcome(set: set, item: key, decision: decision, safety: .stopped(stop), recomputed: late)
        }
        if entry.pain >= ProgressionRules.stopPain, let key {
            if late {
                try tracking.rebuild(tx, from: entry.performedAt, at: now)
            } else if let state = states[key] {
                try tx.saveItemStates([state], plan: version.id, for: person, at: now)
            }
            let equipment =
                try tx.latestAssessment(for: person).flatMap { try? Assessment.decode($0.input) }?.profile.equipment
                ?? []
            // An exercise that hurt before is never the replacement.
            let painful = Set(try versions.painSwapsInForce(tx).map(\.exercise))
            guard
                let revision = PlanRevision.painSwap(
                    in: plan, exercise: key.exercise, pain: entry.pain, equipment: equipment, knowledge: knowledge,
                    painful: painful)
            else {
                return LogOutcome(set: set, item: key, decision: decision, safety: .none, recomputed: late)
            }
            let swap = try versions.start(
                revision.plan, reason: "\(revision.reason) (logged on \(date)); until a new assessment",
                assessment: version.assessmentID, causes: [set.id.rawValue], tx: tx, at: now)
            return LogOutcome(
                set: set, item: key, decision: decision,
                safety: .swapped(swap, removed: key.exercise, replacement: revision.swaps.first?.replacement),
                recomputed: late)
        }
        if late {
            try tracking.rebuild(tx, from: entry.performedAt, at: now)
            let rebuilt = try tracking.states(tx, of: version)
            decision = key.flatMap { rebuilt[$0]?.decision } ?? decision
        } else if let key, let state = states[key] {
            try tx.saveItemStates([state], plan: version.id, for: person, at: now)
        }
        return LogOutcome(
            set: set, item: key, decision: decision, safety: .none, recomputed: late, unchangedPlan: version)
    }
}

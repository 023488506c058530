internal import GluteCore
internal import GluteStore

/// Keeps a person's ``GluteStore/ClientState`` (what a coach's dashboard reads) up to date inside
/// the write transaction that changed it.
///
/// Each refresh reads a bounded amount: the plan in force, its item states, and the current
/// week's logged sets (a set logged without pain is added to the kept week instead). It never
/// replays history, so the dashboard can read one kept row per client and stay fast with
/// thousands of them. What depends on the time (this week's pain and
/// activation sessions, days without a log) is stored with its week or time and judged when the
/// dashboard is read.
struct ClientStateKeeper {
    /// What the write did, beside changing the plan or its states.
    enum Event {
        /// Nothing to count (an assessment, a plan edit, a profile change).
        case none
        /// An entry (a wake-up call log, a retest) was logged for `time`.
        case logged(Timestamp)
        /// A set was logged: counted into the kept week without reading the week again when
        /// it cannot have changed the plan (see ``refresh(_:at:after:)``).
        case loggedSet(SetEntry)
        /// An entry was deleted.
        case deleted
    }

    let person: Person.ID
    let fallbackZone: String?

    /// Writes the person's state as it is after this transaction's changes.
    ///
    /// - Parameters:
    ///   - record: the person's record, when the caller has read it in this transaction.
    ///   - plan: the plan version in force, when the caller has read it in this transaction and
    ///     made no version since.
    func refresh(
        _ tx: any StoreWriter, record: Person? = nil, plan known: PlanVersion? = nil, at now: Timestamp,
        after event: Event
    ) throws {
        guard let record = try record ?? tx.person(person) else { return }
        let zone = record.zone(fallback: fallbackZone)
        var state = try tx.clientState(for: person) ?? ClientState(personID: person, updatedAt: now)
        let version = try known ?? tx.currentPlan(for: person)
        let plan = version?.plan
        state.stopReason = version?.stopReason
        state.reassessOn = plan?.reassessOn
        let activation = plan?.week.filter { $0.sessions.contains { $0.kind == .activation } } ?? []
        state.activationDays = Set(activation.map(\.day))
        var states: [ItemState] = []
        if let version, plan != nil { states = try tx.itemStates(plan: version.id, for: person) }
        state.stalledItems = states.filter { $0.decision?.action == .hold }.map(\.key)
        state.regressedItems = states.filter { $0.decision.map { Self.eases($0.action) } ?? false }.map(\.key)
        state.retestsDue = RetestKind.allCases.filter { kind in states.contains { $0.retestDue == kind } }
        let week = zone.localDate(now).startOfWeek
        let countsForActivation = { (set: SetEntry) in
            set.session == .activation
                || (set.session == nil && Self.isActivationExercise(set.exerciseID, in: activation))
        }
        if case .loggedSet(let set) = event, state.week == week, set.pain < ProgressionRules.stopPain, !set.numbness {
            // A set without pain changes no plan, so the week kept so far still holds: this set
            // is added to it rather than the week's rows read again on every log.
            if zone.localDate(set.performedAt).startOfWeek == week, countsForActivation(set) {
                state.activationDaysDone.insert(zone.localDate(set.performedAt).weekday)
            }
        } else {
            // This week's sets: the activation days done and the pain, from a week of rows at most.
            let sets = try tx.loggedSets(
                for: person, in: zone.startOfDay(week)..<zone.startOfDay(week.adding(days: 7)))
            state.week = week
            state.activationDaysDone = Set(
                sets.map(\.entry).filter(countsForActivation).map { zone.localDate($0.performedAt).weekday })
            let painful = sets.filter { $0.pain >= ProgressionRules.stopPain }
            state.painfulSetAt = painful.map(\.performedAt).max()
            state.highestPain = painful.map(\.pain).max()
        }
        switch event {
        case .none: break
        case .logged(let time): state.lastLogAt = max(state.lastLogAt ?? time, time)
        case .loggedSet(let set): state.lastLogAt = max(state.lastLogAt ?? set.performedAt, set.performedAt)
        case .deleted:
            state.deletions += 1
            state.lastDeletionAt = now
        }
        state.updatedAt = now
        try tx.saveClientState(state)
    }

    /// Whether an activation session of `days` has `exercise`; searched in place rather than
    /// gathered into a set, since this runs for every logged set.
    private static func isActivationExercise(_ exercise: String, in days: [PlanDay]) -> Bool {
        days.contains { day in
            day.sessions.contains { $0.kind == .activation && $0.items.contains { $0.exercise == exercise } }
        }
    }

    /// Whether a progression decision eases the work (a regression or an easier exercise).
    private static func eases(_ action: ProgressionDecision.Action) -> Bool {
        switch action {
        case .regressLoad, .regressReps, .moveToEasier: true
        default: false
        }
    }
}

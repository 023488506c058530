public import GluteCore
internal import GluteJSON
public import GluteStore

extension GluteApp {
    /// Adherence, asymmetry, bridge reps, loads and resolved findings over the last `weeks` weeks
    /// (this one included), in the person's time zone.
    ///
    /// Wake-up calls count per call: logs that answer one call count once, logs outside working
    /// hours not at all. Only the weeks shown are read, so the cost follows the period, not the
    /// years of history.
    public func progress(_ person: Person.ID, weeks: Int) async throws -> ProgressReport {
        guard (1...104).contains(weeks) else { throw AppError.invalid("weeks", "must be between 1 and 104") }
        let now = clock.now()
        let fallback = defaultTimeZone
        let input = try await reading(person) { tx, record in
            let zone = record.zone(fallback: fallback)
            let today = zone.localDate(now)
            let first = today.startOfWeek.adding(days: -7 * (weeks - 1))
            let period = zone.startOfDay(first)..<zone.startOfDay(today.adding(days: 1))
            let versions = try tx.planHistory(for: person)
            // An activation item may have moved on to a variant: the states say which.
            var moved: [PlanVersion.ID: Set<String>] = [:]
            for version in versions where version.plan != nil {
                moved[version.id] = Set(
                    try tx.itemStates(plan: version.id, for: person).filter { $0.key.kind == .activation }
                        .map(\.current.exerciseID))
            }
            let plans = Self.periods(versions, zone: zone, moved: moved)
            let sets = try tx.loggedSets(for: person, in: period).map { set in
                ProgressInput.LoggedSet(
                    date: zone.localDate(set.performedAt), exerciseID: set.exerciseID, side: set.side, reps: set.reps,
                    load: set.load)
            }
            // Each log counts at the call it answered (taps in a row answer one call), a log
            // outside working hours at its own time (where it answers nothing).
            let wakeUps = try tx.wakeUpCalls(for: person, in: period).map { log in
                ProgressInput.WakeUpAnswer(at: zone.localDateTime(log.answers ?? log.at), done: log.outcome == .done)
            }
            // An assessment a retest made (the latest one with that test retaken) says which test.
            let retests = try tx.retests(for: person, kind: nil)
            var retestOf: [AssessmentRecord.ID: String] = [:]
            for version in versions {
                guard let assessment = version.assessmentID,
                    let retest = retests.first(where: { version.causes.contains($0.id.rawValue) })
                else { continue }
                retestOf[assessment] = retest.kind.rawValue
            }
            let assessments = try tx.assessments(for: person).map { record in
                ProgressInput.AssessmentPoint(
                    date: zone.localDate(record.takenAt), input: record.input, output: record.output,
                    retestOf: retestOf[record.id])
            }
            let bridges = retests.filter { $0.kind == .singleLegBridge }.compactMap { retest in
                RetestKind.bridgeReps(retest.result).map {
                    ProgressInput.BridgeRetest(date: zone.localDate(retest.takenAt), reps: $0)
                }
            }
            return ProgressInput(
                today: today, weeks: weeks, plans: plans, sets: sets, wakeUps: wakeUps, assessments: assessments,
                bridgeRetests: bridges)
        }
        return ProgressCalculator.report(input)
    }

    /// The plan in force on each day, as progress counts it: each active version from the local
    /// date it was made (a retest's or a pain swap's plan keeps the first plan's `startsOn`, so
    /// that date would apply it to the weeks before it); a stop plans no calls and no sessions
    /// from the day after it (its own day keeps what was done before it), unless another version
    /// follows by then.
    ///
    /// An activation item that moved on to a variant (the pelvic tilt to a bridge march) counts
    /// when that variant is logged: `moved` holds the exercises the activation items of each
    /// version were on.
    static func periods(_ versions: [PlanVersion], zone: TimeZoneRules, moved: [PlanVersion.ID: Set<String>])
        -> [ProgressInput.PlanPeriod]
    {
        var periods: [ProgressInput.PlanPeriod] = []
        for (index, version) in versions.enumerated() {
            let date = zone.localDate(version.createdAt)
            if let plan = version.plan {
                var period = ProgressInput.PlanPeriod(plan: plan)
                period.startsOn = date
                period.activationExercises.formUnion(moved[version.id] ?? [])
                periods.append(period)
            } else if let last = periods.last {
                let next = versions.dropFirst(index + 1).first.map { zone.localDate($0.createdAt) }
                guard next.map({ $0 > date.adding(days: 1) }) ?? true else { continue }
                var calls = last.wakeUpCalls
                calls.days = []
                periods.append(.init(startsOn: date.adding(days: 1), activationExercises: [], wakeUpCalls: calls))
            }
        }
        return periods
    }
}

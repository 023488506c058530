/// Turns a ``ProgressInput`` into a ``ProgressReport``: a pure function of its input.
///
/// - Adherence: a day counts as an activation session when at least one exercise of the
///   activation sessions of the plan in force that day was logged; weeks start on Monday and the
///   target is ``weeklyActivationTarget``. Wake-up calls are counted per call against the calls
///   of each day (``WakeUpCalls/calls(on:)``, night shifts included): an answer logged with its
///   time answers the nearest call of its working period, once per call, and not at all outside
///   working hours; an answer known by its date alone counts for that date. No day shows more
///   answered calls than planned; the rest are `uncounted`.
/// - Asymmetry: |L-R|/max(L,R) of tested capacity only: single-leg bridge reps of assessments and
///   bridge retests, and squeeze strength of assessments. Logged sets are left out: the stronger
///   side's reps follow the weaker side's, so they would show a false 0 %.
/// - Bridge reps: one point per test occasion. An assessment made by a retest of another test
///   copies the earlier bridge result and adds no point; so does an assessment whose bridge
///   result is the one before it (retest or assessment) when its origin is not known.
/// - Loads: the heaviest load per exercise per day (compared in kilograms, shown as logged).
/// - Findings: codes in the first assessment's output and not in the latest one's.
///
/// ```swift
/// let report = ProgressCalculator.report(input)
/// report.weeks.last?.sessions   // activation sessions this week
/// ```
public enum ProgressCalculator {
    /// Activation sessions a week that the plan asks for.
    public static let weeklyActivationTarget = 3
    /// The single-leg bridge exercise of the catalogue; its logged sets are training, not tests,
    /// and are not charted as bridge reps.
    public static let bridgeExercise = "single-leg-glute-bridge"

    /// The report of `input`.
    public static func report(_ input: ProgressInput) -> ProgressReport {
        let from = input.today.startOfWeek.adding(days: -7 * max(0, input.weeks - 1))
        let period = from...input.today
        let plans = input.plans.enumerated()
            .sorted { ($0.element.startsOn, $0.offset) < ($1.element.startsOn, $1.offset) }.map(\.element)
        func plan(on day: CivilDate) -> ProgressInput.PlanPeriod? { plans.last { $0.startsOn <= day } }
        let bridge = bridgePoints(input, in: period)
        let squeeze = testOccasions(
            input.assessments.compactMap { point in
                point.squeezeStrength.map { (point.date, point.retestOf, $0) }
            }, test: "glute-squeeze"
        )
        .map { sidePoint($0.date, .assessment, $0.values) }.filter { period.contains($0.date) }
        var asymmetry: [ProgressReport.AsymmetrySeries] = []
        let bridgePairs = bridge.compactMap { point in
            point.left.flatMap { left in
                point.right.map { sidePoint(point.date, point.source, PerSide(left: left, right: $0)) }
            }
        }
        if !bridgePairs.isEmpty { asymmetry.append(.init(test: "single-leg-bridge", points: bridgePairs)) }
        if !squeeze.isEmpty { asymmetry.append(.init(test: "glute-squeeze", points: squeeze)) }
        return ProgressReport(
            from: from, to: input.today,
            weeks: weeks(input, from: from, plan: plan),
            wakeUps: wakeUps(input, in: period, plan: plan),
            asymmetry: asymmetry, bridgeReps: bridge,
            loads: loads(input.sets, in: period),
            findings: findings(input.assessments))
    }

    /// Activation sessions per week, from the first week with a plan in force.
    static func weeks(
        _ input: ProgressInput, from: CivilDate,
        plan: (CivilDate) -> ProgressInput.PlanPeriod?
    ) -> [ProgressReport.WeekAdherence] {
        var result: [ProgressReport.WeekAdherence] = []
        var monday = from
        while monday <= input.today {
            let days = (0..<7).map { monday.adding(days: $0) }.filter { $0 <= input.today }
            let planned = days.filter { plan($0) != nil }
            if !planned.isEmpty {
                let sessions = planned.filter { day in
                    let exercises = plan(day)?.activationExercises ?? []
                    return input.sets.contains { $0.date == day && exercises.contains($0.exerciseID) }
                }.count
                result.append(.init(weekOf: monday, sessions: sessions, target: weeklyActivationTarget))
            }
            monday = monday.adding(days: 7)
        }
        return result
    }

    /// Wake-up calls per day with planned, answered or uncounted calls.
    static func wakeUps(
        _ input: ProgressInput, in period: ClosedRange<CivilDate>,
        plan: (CivilDate) -> ProgressInput.PlanPeriod?
    ) -> [ProgressReport.DayWakeUps] {
        // Answers with a time answer a call: each is mapped with the plan in force on its date.
        var answered: [LocalDateTime: AnsweredCall] = [:]
        var uncounted: [CivilDate: Int] = [:]
        var untimed: [CivilDate: (done: Int, skipped: Int)] = [:]
        // In time order, so that of several answers to one call the earliest counts.
        let ordered = input.wakeUps.enumerated().sorted { lhs, rhs in
            let left = lhs.element.at ?? LocalDateTime(date: lhs.element.date, secondOfDay: 0)
            let right = rhs.element.at ?? LocalDateTime(date: rhs.element.date, secondOfDay: 0)
            return (left, lhs.offset) < (right, rhs.offset)
        }.map(\.element)
        for answer in ordered {
            guard let at = answer.at else {
                var counts = untimed[answer.date] ?? (0, 0)
                if answer.done { counts.done += 1 } else { counts.skipped += 1 }
                untimed[answer.date] = counts
                continue
            }
            let log = WakeUpLog(at: at, outcome: answer.done ? .done : .skip)
            guard let call = plan(at.date)?.wakeUpCalls.answeredCalls([log]).first?.call else {
                uncounted[at.date, default: 0] += 1
                continue
            }
            if var entry = answered[call] {
                if answer.done { entry.outcome = .done }
                entry.logs += 1
                answered[call] = entry
                uncounted[at.date, default: 0] += 1
            } else {
                answered[call] = AnsweredCall(call: call, outcome: log.outcome, logs: 1)
            }
        }
        var result: [ProgressReport.DayWakeUps] = []
        var day = period.lowerBound
        while day <= period.upperBound {
            let planned = plan(day)?.wakeUpCalls.calls(on: day).count ?? 0
            let calls = answered.values.filter { $0.call.date == day }
            let doneCalls = calls.filter { $0.outcome == .done }.count
            let loose = untimed[day] ?? (0, 0)
            // Never more answered than planned: what does not fit is uncounted.
            let done = min(planned, doneCalls + loose.done)
            let skipped = min(planned - done, calls.count - doneCalls + loose.skipped)
            let extra = calls.count + loose.done + loose.skipped - done - skipped + uncounted[day, default: 0]
            if planned > 0 || done + skipped + extra > 0 {
                result.append(.init(date: day, planned: planned, done: done, skipped: skipped, uncounted: extra))
            }
            day = day.adding(days: 1)
        }
        return result
    }

    /// Single-leg bridge reps, one point per test occasion: assessments and bridge retests.
    static func bridgePoints(_ input: ProgressInput, in period: ClosedRange<CivilDate>) -> [ProgressReport.RepsPoint] {
        // Retests first on a day, so that an assessment the retest made (same reps) adds nothing.
        let measured =
            input.bridgeRetests.map {
                (date: $0.date, retestOf: Optional("single-leg-bridge"), values: $0.reps, retest: true)
            }
            + input.assessments.compactMap { point in
                point.bridgeReps.map { (date: point.date, retestOf: point.retestOf, values: $0, retest: false) }
            }
        var points: [ProgressReport.RepsPoint] = []
        var previous: PerSide<Int>?
        for entry in measured.enumerated().sorted(by: { lhs, rhs in
            (lhs.element.date, lhs.element.retest ? 0 : 1, lhs.offset) < (
                rhs.element.date, rhs.element.retest ? 0 : 1, rhs.offset
            )
        }).map(\.element) {
            defer { previous = entry.values }
            if !entry.retest {
                // An assessment made by a retest repeats the bridge result unless the retest was
                // the bridge's, whose own row is already there.
                if entry.retestOf != nil { continue }
                if entry.values == previous { continue }
            }
            points.append(
                .init(
                    date: entry.date, source: entry.retest ? .retest : .assessment, left: entry.values.left,
                    right: entry.values.right))
        }
        return points.filter { period.contains($0.date) }
    }

    /// The test occasions among assessment measurements of `test`, oldest first: an assessment
    /// made by a retest of another test, or (origin unknown) one repeating the measurement before
    /// it, is a copy and left out.
    static func testOccasions(_ measured: [(date: CivilDate, retestOf: String?, values: PerSide<Int>)], test: String)
        -> [(date: CivilDate, values: PerSide<Int>)]
    {
        var occasions: [(date: CivilDate, values: PerSide<Int>)] = []
        var previous: PerSide<Int>?
        for entry in measured.enumerated().sorted(by: { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) })
            .map(\.element)
        {
            defer { previous = entry.values }
            if let retest = entry.retestOf, retest != test { continue }
            if entry.retestOf == nil, entry.values == previous { continue }
            occasions.append((entry.date, entry.values))
        }
        return occasions
    }

    /// The heaviest load per exercise per day, exercises by id.
    static func loads(_ sets: [ProgressInput.LoggedSet], in period: ClosedRange<CivilDate>) -> [ProgressReport
        .LoadSeries]
    {
        var heaviest: [String: [CivilDate: Load]] = [:]
        for set in sets where period.contains(set.date) {
            guard let load = set.load else { continue }
            if let current = heaviest[set.exerciseID]?[set.date], kilograms(current) >= kilograms(load) { continue }
            heaviest[set.exerciseID, default: [:]][set.date] = load
        }
        return heaviest.keys.sorted().map { id in
            let days = heaviest[id] ?? [:]
            return .init(
                exerciseID: id,
                points: days.keys.sorted().compactMap { day in
                    days[day].map { ProgressReport.LoadPoint(date: day, load: $0) }
                })
        }
    }

    /// The findings of the first assessment against the latest.
    static func findings(_ assessments: [ProgressInput.AssessmentPoint]) -> ProgressReport.FindingChanges {
        let ordered = assessments.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
        let first = ordered.first?.element, latest = ordered.last?.element
        let firstCodes = unique(first?.findingCodes ?? []), latestCodes = unique(latest?.findingCodes ?? [])
        return .init(
            firstOn: first?.date, latestOn: latest?.date, first: firstCodes, latest: latestCodes,
            resolved: firstCodes.filter { !latestCodes.contains($0) },
            new: latestCodes.filter { !firstCodes.contains($0) })
    }

    private static func sidePoint(
        _ date: CivilDate, _ source: ProgressReport.Source,
        _ values: PerSide<Int>
    ) -> ProgressReport.SidePoint {
        .init(date: date, source: source, values: values, index: AsymmetryIndex.value(values))
    }

    private static func kilograms(_ load: Load) -> Double {
        load.unit == .kg ? load.value : load.value * 0.453_592_37
    }

    private static func unique(_ codes: [String]) -> [String] {
        var seen: Set<String> = []
        return codes.filter { seen.insert($0).inserted }
    }
}

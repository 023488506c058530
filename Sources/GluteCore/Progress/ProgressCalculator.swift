/// Turns a ``ProgressInput`` into a ``ProgressReport``: a pure function of its input.
///
/// - Adherence: a day counts as an activation session when at least one exercise of the
///   activation sessions of the plan in force that day was logged; weeks start on Monday and the
///   target is ``weeklyActivationTarget``. Wake-up calls are counted per day against the plan's
///   calls for that day (one every `everyMinutes` after `start`, before `end`, on `days`).
/// - Asymmetry: |L-R|/max(L,R) of single-leg bridge reps (assessments, retests and the best
///   logged reps per side per day of ``bridgeExercise``) and of squeeze strength (assessments).
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
    /// The exercise whose logged reps chart alongside the single-leg bridge test.
    public static let bridgeExercise = "single-leg-glute-bridge"

    /// The report of `input`.
    public static func report(_ input: ProgressInput) -> ProgressReport {
        let from = input.today.startOfWeek.adding(days: -7 * max(0, input.weeks - 1))
        let period = from...input.today
        let plans = input.plans.enumerated()
            .sorted { ($0.element.startsOn, $0.offset) < ($1.element.startsOn, $1.offset) }.map(\.element)
        func plan(on day: CivilDate) -> ProgressInput.PlanPeriod? { plans.last { $0.startsOn <= day } }
        let bridge = bridgePoints(input, in: period)
        let squeeze = input.assessments.sorted { $0.date < $1.date }.compactMap { point in
            point.squeezeStrength.map { sidePoint(point.date, .assessment, $0) }
        }.filter { period.contains($0.date) }
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

    /// Wake-up calls per day with planned or answered calls.
    static func wakeUps(
        _ input: ProgressInput, in period: ClosedRange<CivilDate>,
        plan: (CivilDate) -> ProgressInput.PlanPeriod?
    ) -> [ProgressReport.DayWakeUps] {
        var answers: [CivilDate: (done: Int, skipped: Int)] = [:]
        for answer in input.wakeUps where period.contains(answer.date) {
            var counts = answers[answer.date] ?? (0, 0)
            if answer.done { counts.done += 1 } else { counts.skipped += 1 }
            answers[answer.date] = counts
        }
        var result: [ProgressReport.DayWakeUps] = []
        var day = period.lowerBound
        while day <= period.upperBound {
            let planned = plan(day).map { WakeUpSchedule(calls: $0.wakeUpCalls).times(on: day.weekday).count } ?? 0
            let counts = answers[day] ?? (0, 0)
            if planned > 0 || counts.done + counts.skipped > 0 {
                result.append(.init(date: day, planned: planned, done: counts.done, skipped: counts.skipped))
            }
            day = day.adding(days: 1)
        }
        return result
    }

    /// Single-leg bridge reps from assessments, retests and the best logged set per side per day.
    static func bridgePoints(_ input: ProgressInput, in period: ClosedRange<CivilDate>) -> [ProgressReport.RepsPoint] {
        var points: [ProgressReport.RepsPoint] = input.assessments.compactMap { point in
            point.bridgeReps.map { .init(date: point.date, source: .assessment, left: $0.left, right: $0.right) }
        }
        points += input.bridgeRetests.map {
            .init(date: $0.date, source: .retest, left: $0.reps.left, right: $0.reps.right)
        }
        var best: [CivilDate: (left: Int?, right: Int?)] = [:]
        for set in input.sets where set.exerciseID == bridgeExercise {
            guard let side = set.side, let reps = set.reps.max() else { continue }
            var day = best[set.date] ?? (nil, nil)
            if side == .left { day.left = max(day.left ?? 0, reps) } else { day.right = max(day.right ?? 0, reps) }
            best[set.date] = day
        }
        points += best.map { .init(date: $0.key, source: .log, left: $0.value.left, right: $0.value.right) }
        let order = ProgressReport.Source.allCases
        return points.filter { period.contains($0.date) }.enumerated().sorted { lhs, rhs in
            (lhs.element.date, order.firstIndex(of: lhs.element.source) ?? 0, lhs.offset)
                < (rhs.element.date, order.firstIndex(of: rhs.element.source) ?? 0, rhs.offset)
        }.map(\.element)
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

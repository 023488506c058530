/// Makes the weekly plan from an assessment and its findings (PRODUCT.md section 3).
///
/// Deterministic: the same assessment, findings and start date give the same plan. Returns
/// `nil` when any finding has severity `stop`.
///
/// ```swift
/// let findings = FindingRules.findings(for: assessment)
/// let plan = PlanGenerator.plan(for: assessment, findings: findings, knowledge: knowledge, startingOn: today)
/// ```
public enum PlanGenerator {
    /// Weeks until the reassessment (PRODUCT.md: every 4 weeks).
    public static let reassessmentDays = 28
    /// Default minutes of sitting between wake-up calls (source article: "every hour you spend
    /// sitting"); the format allows 30 to 90.
    public static let defaultWakeUpMinutes = 60
    /// The interval between wake-up calls that the format allows, in minutes.
    public static let wakeUpMinutesRange = 30...90

    /// The plan, or `nil` when a finding stops the flow.
    public static func plan(
        for assessment: Assessment, findings: [Finding], knowledge: KnowledgeBase,
        startingOn start: CivilDate
    ) -> Plan? {
        guard !findings.stopsPlan else { return nil }
        let context = PlanContext(assessment: assessment, findings: findings, knowledge: knowledge)
        let profile = assessment.profile
        let activation = ActivationBuilder.session(context)
        let activationCount =
            findings.has(.recruitmentDeficit)
            ? ActivationBuilder.recruitmentSessionsPerWeek : ActivationBuilder.baseSessionsPerWeek
        let strengthDays = DayPicker.spread(
            count: min(profile.trainingDays.count, StrengthBuilder.maximumSessions(profile.experience)),
            preferring: profile.trainingDays, fallback: [])
        // Activation is the warm-up of a strength day when both fit the person's minutes;
        // otherwise it goes on the other days, so that strength days keep their whole time.
        let bothFit = profile.minutesPerSession >= activation.minutes + StrengthBuilder.minimumMinutes
        let otherDays = Weekday.allCases.filter { !strengthDays.contains($0) }
        let activationDays = DayPicker.spread(
            count: activationCount,
            preferring: bothFit
                ? strengthDays + profile.trainingDays + profile.workHours.days
                : otherDays.filter(profile.workHours.days.contains) + otherDays,
            fallback: Weekday.allCases)
        var notes: [String] = []
        var week: [PlanDay] = []
        var strengthIndex = 0
        // Sessions depend only on the minutes left and the A/B variant: build each once.
        var strengthCache: [Int: Session?] = [:]
        for day in Weekday.allCases {
            var sessions: [Session] = []
            if activationDays.contains(day) { sessions.append(activation) }
            if strengthDays.contains(day) {
                let left = profile.minutesPerSession - (activationDays.contains(day) ? activation.minutes : 0)
                let key = left * 2 + strengthIndex % 2
                let built =
                    strengthCache[key] ?? StrengthBuilder.session(context, minutes: left, variant: strengthIndex)
                strengthCache[key] = built
                if let strength = built {
                    sessions.append(strength)
                    strengthIndex += 1
                }
            }
            if !sessions.isEmpty { week.append(PlanDay(day: day, sessions: sessions)) }
        }
        if profile.trainingDays.isEmpty {
            notes.append(
                "No training days were given, so the plan has activation sessions only; add days to get strength sessions."
            )
        } else if strengthIndex == 0 {
            notes.append(
                "\(profile.minutesPerSession) minutes leave no room for strength work after activation; with \(StrengthBuilder.minimumMinutes + activation.minutes) minutes or more a strength session fits."
            )
        }
        if profile.trainingDays.count > strengthDays.count {
            notes.append(
                "Strength work is capped at \(strengthDays.count) days a week for \(profile.experience.rawValue) lifters (ACSM 2009); the other days can be rest or walking."
            )
        }
        return Plan(
            startsOn: start, wakeUpCalls: wakeUpCalls(context), week: week, gates: PlanGates.gates(context),
            reassessOn: start.adding(days: reassessmentDays), ergonomics: ergonomics(findings, profile), notes: notes)
    }

    static func wakeUpCalls(_ context: PlanContext) -> WakeUpCalls {
        let hours = context.profile.workHours
        let weaker = context.weaker
        let squeezeText =
            weaker.map {
                "Stand and squeeze both glutes for 30 seconds, then the \($0.rawValue) glute alone for 15 more."
            }
            ?? "Stand and squeeze both glutes for 30 seconds."
        var why = ["wake-up-call"]
        if context.findings.has(.prolongedSitting) { why.append("prolonged-sitting") }
        if context.findings.has(.recruitmentDeficit) { why.append("recruitment-deficit") }
        // The person's interval, kept inside the range the format allows.
        let every = min(
            max(context.profile.wakeUpEveryMinutes, wakeUpMinutesRange.lowerBound), wakeUpMinutesRange.upperBound)
        return WakeUpCalls(
            everyMinutes: every, start: hours.start, end: hours.end, days: hours.days,
            options: [
                WakeUpOption(
                    exercise: "glute-bridge", reps: 10, seconds: nil, weakerSideExtraSeconds: nil, weakerSide: nil,
                    text: "10 bodyweight glute bridges, squeezing at the top."),
                WakeUpOption(
                    exercise: "standing-glute-squeeze", reps: nil, seconds: 30,
                    weakerSideExtraSeconds: weaker == nil ? nil : 15, weakerSide: weaker, text: squeezeText),
            ],
            why: why)
    }

    static func ergonomics(_ findings: [Finding], _ profile: Profile) -> [ChecklistItem] {
        guard findings.has(.prolongedSitting) else { return [] }
        return [
            ChecklistItem(
                id: "lumbar-support", text: "Use a lumbar support or a rolled towel so you sit tall without slumping."),
            ChecklistItem(
                id: "standing-desk",
                text: "Try a standing-desk converter and swap between sitting and standing through the day."),
            ChecklistItem(
                id: "break-habit",
                text:
                    "Stand up at every wake-up call; a 2-minute walk every 20-30 minutes helped blood sugar in Dunstan et al. 2012."
            ),
            ChecklistItem(
                id: "seat-height",
                text: "Set the seat so your feet are flat and your hips level with or slightly above your knees."),
            ChecklistItem(
                id: "screen-height", text: "Put the top of the screen at eye level so you are not pulled forward."),
        ]
    }
}

/// Chooses days spread over the week.
enum DayPicker {
    /// `count` days from `preferring` (then `fallback` when there are not enough): of all such
    /// sets, the one whose closest two days (counting round the week) are farthest apart, then
    /// the one using the most preferred days, then the earliest in preference order.
    static func spread(count: Int, preferring: [Weekday], fallback: [Weekday]) -> [Weekday] {
        // Work on week bit masks (bit 0 = Monday): at most 128 subsets, no allocation per subset.
        var poolMask = 0, preferredMask = 0
        var position = [Int](repeating: 0, count: 7)  // rank of each day in preference order
        var rank = 0
        for day in preferring + fallback where poolMask & (1 << day.index) == 0 {
            poolMask |= 1 << day.index
            position[day.index] = rank
            rank += 1
        }
        for day in preferring { preferredMask |= 1 << day.index }
        let size = min(count, poolMask.nonzeroBitCount)
        guard size > 0 else { return [] }
        var best = (mask: 0, gap: -1, preferred: -1, order: Int.max)
        for mask in 1..<128 where mask & poolMask == mask && mask.nonzeroBitCount == size {
            let gap = minimumGap(weekMask: mask)
            let preferredCount = (mask & preferredMask).nonzeroBitCount
            var order = 0
            for day in 0..<7 where mask & (1 << day) != 0 { order += position[day] }
            if (gap, preferredCount, -order) > (best.gap, best.preferred, -best.order) {
                best = (mask, gap, preferredCount, order)
            }
        }
        return Weekday.allCases.filter { best.mask & (1 << $0.index) != 0 }
    }

    /// The smallest distance in days between two days of a week bit mask (bit 0 = Monday),
    /// counting round the week; 7 for a single day.
    static func minimumGap(weekMask: Int) -> Int {
        var first = -1, previous = -1, gap = 7
        for day in 0..<7 where weekMask & (1 << day) != 0 {
            if previous >= 0 { gap = min(gap, day - previous) } else { first = day }
            previous = day
        }
        guard first >= 0, previous != first else { return 7 }
        return min(gap, 7 - (previous - first))
    }

}

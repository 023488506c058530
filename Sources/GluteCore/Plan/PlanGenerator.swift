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
        // A strength session needs its minimum minutes; without them the training days are free
        // for activation.
        let strengthFits = profile.minutesPerSession >= StrengthBuilder.minimumMinutes
        let strengthDays =
            strengthFits
            ? DayPicker.spread(
                count: min(profile.trainingDays.count, StrengthBuilder.maximumSessions(profile.experience)),
                tiers: [profile.trainingDays]) : []
        let activationDays = DayPicker.spread(
            count: activationCount,
            tiers: activationTiers(
                profile, strengthDays: strengthDays,
                bothFit: profile.minutesPerSession >= activation.minutes + StrengthBuilder.minimumMinutes))
        var notes: [String] = []
        var week: [PlanDay] = []
        var strengthIndex = 0
        // Sessions depend only on the minutes left, the A/B variant and the loaded hinges of the
        // neighbouring days: build each once.
        var strengthCache: [String: Session?] = [:]
        var strengthByDay: [Weekday: Session] = [:]
        for day in Weekday.allCases where strengthDays.contains(day) {
            let left = profile.minutesPerSession - (activationDays.contains(day) ? activation.minutes : 0)
            // No identical loaded hinge on consecutive days (the week wraps from Sunday to Monday).
            let avoid = StrengthBuilder.heavyHinges(strengthByDay[Weekday(index: day.index - 1)], knowledge: knowledge)
                .union(StrengthBuilder.heavyHinges(strengthByDay[Weekday(index: day.index + 1)], knowledge: knowledge))
            let key = "\(left) \(strengthIndex % 2) \(avoid.sorted())"
            let built =
                strengthCache[key]
                ?? StrengthBuilder.session(context, minutes: left, variant: strengthIndex, avoid: avoid)
            strengthCache[key] = built
            if let strength = built {
                strengthByDay[day] = strength
                strengthIndex += 1
            }
        }
        for day in Weekday.allCases {
            var sessions: [Session] = []
            if activationDays.contains(day) { sessions.append(activation) }
            if let strength = strengthByDay[day] { sessions.append(strength) }
            if !sessions.isEmpty { week.append(PlanDay(day: day, sessions: sessions)) }
        }
        if findings.has(.neuralSymptoms) {
            notes.append(
                "You reported numbness or tingling down a leg: have a doctor or physiotherapist look at it. Until then the plan is cautious: bodyweight and band work only, no Romanian or single-leg deadlifts, swings or deep-rotator stretches, and any exercise that brings the symptoms on stops at once."
            )
        }
        if profile.trainingDays.isEmpty {
            notes.append(
                "No training days were given, so the plan has activation sessions only; add days to get strength sessions."
            )
        } else if !strengthFits {
            notes.append(
                "\(profile.minutesPerSession) minutes are too few for a strength session (it needs \(StrengthBuilder.minimumMinutes)), so your training days get activation sessions; with \(StrengthBuilder.minimumMinutes + activation.minutes) minutes or more a strength session fits after activation."
            )
        } else if strengthIndex == 0 {
            notes.append(
                "\(profile.minutesPerSession) minutes leave no room for strength work after activation; with \(StrengthBuilder.minimumMinutes + activation.minutes) minutes or more a strength session fits."
            )
        }
        if strengthFits, profile.trainingDays.count > strengthDays.count {
            notes.append(
                "Strength work is capped at \(strengthDays.count) days a week for \(profile.experience.rawValue) lifters (ACSM 2009); the other days can be rest or walking."
            )
        }
        return Plan(
            startsOn: start, wakeUpCalls: wakeUpCalls(context), week: week, gates: PlanGates.gates(context),
            reassessOn: start.adding(days: reassessmentDays), ergonomics: ergonomics(findings, profile), notes: notes)
    }

    /// The days activation sessions go on, in order of preference (``DayPicker/spread(count:tiers:)``
    /// uses every day of a tier before the next).
    ///
    /// - When activation and strength both fit the minutes, activation is the warm-up of the
    ///   strength days, then goes on the other training days, then the work days.
    /// - When no strength session fits at all, activation takes the training days the person
    ///   gave, then their work days.
    /// - When a strength session fits but not after activation, activation goes on the training
    ///   days without strength, then the work days without strength, so that strength days keep
    ///   their whole time; a strength day takes one only when the week has no other day left.
    ///
    /// Any other day is used only when these give fewer days than the plan needs.
    static func activationTiers(_ profile: Profile, strengthDays: [Weekday], bothFit: Bool) -> [[Weekday]] {
        let training = profile.trainingDays, work = profile.workHours.days, all = Weekday.allCases
        if bothFit { return [strengthDays, training, work, all] }
        if strengthDays.isEmpty { return [training, work, all] }
        func free(_ days: [Weekday]) -> [Weekday] { days.filter { !strengthDays.contains($0) } }
        return [free(training), free(work), free(all), strengthDays]
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
                    "Stand up at every wake-up call; in Dunstan et al. 2012, 2-minute walks every 20 minutes lowered blood sugar and insulin after a meal."
            ),
            ChecklistItem(
                id: "seat-height",
                text: "Set the seat so your feet are flat and your hips level with or slightly above your knees."),
            ChecklistItem(
                id: "screen-height", text: "Put the top of the screen at eye level so you are not pulled forward."),
        ]
    }
}

/// Builds the short activation session (5-10 minutes) from the findings: squeeze and bridge
/// drills for a recruitment problem, medius work for hip drop or knee valgus, pelvic-tilt drills
/// for an anterior tilt, hinge drills for a poor hinge, balance drills for a wobble.
enum ActivationBuilder {
    /// The shortest and longest activation session, in minutes (PRODUCT.md section 3; the source
    /// article's "5-10 minutes of targeted movement").
    static let minutes = 5...10
    /// Activation sessions per week: at least three (source article: "at least three times a
    /// week"); five while a recruitment deficit stands, since that is the first thing to fix.
    static let baseSessionsPerWeek = 3
    static let recruitmentSessionsPerWeek = 5

    struct Candidate {
        let ids: [String]
        let why: [String]
        var note: String? = nil
    }

    static func session(_ context: PlanContext) -> Session {
        let budget = min(minutes.upperBound, context.profile.minutesPerSession)
        var items: [(item: PlanItem, exercise: Exercise)] = []
        var total = 0
        for candidate in candidates(context) {
            // The first of the candidate's exercises that the person can do and that is neither in
            // the session nor a variant of one in it.
            guard
                let exercise = candidate.ids.lazy.compactMap({ context.knowledge.exercise($0) }).first(where: {
                    exercise in
                    context.canDo(exercise)
                        && !items.contains { $0.exercise.id == exercise.id || $0.exercise.isVariant(of: exercise) }
                })
            else { continue }
            let item = self.item(exercise, context, why: candidate.why, note: candidate.note)
            let seconds = SessionTiming.seconds(item, exercise)
            if SessionTiming.minutes(seconds: total + seconds) > budget { continue }
            items.append((item, exercise))
            total += seconds
            if items.count == 4 { break }
        }
        // Too short: add sets until the session reaches its minimum.
        var index = 0
        while SessionTiming.minutes(seconds: total) < minutes.lowerBound, !items.isEmpty, index < 12 {
            let position = index % items.count
            var longer = items[position]
            longer.item.sets += 1
            let added =
                SessionTiming.seconds(longer.item, longer.exercise)
                - SessionTiming.seconds(items[position].item, longer.exercise)
            if SessionTiming.minutes(seconds: total + added) > budget { break }
            items[position] = longer
            total += added
            index += 1
        }
        let focus = Set(items.flatMap(\.item.why)).intersection(Finding.Code.allCases.map(\.rawValue)).sorted()
        return Session(
            kind: .activation, minutes: max(minutes.lowerBound, SessionTiming.minutes(seconds: total)),
            focus: focus.isEmpty ? "keep the glutes switched on" : "activation for " + focus.joined(separator: ", "),
            items: items.map(\.item))
    }

    static func item(_ exercise: Exercise, _ context: PlanContext, why: [String], note: String?) -> PlanItem {
        let hold = exercise.holdSeconds
        // Short holds (a 5-second pelvic tilt) are counted in reps of that hold; long ones are timed.
        let counted = exercise.logMeasure == .reps
        let weakerNote: String? =
            exercise.isUnilateral && context.weaker != nil
            ? "Start with the \(context.weaker?.rawValue ?? "") side; the other side does the same reps, no more."
            : nil
        return PlanItem(
            exercise: exercise.id, side: context.sideOrder(for: exercise), sets: 2,
            reps: counted ? 12 : nil, repRange: counted ? 10...15 : nil, seconds: hold,
            load: nil, implement: nil, restSeconds: SessionTiming.activationTransitionSeconds,
            why: why, note: note ?? weakerNote)
    }

    static func candidates(_ context: PlanContext) -> [Candidate] {
        let findings = context.findings
        var list: [Candidate] = []
        if findings.has(.recruitmentDeficit) {
            list.append(
                Candidate(
                    ids: ["single-side-glute-squeeze", "standing-glute-squeeze"],
                    why: ["recruitment-deficit", "activation-first"]))
            list.append(
                Candidate(
                    ids: ["glute-bridge"], why: ["recruitment-deficit", "activation-first"],
                    note:
                        "Tuck the tailbone before you lift and stop each rep if the lower back or hamstrings take over."
                ))
        }
        if findings.has(.mediusWeakness) {
            list.append(Candidate(ids: ["banded-clamshell", "clamshell"], why: ["medius-weakness"]))
            list.append(
                Candidate(
                    ids: ["lateral-band-walk", "side-lying-hip-abduction", "fire-hydrant", "standing-hip-abduction"],
                    why: ["medius-weakness"]))
        }
        if findings.has(.anteriorPelvicTilt) {
            list.append(Candidate(ids: ["posterior-pelvic-tilt-drill"], why: ["anterior-pelvic-tilt"]))
        }
        if findings.has(.hingeDeficit) {
            list.append(Candidate(ids: ["hip-hinge-wall-drill"], why: ["hinge-deficit"]))
        }
        if findings.has(.balanceDeficit) {
            list.append(Candidate(ids: ["single-leg-balance"], why: ["balance-deficit"]))
        }
        if findings.has(.asymmetry), !findings.has(.recruitmentDeficit) {
            list.append(Candidate(ids: ["single-leg-glute-bridge"], why: ["asymmetry", "weaker-side-first"]))
        }
        if findings.has(.anteriorPelvicTilt) || findings.has(.prolongedSitting) {
            list.append(
                Candidate(
                    ids: ["half-kneeling-hip-flexor-stretch"],
                    why: findings.has(.anteriorPelvicTilt) ? ["anterior-pelvic-tilt"] : ["prolonged-sitting"]))
        }
        // The baseline that keeps the glutes working when nothing more specific applies.
        list.append(Candidate(ids: ["glute-bridge"], why: ["activation-baseline"]))
        list.append(Candidate(ids: ["clamshell"], why: ["activation-baseline"]))
        list.append(Candidate(ids: ["standing-glute-squeeze"], why: ["activation-baseline"]))
        list.append(Candidate(ids: ["quadruped-hip-extension"], why: ["activation-baseline"]))
        return list
    }
}

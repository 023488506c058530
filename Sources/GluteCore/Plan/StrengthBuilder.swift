/// Builds strength sessions: hinge-dominant hip work and single-leg work first, squats last and
/// never for a quad-dominant squatter; hip thrusts and load lead for a hypertrophy goal,
/// single-leg and band work for a stability goal.
enum StrengthBuilder {
    /// The shortest strength session worth doing, in minutes.
    static let minimumMinutes = 10

    /// Sessions per week by experience (ACSM 2009: 2-3 days a week for novices, 3-4 for
    /// intermediates, 4-5 for advanced lifters).
    static func maximumSessions(_ experience: Experience) -> Int {
        switch experience {
        case .novice: 3
        case .intermediate: 4
        case .advanced: 5
        }
    }

    struct Slot {
        let ids: [String]
        let why: [String]
        let role: Role
        /// Whether loaded, then band, then bodyweight exercises come first (hip hinges and thrusts).
        var byResistance = false
    }

    enum Role { case primary, secondary, accessory }

    /// A session fitted into `minutes`, or `nil` when not even one lift fits.
    ///
    /// `variant` alternates the single-leg and second hip exercise between sessions (A/B);
    /// `avoid` names loaded hinges done on the day before or after, which this session does not
    /// repeat.
    static func session(_ context: PlanContext, minutes: Int, variant: Int, avoid: Set<String> = []) -> Session? {
        guard minutes >= minimumMinutes else { return nil }
        var items: [(item: PlanItem, exercise: Exercise)] = []
        for slot in slots(context, variant: variant) {
            guard let exercise = firstFitting(slot, context, chosen: items.map(\.exercise), avoid: avoid) else {
                continue
            }
            items.append((item(exercise, context, slot: slot), exercise))
        }
        items = fit(items, minutes: minutes)
        guard !items.isEmpty else { return nil }
        let goal = context.profile.goal.rawValue
        return Session(
            kind: .strength, minutes: SessionTiming.minutes(items),
            focus: "hinge and single-leg strength (\(goal) goal)", items: items.map(\.item))
    }

    /// The loaded hinges of `session`: what the next and previous days must not repeat.
    static func heavyHinges(_ session: Session?, knowledge: KnowledgeBase) -> Set<String> {
        Set(
            (session?.items ?? []).filter { $0.load != nil && knowledge.exercise($0.exercise)?.pattern == .hinge }
                .map(\.exercise))
    }

    /// The hardest exercise (1-5) offered at each experience level.
    static func maximumDifficulty(_ experience: Experience) -> Int {
        switch experience {
        case .novice: 3
        case .intermediate: 4
        case .advanced: 5
        }
    }

    /// The first exercise of `slot` within the experience cap that the person can do and that is
    /// neither in the session already nor a variant of one in it (never an exercise with its
    /// easier or harder form), skipping loaded hinges in `avoid`.
    ///
    /// Where the slot ranks by resistance, exercises that will carry load come first, then
    /// band-resisted ones, then bodyweight ones.
    static func firstFitting(_ slot: Slot, _ context: PlanContext, chosen: [Exercise], avoid: Set<String>)
        -> Exercise?
    {
        let cap = maximumDifficulty(context.profile.experience)
        var candidates = slot.ids.compactMap { context.knowledge.exercise($0) }.filter { exercise in
            exercise.difficulty <= cap && context.canDo(exercise)
                && !chosen.contains { $0.id == exercise.id || $0.isVariant(of: exercise) }
                && !(exercise.pattern == .hinge && avoid.contains(exercise.id) && context.carriesLoad(exercise))
        }
        if slot.byResistance {
            candidates = [0, 1, 2].flatMap { rank in candidates.filter { resistanceRank($0, context) == rank } }
        }
        return candidates.first
    }

    /// 0 for an exercise that will carry external load, 1 for a band-resisted one, 2 otherwise.
    static func resistanceRank(_ exercise: Exercise, _ context: PlanContext) -> Int {
        context.carriesLoad(exercise) ? 0 : exercise.loadType == .band ? 1 : 2
    }

    static func slots(_ context: PlanContext, variant: Int) -> [Slot] {
        let findings = context.findings
        let goal = context.profile.goal
        let advanced = context.profile.experience != .novice
        let hingeLoaded = context.loadedHingeAllowed
        // Loaded hinges first, then band-resisted ones, then bodyweight; the B session starts
        // from the second of each kind, so that sessions on consecutive days differ.
        var hingeIDs =
            hingeLoaded
            ? (advanced && goal == .strength ? ["conventional-deadlift"] : [])
                + ["romanian-deadlift", "kettlebell-deadlift", "kettlebell-swing"] : []
        var bandHinges = ["band-pull-through", "banded-good-morning"]
        if variant % 2 == 1 {
            hingeIDs = Array(hingeIDs.dropFirst()) + hingeIDs.prefix(1)
            bandHinges.reverse()
        }
        let hinge = Slot(
            ids: hingeIDs + bandHinges + ["hip-hinge-wall-drill"],
            why: ["hinge-first"] + (findings.has(.hingeDeficit) ? ["hinge-deficit"] : [])
                + (findings.has(.recruitmentDeficit) ? ["recruitment-deficit"] : []),
            role: .primary, byResistance: true)
        let thrust = Slot(
            ids: ["hip-thrust", "banded-hip-thrust", "glute-bridge", "banded-glute-bridge"],
            why: ["hinge-first"] + (goal == .hypertrophy ? ["goal-hypertrophy"] : []), role: .primary,
            byResistance: true)
        let balanceFirst = findings.has(.balanceDeficit) || context.profile.experience == .novice
        let singleLegA =
            balanceFirst
            ? ["split-squat", "step-up", "reverse-lunge"]
            : ["bulgarian-split-squat", "reverse-lunge", "split-squat", "step-up"]
        let singleLegB =
            balanceFirst
            ? ["step-up", "split-squat", "b-stance-romanian-deadlift"]
            : ["single-leg-romanian-deadlift", "step-up", "lateral-step-up", "walking-lunge", "split-squat"]
        let singleLegWhy =
            ["single-leg-work"] + (context.weaker != nil ? ["weaker-side-first"] : [])
            + (findings.has(.mediusWeakness) ? ["medius-weakness"] : [])
        let singleLeg = Slot(ids: variant % 2 == 0 ? singleLegA : singleLegB, why: singleLegWhy, role: .secondary)
        let secondSingleLeg = Slot(
            ids: variant % 2 == 0 ? singleLegB : singleLegA, why: singleLegWhy + ["goal-stability"],
            role: .secondary)
        let medius = Slot(
            ids: [
                "side-plank-hip-abduction", "monster-walk", "lateral-band-walk", "side-plank",
                "side-lying-hip-abduction",
            ],
            why: (findings.has(.mediusWeakness) ? ["medius-weakness"] : []) + ["pelvic-stability"], role: .accessory)
        let squatAllowed =
            !findings.has(.quadDominant) && context.assessment.tests.bodyweightSquatFeltIn != .lowerBack
            && goal != .stability
        let squat = Slot(ids: ["goblet-squat", "box-squat", "back-squat"], why: ["squat-secondary"], role: .accessory)

        var slots: [Slot]
        switch goal {
        case .hypertrophy: slots = [thrust, hinge, singleLeg, medius]
        case .strength:
            slots = variant % 2 == 0 ? [hinge, singleLeg, thrust, medius] : [thrust, singleLeg, hinge, medius]
        case .stability: slots = [hinge, singleLeg, secondSingleLeg, medius, thrust]
        }
        if squatAllowed { slots.append(squat) }
        return slots
    }

    static func item(_ exercise: Exercise, _ context: PlanContext, slot: Slot) -> PlanItem {
        let profile = context.profile
        let novice = profile.experience == .novice
        var sets: Int
        var range: ClosedRange<Int>
        switch (profile.goal, slot.role) {
        case (_, .accessory): sets = 2; range = 10...15
        case (.strength, .primary) where !novice: sets = 4; range = 5...8
        case (.hypertrophy, _): sets = 3; range = 8...12
        case (.stability, _): sets = 2; range = 10...15
        default: sets = novice ? 2 : 3; range = 8...12
        }
        if context.findings.has(.neuralSymptoms) || context.findings.has(.painNow) { sets = 2 }
        var load: Load?
        var implement: Equipment?
        if context.loadAllowed(for: exercise),
            let tool = StartingLoad.implement(for: exercise, available: profile.equipment)
        {
            implement = tool
            load = StartingLoad.load(
                for: exercise, implement: tool, experience: profile.experience, unit: profile.units)
        }
        if load == nil { range = unloadedRange(exercise) ?? range }
        // A drill is technique practice: two sets are enough.
        if exercise.pattern == .drill { sets = min(sets, 2) }
        let hold = exercise.holdSeconds
        // Short holds are counted in reps of that hold; long ones are timed.
        let counted = exercise.logMeasure == .reps
        return PlanItem(
            exercise: exercise.id, side: context.sideOrder(for: exercise), sets: sets,
            reps: counted ? range.lowerBound : nil, repRange: counted ? range : nil, seconds: hold,
            load: load, implement: implement, restSeconds: slot.role == .accessory ? 45 : 90,
            why: slot.why + (load == nil && exercise.loadable ? gatedReasons(exercise, context) : []),
            note: load.map { _ in
                "Starting load: pick a weight that leaves two or three reps in reserve; GluteCoach adjusts it from your logs."
            })
    }

    /// The rep range of an exercise done without external load, where the loaded ranges (5-8,
    /// 8-12) would be too easy to build strength: 15-25 for easy two-legged work, 12-20 for the
    /// rest, so that the last reps are hard; a drill keeps technique reps (10-15).
    static func unloadedRange(_ exercise: Exercise) -> ClosedRange<Int>? {
        guard !exercise.isHold else { return nil }
        if exercise.pattern == .drill { return 10...15 }
        return !exercise.isUnilateral && exercise.difficulty <= 2 ? 15...25 : 12...20
    }

    /// Why an exercise that could carry load carries none.
    static func gatedReasons(_ exercise: Exercise, _ context: PlanContext) -> [String] {
        var reasons: [String] = []
        if context.findings.first(.medicalClearance).map({ $0.severity != .info }) == true {
            reasons.append("medical-clearance")
        }
        if context.findings.has(.painNow) { reasons.append("pain-now") }
        if context.findings.has(.neuralSymptoms) { reasons.append("neural-symptoms") }
        if exercise.isStandingSingleLeg, context.findings.has(.balanceDeficit) { reasons.append("balance-deficit") }
        if [.hinge, .thrust, .bridge].contains(exercise.pattern) {
            if context.findings.has(.recruitmentDeficit) { reasons.append("recruitment-deficit") }
            if context.findings.has(.hingeDeficit) { reasons.append("hinge-deficit") }
        }
        return reasons
    }

    /// Shortens a session until it fits: less rest, then fewer sets from the end, then fewer items.
    static func fit(_ items: [(item: PlanItem, exercise: Exercise)], minutes: Int) -> [(
        item: PlanItem, exercise: Exercise
    )] {
        var items = items
        while !items.isEmpty, SessionTiming.minutes(items) > minutes {
            if let index = items.indices.last(where: { items[$0].item.restSeconds > 45 }) {
                items[index].item.restSeconds = 45
            } else if let index = items.indices.last(where: { items[$0].item.sets > 2 }) {
                items[index].item.sets -= 1
            } else {
                items.removeLast()
            }
        }
        return items
    }
}

/// A safety revision of a plan: an exercise that hurt comes out of every session, replaced where
/// something safe can take its place.
///
/// Pure and deterministic: the application layer decides when a logged pain calls for it (pain
/// of ``ProgressionRules/stopPain`` or more), stores ``plan`` as a new version and uses
/// ``reason`` as the version's reason.
///
/// In each session the exercise is replaced by, in order:
/// 1. its first easier variant that fits, else
/// 2. another exercise of the same movement pattern that fits, easier ones and ones of the same
///    laterality first, then in catalogue order,
///
/// where "fits" means: the person's equipment allows it, it needs no external load, it is not
/// painful (not the exercise itself nor one in `painful`), it is not already in that session nor
/// an easier or harder variant of an exercise there, and it does not provoke neural symptoms
/// while the plan carries the `no-neural-provocation` gate. When nothing fits the item is
/// dropped, and a session left empty goes with it. The replacement starts without load, keeps
/// the sets and rest, takes a rep range that suits it (``StrengthBuilder``'s bodyweight ranges
/// in strength sessions) and names `pain-swap` first in its `why`. A wake-up option that uses
/// the exercise is dropped while another option remains.
///
/// ```swift
/// if let revision = PlanRevision.painSwap(
///     in: plan, exercise: "split-squat", pain: 5, equipment: profile.equipment, knowledge: knowledge)
/// {
///     store(revision.plan, reason: revision.reason)
/// }
/// ```
public struct PlanRevision: Sendable, Equatable {
    /// What happened to the exercise in one session.
    public struct Swap: Sendable, Equatable {
        /// The day of the session.
        public var day: Weekday
        /// The kind of session.
        public var kind: Session.Kind
        /// The exercise taken out.
        public var removed: String
        /// What took its place, or `nil` when nothing could and the item was dropped.
        public var replacement: String?
    }

    /// The `why` code that a replacement names first.
    public static let painSwapCode = "pain-swap"

    /// The revised plan.
    public var plan: Plan
    /// One entry per session that held the exercise, in week order.
    public var swaps: [Swap]
    /// The change in plain words, for the plan version's reason.
    public var reason: String

    /// The plan without `exercise`, which hurt with `pain` out of 10.
    ///
    /// - Parameters:
    ///   - plan: The plan in force.
    ///   - exercise: The id of the exercise that hurt.
    ///   - pain: The pain reported, 0-10.
    ///   - equipment: The person's equipment.
    ///   - knowledge: The catalogue.
    ///   - painful: Other exercises that hurt recently; they are not used as replacements.
    /// - Returns: The revision, or `nil` when `pain` is below ``ProgressionRules/stopPain`` or no
    ///   session holds the exercise.
    public static func painSwap(
        in plan: Plan, exercise id: String, pain: Int, equipment: [Equipment], knowledge: KnowledgeBase,
        painful: Set<String> = []
    ) -> PlanRevision? {
        guard pain >= ProgressionRules.stopPain, let hurt = knowledge.exercise(id),
            plan.sessions.contains(where: { $0.session.items.contains { $0.exercise == id } })
        else { return nil }
        let avoid = painful.union([id])
        let neuralCaution = plan.gates.contains { $0.code == "no-neural-provocation" }
        let weakerFirst = plan.sessions.flatMap(\.session.items).first { [.leftFirst, .rightFirst].contains($0.side) }?
            .side
        var revised = plan
        var swaps: [Swap] = []
        revised.week = plan.week.compactMap { day in
            let sessions = day.sessions.compactMap { session -> Session? in
                guard let index = session.items.firstIndex(where: { $0.exercise == id }) else { return session }
                var items = session.items
                let original = items.remove(at: index)
                let others = items.compactMap { knowledge.exercise($0.exercise) }
                func fits(_ candidate: Exercise) -> Bool {
                    !avoid.contains(candidate.id) && candidate.isPossible(with: equipment) && !candidate.needsLoad
                        && !(neuralCaution && candidate.provokesNeuralSymptoms)
                        && !others.contains { $0.id == candidate.id || $0.isVariant(of: candidate) }
                }
                let replacement = replacement(for: hurt, knowledge: knowledge, fits: fits)
                swaps.append(Swap(day: day.day, kind: session.kind, removed: id, replacement: replacement?.id))
                if let replacement {
                    items.insert(
                        item(
                            replacing: original, with: replacement, in: session.kind, hurt: hurt, pain: pain,
                            weakerFirst: weakerFirst),
                        at: index)
                }
                guard !items.isEmpty else { return nil }
                var changed = session
                changed.items = items
                changed.minutes = minutes(of: items, kind: session.kind, knowledge: knowledge)
                return changed
            }
            return sessions.isEmpty ? nil : PlanDay(day: day.day, sessions: sessions)
        }
        var droppedOption = false
        if revised.wakeUpCalls.options.contains(where: { $0.exercise == id }),
            revised.wakeUpCalls.options.contains(where: { $0.exercise != id })
        {
            revised.wakeUpCalls.options.removeAll { $0.exercise == id }
            droppedOption = true
        }
        let reason = describe(swaps, hurt: hurt, pain: pain, droppedOption: droppedOption)
        revised.notes.append(reason)
        return PlanRevision(plan: revised, swaps: swaps, reason: reason)
    }

    /// The first easier variant that fits, else the best-fitting exercise of the same pattern.
    static func replacement(for hurt: Exercise, knowledge: KnowledgeBase, fits: (Exercise) -> Bool) -> Exercise? {
        if let easier = hurt.easier.lazy.compactMap({ knowledge.exercise($0) }).first(where: fits) { return easier }
        let samePattern = knowledge.exercises.enumerated().filter {
            $0.element.pattern == hurt.pattern && fits($0.element)
        }
        return samePattern.min { lhs, rhs in
            key(lhs.element, hurt, lhs.offset).lexicographicallyPrecedes(key(rhs.element, hurt, rhs.offset))
        }?.element
    }

    /// Sort key among same-pattern candidates: not harder first, then the same laterality, then
    /// the closest difficulty, then catalogue order.
    private static func key(_ candidate: Exercise, _ hurt: Exercise, _ offset: Int) -> [Int] {
        [
            candidate.difficulty > hurt.difficulty ? 1 : 0, candidate.laterality == hurt.laterality ? 0 : 1,
            abs(candidate.difficulty - hurt.difficulty), offset,
        ]
    }

    /// The replacement item: unloaded, same sets and rest, a dose that suits the new exercise.
    static func item(
        replacing original: PlanItem, with exercise: Exercise, in kind: Session.Kind, hurt: Exercise, pain: Int,
        weakerFirst: SideOrder?
    ) -> PlanItem {
        let range: ClosedRange<Int>? =
            exercise.isHold
            ? nil : kind == .strength ? StrengthBuilder.unloadedRange(exercise) : original.repRange ?? 10...15
        let side: SideOrder =
            exercise.isUnilateral ? (hurt.isUnilateral ? original.side : weakerFirst ?? .both) : .both
        return PlanItem(
            exercise: exercise.id, side: side, sets: original.sets, reps: range?.lowerBound, repRange: range,
            seconds: exercise.holdSeconds, load: nil, implement: nil, restSeconds: original.restSeconds,
            why: [painSwapCode] + original.why.filter { $0 != painSwapCode },
            note:
                "In place of \(hurt.name.lowercased()), which hurt (pain \(pain)/10). Stop if this hurts too, and see a clinician if the pain stays."
        )
    }

    /// Session minutes after the change, timed as the builders time them.
    static func minutes(of items: [PlanItem], kind: Session.Kind, knowledge: KnowledgeBase) -> Int {
        let timed = items.compactMap { item in knowledge.exercise(item.exercise).map { (item: item, exercise: $0) } }
        let minutes = SessionTiming.minutes(timed)
        return kind == .activation ? max(ActivationBuilder.minutes.lowerBound, minutes) : minutes
    }

    /// The reason in words, for example "split squat hurt (pain 5/10): replaced by reverse-lunge
    /// on mon and wed; dropped on fri (nothing pain-free of the same pattern fits)".
    static func describe(_ swaps: [Swap], hurt: Exercise, pain: Int, droppedOption: Bool) -> String {
        var parts: [String] = []
        var seen: [String?] = []
        for swap in swaps where !seen.contains(swap.replacement) { seen.append(swap.replacement) }
        for replacement in seen {
            let days = swaps.filter { $0.replacement == replacement }.map(\.day.rawValue)
            let unique = days.enumerated().filter { days.firstIndex(of: $0.element) == $0.offset }.map(\.element)
            let on =
                unique.count > 1
                ? unique.dropLast().joined(separator: ", ") + " and " + (unique.last ?? "") : unique.joined()
            parts.append(
                replacement.map { "replaced by \($0) on \(on)" }
                    ?? "dropped on \(on) (nothing pain-free of the same pattern fits)")
        }
        if droppedOption { parts.append("left out of the wake-up calls") }
        return "\(hurt.id) hurt (pain \(pain)/10): " + parts.joined(separator: "; ")
    }
}

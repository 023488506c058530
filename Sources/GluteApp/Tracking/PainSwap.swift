internal import GluteCore

/// The plan after pain of 4 or more on an exercise: the exercise leaves every session and its
/// easier variant takes its place, else a bodyweight exercise of the same movement pattern that
/// the plan does not already hold.
enum PainSwap {
    struct Revision {
        var plan: Plan
        var replacement: String?
        var description: String
    }

    static func revise(_ plan: Plan, removing id: String, knowledge: KnowledgeBase) -> Revision {
        let planned = Set(plan.sessions.flatMap { $0.session.items.map(\.exercise) })
        let exercise = knowledge.exercise(id)
        let easier = exercise?.easier.first { !planned.contains($0) && knowledge.exercise($0) != nil }
        let samePattern = knowledge.exercises.first { candidate in
            candidate.id != id && candidate.pattern == exercise?.pattern && candidate.equipment.isEmpty
                && !candidate.provokesNeuralSymptoms && !planned.contains(candidate.id)
        }?.id
        let replacement = easier ?? samePattern
        var revised = plan
        for dayIndex in revised.week.indices {
            for sessionIndex in revised.week[dayIndex].sessions.indices {
                var items: [PlanItem] = []
                for item in revised.week[dayIndex].sessions[sessionIndex].items {
                    guard item.exercise == id else {
                        items.append(item)
                        continue
                    }
                    guard let replacement, let swapped = knowledge.exercise(replacement),
                        !items.contains(where: { $0.exercise == replacement })
                    else { continue }
                    var next = item
                    next.exercise = swapped.id
                    next.load = nil
                    next.implement = nil
                    if swapped.holdSeconds.map({ $0 > 10 }) ?? false {
                        next.seconds = swapped.holdSeconds
                        next.reps = nil
                        next.repRange = nil
                    } else if next.reps == nil {
                        next.reps = 12
                        next.repRange = 10...15
                        next.seconds = nil
                    }
                    next.why = item.why + ["pain-swap"]
                    next.note = "In place of \(id), which hurt."
                    items.append(next)
                }
                revised.week[dayIndex].sessions[sessionIndex].items = items
            }
        }
        let description =
            replacement.map { "\(id) is replaced by \($0) until a new assessment" }
            ?? "\(id) leaves the plan until a new assessment"
        return Revision(plan: revised, replacement: replacement, description: description)
    }
}

internal import Foundation
internal import GluteCore
internal import GluteStore

/// Walks a person through one of today's sessions at the terminal: a countdown for every hold,
/// a rep counter for every set, side by side with the weaker side first; then asks where it was
/// felt, how steady it was and any pain, and logs each exercise and side as it is finished, so
/// nothing done is lost if the session stops half way.
struct GuidedSession {
    let io: CommandIO
    let access: StoreAccess
    let knowledge: KnowledgeBase
    /// Waits a whole number of seconds (the countdown's tick); tests pass one that returns at once.
    let pause: @Sendable (Int) async -> Void

    /// One exercise of the session with the prescription to follow per side.
    struct Step {
        let item: PlanItem
        let exercise: Exercise
        let sides: [(side: Side?, prescription: Prescription?)]
    }

    /// Runs `session`; returns how many entries were logged.
    func run(_ session: Session, tracks: [PlanProgression.Track]) async throws -> Int {
        let prompt = Prompter(io: io)
        let steps = session.items.compactMap { step(for: $0, tracks: tracks) }
        io.print(
            "\(session.kind.rawValue.capitalized) session, about \(session.minutes) minutes, \(steps.count) exercises.")
        io.print("For each set: press Enter after every rep, or type the number of reps done; 'q' ends the session.\n")
        var logged = 0
        for (index, step) in steps.enumerated() {
            io.print("[\(index + 1)/\(steps.count)] \(step.exercise.name)")
            if let cue = step.exercise.cues.first { io.writeOutput(TextWrap.paragraph(cue, indent: 2)) }
            var done: [(Side?, [Int], Int?)] = []
            for (side, prescription) in step.sides {
                let sets = prescription?.sets ?? step.item.sets
                let label = side.map { " \($0.rawValue)" } ?? ""
                if let seconds = prescription.map({ $0.measure == .seconds ? $0.target : nil }) ?? step.item.seconds {
                    for set in 1...sets {
                        guard try await hold(seconds, label: "Set \(set)\(label)", prompt: prompt) else {
                            return logged
                        }
                    }
                    done.append((side, [], seconds))
                } else {
                    var reps: [Int] = []
                    let target = prescription?.target ?? step.item.reps ?? 10
                    for set in 1...sets {
                        guard let count = try count(target: target, label: "Set \(set)\(label)") else { return logged }
                        reps.append(count)
                    }
                    done.append((side, reps, nil))
                }
            }
            let felt: FeltIn = try prompt.choice("  Where did you feel it most?", default: .glutes)
            let balance: Balance =
                step.exercise.isUnilateral
                ? try prompt.choice("  Balance?", default: .steady) : .steady
            let pain = try prompt.integer("  Pain during it, 0 to 10?", in: 0...10)
            for (side, reps, seconds) in done {
                let load = step.sides.first { $0.side == side }?.prescription?.load
                let entry = SetEntry(
                    exerciseID: step.exercise.id, side: side, setCount: max(reps.count, step.item.sets),
                    reps: reps, load: load, durationSeconds: seconds, felt: felt, balance: balance,
                    pain: pain, performedAt: io.timestamp)
                _ = try await access.store.logSet(entry, for: access.person.id)
                logged += 1
            }
            io.print("  Logged.\n")
            if pain >= 4 {
                io.print("Pain of \(pain) stops the session here. 'glute next' says what changes.")
                return logged
            }
        }
        io.print("Session done. 'glute next' shows what changes next time.")
        return logged
    }

    /// The exercise of an item and its current prescription per side (weaker side first).
    func step(for item: PlanItem, tracks: [PlanProgression.Track]) -> Step? {
        let mine = tracks.filter { $0.planExercise == item.exercise }
        let id = mine.first?.current.exerciseID ?? item.exercise
        guard let exercise = knowledge.exercise(id) else { return nil }
        guard exercise.isUnilateral else {
            return Step(item: item, exercise: exercise, sides: [(nil, mine.first { $0.side == nil }?.current)])
        }
        let sides: [Side]
        switch item.side {
        case .left: sides = [.left]
        case .right: sides = [.right]
        case .rightFirst: sides = [.right, .left]
        case .leftFirst, .both: sides = [.left, .right]
        }
        return Step(
            item: item, exercise: exercise,
            sides: sides.map { side in
                (side, mine.first { $0.side == side }?.current)
            })
    }

    /// A rep counter: each empty line counts one rep; a number sets the count; 'q' quits.
    func count(target: Int, label: String) throws -> Int? {
        io.writeOutput("  \(label): \(target) reps. Press Enter per rep (or type the count): ")
        var reps = 0
        while let line = io.readLine() {
            let text = line.trimmingCharacters(in: .whitespaces).lowercased()
            if text == "q" { return nil }
            if let typed = Int(text), (0...1000).contains(typed) { return typed }
            guard text.isEmpty else {
                io.writeOutput("  Enter for a rep, a number for the total, or q: ")
                continue
            }
            reps += 1
            if reps >= target {
                io.print("  \(reps) reps. Set done.")
                return reps
            }
            io.writeOutput("  \(reps) ")
        }
        throw CLIError.failure("the input ended during the session; what was finished is logged")
    }

    /// A countdown for a hold, started with Enter; rings at the end.
    func hold(_ seconds: Int, label: String, prompt: Prompter) async throws -> Bool {
        io.writeOutput("  \(label): hold \(seconds) s. Enter to start, q to stop: ")
        guard let line = io.readLine() else {
            throw CLIError.failure("the input ended during the session; what was finished is logged")
        }
        if line.trimmingCharacters(in: .whitespaces).lowercased() == "q" { return false }
        for remaining in stride(from: seconds, to: 0, by: -1) {
            if io.outputIsTerminal { io.writeOutput("\r  \(remaining) s  ") }
            await pause(1)
        }
        io.print((io.outputIsTerminal ? "\r" : "") + "  Done.\u{07}     ")
        return true
    }
}

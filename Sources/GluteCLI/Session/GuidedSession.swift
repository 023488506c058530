internal import Foundation
internal import GluteApp
internal import GluteCore
internal import GluteStore

/// Walks a person through one of today's sessions at the terminal.
///
/// A countdown for every hold, a rep counter for every set, the weaker side first; after each
/// side it asks where it was felt, how steady it was and any pain, and logs that side at once, so
/// nothing done is lost if the session stops half way. Started again, it resumes at the first
/// exercise not yet logged today.
struct GuidedSession {
    let io: CommandIO
    let cli: CLIApplication
    let person: Person
    let knowledge: KnowledgeBase
    /// Waits a whole number of seconds (the countdown's tick); tests pass one that returns at once.
    let pause: @Sendable (Int) async -> Void

    /// One side of one exercise still to do.
    struct Step {
        let item: PlanItem
        let exercise: Exercise
        let side: Side?
        let prescription: Prescription
    }

    /// How the session ended.
    struct Summary {
        var done: [String] = []
        var left: [String] = []
        var stoppedForPain = false
    }

    /// The sides of `session` not yet logged today, in order (the weaker side first).
    static func steps(_ session: TodayView.SessionToday, knowledge: KnowledgeBase) -> [Step] {
        session.items.flatMap { item -> [Step] in
            guard let exercise = knowledge.exercise(item.prescriptions.first?.exerciseID ?? item.item.exercise) else {
                return []
            }
            return item.prescriptions.compactMap { prescription in
                guard !item.logged.contains(where: { $0.side == prescription.side }) else { return nil }
                return Step(item: item.item, exercise: exercise, side: prescription.side, prescription: prescription)
            }
        }
    }

    /// Runs the steps of `session` still to do.
    func run(_ session: TodayView.SessionToday) async throws -> Summary {
        let prompt = Prompter(io: io)
        let steps = Self.steps(session, knowledge: knowledge)
        var summary = Summary()
        let resumed = session.items.contains { !$0.logged.isEmpty }
        io.print(
            "\(session.kind.rawValue.capitalized) session, about \(session.minutes) minutes, \(steps.count) "
                + "\(steps.count == 1 ? "exercise side" : "exercise sides") to do\(resumed ? " (resuming where you stopped)" : "")."
        )
        io.print("For each set: press Enter after every rep, or type the number of reps done; 'q' ends the session.\n")
        for (index, step) in steps.enumerated() {
            let label = step.side.map { " (\($0.rawValue))" } ?? ""
            io.print("[\(index + 1)/\(steps.count)] \(step.exercise.name)\(label)")
            if let cue = step.exercise.cues.first {
                io.writeOutput(TextWrap.paragraph(cue, indent: 2, width: io.width))
            }
            guard let done = try await perform(step, prompt: prompt) else {
                summary.left = steps[index...].map(describe)
                return finish(summary, quit: true)
            }
            let felt: FeltIn = try prompt.choice("  Where did you feel it most\(label)?", default: .glutes)
            let balance: Balance =
                step.exercise.isUnilateral ? try prompt.choice("  Balance\(label)?", default: .steady) : .steady
            let pain = try prompt.integer("  Pain during it\(label), 0 to 10?", in: 0...10)
            let entry = SetEntry(
                exerciseID: step.exercise.id, side: step.side, setCount: step.prescription.sets,
                reps: done.reps, load: step.prescription.load, durationSeconds: done.seconds, felt: felt,
                balance: balance, pain: pain, performedAt: io.clock.now(), session: session.kind)
            let outcome = try await cli.run { try await cli.app.logSet(person.id, entry, stampedOnWrite: true) }
            summary.done.append(describe(step))
            io.print("  Logged.\n")
            if case .stopped = outcome.safety {
                summary.left = steps[(index + 1)...].map(describe)
                summary.stoppedForPain = true
                io.print("That needs a clinician: the plan is stopped. 'glute today' says what to do.")
                return finish(summary, quit: true)
            }
            if pain >= ProgressionRules.stopPain {
                summary.left = steps[(index + 1)...].map(describe)
                summary.stoppedForPain = true
                io.print(
                    "Pain of \(pain) stops the session here. 'glute plan' shows what replaces \(step.exercise.name).")
                return finish(summary, quit: true)
            }
        }
        return finish(summary, quit: false)
    }

    private func finish(_ summary: Summary, quit: Bool) -> Summary {
        if quit {
            io.print(
                "\nSession ended. Done: \(summary.done.isEmpty ? "nothing yet" : summary.done.joined(separator: ", "))."
            )
            if !summary.left.isEmpty {
                io.print("Still to do: \(summary.left.joined(separator: ", ")). 'glute today --start' picks up there.")
            }
        } else {
            io.print("Session done. 'glute next' shows what changes next time.")
        }
        return summary
    }

    private func describe(_ step: Step) -> String {
        step.exercise.name + (step.side.map { " (\($0.rawValue))" } ?? "")
    }

    /// The sets of one side: reps counted or holds timed; `nil` when the person quits.
    private func perform(_ step: Step, prompt: Prompter) async throws -> (reps: [Int], seconds: Int?)? {
        let sets = step.prescription.sets
        if step.prescription.measure == .seconds {
            for set in 1...sets {
                guard try await hold(step.prescription.target, label: "Set \(set)", prompt: prompt) else { return nil }
            }
            return ([], step.prescription.target)
        }
        var reps: [Int] = []
        for set in 1...sets {
            if step.exercise.holdSeconds != nil {
                io.print("  Each rep is a \(step.exercise.holdSeconds ?? 0)-second hold.")
            }
            guard let count = try count(target: step.prescription.target, label: "Set \(set)") else { return nil }
            reps.append(count)
        }
        return (reps, nil)
    }

    /// A rep counter: each empty line counts one rep; a number sets the count; 'q' quits.
    func count(target: Int, label: String) throws -> Int? {
        io.writeOutput("  \(label): \(target) reps. Press Enter per rep (or type the count): ")
        var reps = 0
        while let line = io.readLine() {
            let text = line.trimmingCharacters(in: .whitespaces).lowercased()
            if text == "q" { return nil }
            if let typed = Int(text), (1...1000).contains(typed) { return typed }
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
    ///
    /// Keys pressed during the countdown are thrown away, so none of them answers the next question.
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
        io.discardPendingInput()
        io.print((io.outputIsTerminal ? "\r" : "") + "  Done.\u{07}     ")
        return true
    }
}

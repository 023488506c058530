internal import Foundation
internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// `glute log`: records a set (or a wake-up call) in seconds, then says what comes next.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log sets of an exercise, or a wake-up call as done or skipped.",
        discussion: """
            Examples:

              glute log clamshell --side left --sets 2x15 --felt glutes --pain 0
              glute log romanian-deadlift --sets 3x10 --load 16kg --felt glutes --rpe 7 --pain 1
              glute log side-plank --side right --sets 2x30s --felt glutes --pain 0
              glute log wakeup done
            """,
        arguments: [
            ArgumentDefinition("exercise", help: "An exercise id from 'glute exercises', or 'wakeup'."),
            ArgumentDefinition("outcome", help: "For 'wakeup': done or skip.", isOptional: true),
        ],
        options: [
            .option("side", value: "side", help: "left, right or both (both is the default for two-legged exercises)."),
            .option("sets", value: "sets", help: "Sets and reps: 2x15, or reps per set 15,14,12, or holds 2x30s."),
            .option("load", value: "load", help: "External load with its unit: 8kg or 17.5lb."),
            .option(
                "felt", value: "place", help: "Where you felt it most: glutes, hamstrings, lowerBack, quads, nowhere."),
            .option("balance", value: "balance", help: "steady (default), wobble or lost."),
            .option("rpe", value: "rpe", help: "Effort, 1 to 10."),
            .option("pain", value: "pain", help: "Pain during the exercise, 0 to 10."),
            .flag("numbness", help: "New numbness or tingling appeared."),
            .option("note", value: "text", help: "A short note."),
            CommonOptions.database,
            CommonOptions.json,
        ]
    )

    enum Entry {
        case set(exercise: String, SetInput)
        case wakeUp(WakeUpOutcome)
    }

    let entry: Entry
    let database: String?
    let json: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        database = parsed.option("database")
        json = parsed.flag("json")
        let name = parsed.positional(0) ?? ""
        if name == "wakeup" {
            guard let text = parsed.positional(1), let outcome = WakeUpOutcome(rawValue: text) else {
                throw CLIError.usage("'glute log wakeup' takes 'done' or 'skip', for example: glute log wakeup done")
            }
            entry = .wakeUp(outcome)
            return
        }
        if let extra = parsed.positional(1) { throw CLIError.usage("Unexpected argument '\(extra)'") }
        entry = .set(exercise: name, try SetInput(parsed: parsed))
    }

    func run(_ io: CommandIO) async throws {
        let knowledge = try KnowledgeBase.bundled()
        let access = try await StoreAccess.open(database: database, io: io)
        switch entry {
        case .wakeUp(let outcome):
            let call = try await access.store.recordWakeUpCall(
                for: access.person.id, at: io.timestamp, outcome: outcome)
            if json {
                io.writeOutput(
                    JSONValue.object([
                        "logged": "wakeup", "outcome": .string(outcome.rawValue),
                        "at": .string(call.at.description),
                    ]).serialized())
            } else {
                io.print(outcome == .done ? "Wake-up call done. Well done for standing up." : "Wake-up call skipped.")
            }
        case .set(let id, let input):
            guard let exercise = knowledge.exercise(id) else {
                throw CLIError.usage("Unknown exercise '\(id)'. Run 'glute exercises' for the ids.")
            }
            let setEntry = try input.entry(for: exercise, at: io.timestamp)
            let logged = try await access.store.logSet(setEntry, for: access.person.id)
            let decision = try await LogCommand.nextDecision(after: logged, access: access, knowledge: knowledge)
            if json {
                io.writeOutput(
                    JSONValue.object([
                        "logged": .object([
                            "id": .string(logged.id.description), "exercise": .string(id),
                            "side": .string(Side.name(of: setEntry.side)),
                            "at": .string(setEntry.performedAt.description),
                        ]),
                        "next": .optional(decision) { .object($0.jsonObject) },
                    ]).serialized())
            } else {
                io.print("Logged \(exercise.name), \(input.summary) (\(Side.name(of: setEntry.side))).")
                if let decision { io.print("Next: " + NextRenderer.line(decision, knowledge: knowledge)) }
            }
        }
    }

    /// The progression decision for the logged exercise and side, when it is part of the plan.
    static func nextDecision(after set: LoggedSet, access: StoreAccess, knowledge: KnowledgeBase) async throws
        -> ProgressionDecision?
    {
        guard let (plan, _) = try await access.latestPlan() else { return nil }
        let tracks = try await access.progressionTracks(plan: plan, knowledge: knowledge)
        let side = set.side
        return tracks.first { track in
            track.side == side
                && (track.planExercise == set.exerciseID || track.decision?.exerciseID == set.exerciseID
                    || track.current.exerciseID == set.exerciseID)
        }?.decision
    }
}

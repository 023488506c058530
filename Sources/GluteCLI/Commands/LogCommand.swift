internal import Foundation
internal import GluteApp
internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// `glute log`: records a set (or a wake-up call) in seconds, then says what comes next.
struct LogCommand: ParsableCommand {
    static let at = Option<LocalOrInstant>(
        "at", value: "time",
        help: "When it was done, if not now: local time like 2026-11-30T18:00 (never in the future).",
        expecting: "a local time like 2026-11-30T18:00", parse: LocalOrInstant.init)

    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log sets of an exercise, or a wake-up call as done or skipped.",
        discussion: """
            Examples:

              glute log clamshell --side left --sets 2x15 --felt glutes --pain 0
              glute log romanian-deadlift --sets 3x10 --load 16kg --felt glutes --rpe 7 --pain 1
              glute log side-plank --side right --sets 2x30s --felt glutes --pain 0
              glute log glute-bridge --sets 2x15 --felt glutes --pain 0 --at 2026-11-30T18:00
              glute log wakeup done
            """,
        arguments: [
            ArgumentDefinition("exercise", help: "An exercise id from 'glute exercises'."),
            ArgumentDefinition("outcome", help: "For 'wakeup': done or skip.", isOptional: true, isHidden: true),
        ],
        options: SetInput.options + [at.definition, CommonOptions.database.definition, CommonOptions.json.definition],
        otherUsages: ["wakeup done|skip [--at <time>] [--database <path>] [--json]"]
    )

    /// The API field each flag stands for, so an error names the flag typed.
    static let flags = [
        "side": "--side <side>", "reps": "--sets <sets>", "seconds": "--sets <sets>", "load": "--load <load>",
        "at": "--at <time>", "exercise": "<exercise>", "note": "--note <text>",
    ]

    enum Entry {
        case set(exercise: String, SetInput)
        case wakeUp(WakeUpOutcome)
    }

    let entry: Entry
    let at: LocalOrInstant?
    let database: String?
    let json: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        database = try parsed.value(CommonOptions.database)
        json = parsed.isSet(CommonOptions.json)
        at = try parsed.value(Self.at)
        let name = parsed.positional(0) ?? ""
        if name == "wakeup" {
            guard let text = parsed.positional(1), let outcome = WakeUpOutcome(rawValue: text) else {
                throw CLIError.usage("'glute log wakeup' takes 'done' or 'skip', for example: glute log wakeup done")
            }
            try SetInput.refuseAll(parsed, because: "does not apply to a wake-up call")
            entry = .wakeUp(outcome)
            return
        }
        if let extra = parsed.positional(1) { throw CLIError.usage("Unexpected argument '\(extra)'") }
        entry = .set(exercise: name, try SetInput(parsed: parsed))
    }

    func run(_ io: CommandIO) async throws {
        let knowledge = try KnowledgeBase.bundled()
        let cli = try CLIApplication.open(database: database, io: io, access: .write)
        let person = try await cli.person(.write)
        let time = at.map { $0.instant(in: cli.zone(person)) }
        switch entry {
        case .wakeUp(let outcome):
            let logged = try await cli.run(flags: Self.flags) {
                try await cli.app.logWakeUpCall(person.id, outcome: outcome, at: time)
            }
            if json { return io.writeOutput(logged.jsonValue.serialized()) }
            io.print(outcome == .done ? "Wake-up call done. Well done for standing up." : "Wake-up call skipped.")
            if logged.stopped {
                io.print("Your plan is stopped: see a clinician before training again.")
            } else if logged.answered == nil {
                io.print("That was outside your working hours, so it does not count toward today's calls.")
            } else if logged.alreadyAnswered {
                io.print("That call was already logged; it counts once.")
            }
        case .set(let id, let input):
            let setEntry = input.entry(exerciseID: id, at: time ?? io.clock.now())
            let outcome = try await cli.run(flags: Self.flags) {
                try await cli.app.logSet(person.id, setEntry, stampedOnWrite: time == nil)
            }
            if json { return io.writeOutput(outcome.jsonValue.serialized()) }
            let name = knowledge.exercise(id)?.name ?? id
            io.print("Logged \(name), \(input.summary)\(setEntry.side.map { " (\($0.rawValue))" } ?? "").")
            switch outcome.safety {
            case .stopped(let version), .alreadyStopped(let version):
                return io.writeOutput(StopRenderer.text(StopNotice(reason: version.reason), width: io.width))
            case .swapped(let version, let removed, let replacement):
                let removedName = knowledge.exercise(removed)?.name ?? removed
                let instead = replacement.map { knowledge.exercise($0)?.name ?? $0 }
                io.writeOutput(
                    TextWrap.paragraph(
                        "Pain of \(setEntry.pain) stops \(removedName): "
                            + (instead.map { "your plan now has \($0) in its place" } ?? "it leaves your plan")
                            + " (plan version \(version.version)) until a new assessment.", indent: 0, width: io.width))
            case .none:
                break
            }
            if outcome.recomputed { io.print("Logged for an earlier time: your progression was worked out again.") }
            if let decision = outcome.decision, case .none = outcome.safety {
                io.writeOutput(
                    TextWrap.paragraph(
                        "Next: " + NextRenderer.line(decision, knowledge: knowledge), indent: 0, width: io.width))
            } else if outcome.item == nil, case .none = outcome.safety {
                io.print("This exercise is not in your plan, so it is kept but does not move your plan on.")
            }
        }
    }
}

/// A time given with `--at`: local wall-clock time in the person's zone, or an instant with its offset.
struct LocalOrInstant: Sendable {
    let local: LocalDateTime?
    let instant: Timestamp?

    init?(_ text: String) {
        if let date = try? Date(text, strategy: .iso8601) {
            local = nil
            instant = Timestamp(millisecondsSince1970: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
            return
        }
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let date = CivilDate(parts[0]) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3, let time = ClockTime("\(clock[0]):\(clock[1])") else { return nil }
        var second = 0
        if clock.count == 3 {
            guard clock[2].count == 2, let value = Int(clock[2]), (0..<60).contains(value) else { return nil }
            second = value
        }
        local = LocalDateTime(date: date, secondOfDay: time.minutes * 60 + second)
        instant = nil
    }

    func instant(in zone: TimeZoneRules) -> Timestamp {
        instant ?? local.map(zone.instant) ?? Timestamp(millisecondsSince1970: 0)
    }
}

internal import GluteApp
internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// `glute today`: what is due now: today's sessions at their current prescription, wake-up calls
/// done against planned, gates still closed, and retests or a reassessment that are due.
struct TodayCommand: ParsableCommand {
    static let start = Flag(
        "start", help: "Do today's next session now: hold timers, a rep counter per side, logged as you go.")

    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "Show what is due today: sessions, wake-up calls done against planned, open gates.",
        options: [start.definition, CommonOptions.database.definition, CommonOptions.json.definition]
    )

    let database: String?
    let json: Bool
    let start: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        database = try parsed.value(CommonOptions.database)
        json = parsed.isSet(CommonOptions.json)
        start = parsed.isSet(Self.start)
        if start, json {
            throw CLIError.usage("'--start' runs a session at the terminal; it cannot be combined with '--json'.")
        }
    }

    func run(_ io: CommandIO) async throws {
        let knowledge = try KnowledgeBase.bundled()
        let cli = try CLIApplication.open(database: database, io: io, access: start ? .write : .read)
        let person = try await cli.person(.read)
        let today = try await cli.run { try await cli.app.today(person.id) }
        guard start else {
            return io.writeOutput(
                json ? today.jsonValue.serialized() : TodayRenderer(knowledge: knowledge, width: io.width).render(today)
            )
        }
        guard io.isInteractive else {
            throw CLIError.usage("'glute today --start' needs a terminal to count reps and time holds.")
        }
        if let stop = today.stop { return io.writeOutput(StopRenderer.text(stop, width: io.width)) }
        guard let session = today.sessions.first(where: { !GuidedSession.steps($0, knowledge: knowledge).isEmpty })
        else {
            return io.print(
                today.sessions.isEmpty
                    ? "No session today. Keep up the wake-up calls." : "Every session of today is logged. Well done.")
        }
        _ = try await GuidedSession(
            io: io, cli: cli, person: person, knowledge: knowledge,
            pause: { seconds in try? await Task.sleep(for: .seconds(seconds)) }
        ).run(session)
    }
}

internal import GluteApp
internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// `glute progress`: adherence, asymmetry, bridge reps, loads and resolved findings, as compact
/// terminal charts or as JSON.
struct ProgressCommand: ParsableCommand {
    /// The weeks shown when `--weeks` is not given.
    static let defaultWeeks = 8
    static let weeks = Option<Int>(
        "weeks", value: "n", help: "How many weeks to show, counting this one (1 to 104; default 8).",
        expecting: "a whole number of weeks from 1 to 104"
    ) { Int($0).flatMap { (1...104).contains($0) ? $0 : nil } }

    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Chart adherence, asymmetry, loads and resolved findings over time.",
        discussion: """
            Charts the last --weeks weeks (8 by default): activation sessions per week against the target of 3, \\
            wake-up calls done per day against the plan (each call counts once), the asymmetry index \\
            |L-R|/max(L,R) per test, single-leg bridge reps per side, the heaviest load per exercise per day, and \\
            the findings of the first assessment that the latest no longer has. --json prints the same as one \\
            document (see docs/daily-loop.md).
            """,
        options: [weeks.definition, CommonOptions.database.definition, CommonOptions.json.definition]
    )

    let weeks: Int
    let database: String?
    let json: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        weeks = try parsed.value(Self.weeks) ?? Self.defaultWeeks
        database = try parsed.value(CommonOptions.database)
        json = parsed.isSet(CommonOptions.json)
    }

    func run(_ io: CommandIO) async throws {
        let cli = try CLIApplication.open(database: database, io: io, access: .read)
        let person = try await cli.person(.read)
        let report = try await cli.run { try await cli.app.progress(person.id, weeks: weeks) }
        io.writeOutput(json ? report.jsonValue.serialized() : ProgressRenderer(report: report, weeks: weeks).render())
    }
}

internal import GluteCore
internal import GluteJSON

/// `glute progress`: adherence, asymmetry, bridge reps, loads and resolved findings, as compact
/// terminal charts or as JSON.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Chart adherence, asymmetry, loads and resolved findings over time.",
        discussion: """
            Charts the last --weeks weeks (8 by default): activation sessions per week against the target of 3, \
            wake-up calls done per day against the plan, the asymmetry index |L-R|/max(L,R) per test, single-leg \
            bridge reps per side, the heaviest load per exercise per day, and the findings of the first assessment \
            that the latest no longer has. --json prints the same as one document (see docs/daily-loop.md).
            """,
        options: [
            .option("weeks", value: "n", help: "How many weeks to show, counting this one (1 to 104; default 8)."),
            CommonOptions.database,
            CommonOptions.json,
        ]
    )

    /// The weeks shown when `--weeks` is not given.
    static let defaultWeeks = 8

    let weeks: Int
    let database: String?
    let json: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        weeks =
            try parsed.option("weeks", expecting: "a whole number of weeks from 1 to 104") { text in
                Int(text).flatMap { (1...104).contains($0) ? $0 : nil }
            } ?? Self.defaultWeeks
        database = parsed.option("database")
        json = parsed.flag("json")
    }

    func run(_ io: CommandIO) async throws {
        let access = try await StoreAccess.open(database: database, io: io)
        let report = ProgressCalculator.report(try await ProgressReader(access: access).input(weeks: weeks))
        if json {
            io.writeOutput(report.jsonValue.serialized())
        } else {
            io.writeOutput(ProgressRenderer(report: report, weeks: weeks).render())
        }
    }
}

internal import GluteApp
internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// `glute plan`: this week's plan with the why of every item, or the history of plan versions.
struct PlanCommand: ParsableCommand {
    static let history = Flag("history", help: "List every plan version with the reason it was made.")

    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the current plan, with why each item is there.",
        options: [history.definition, CommonOptions.database.definition, CommonOptions.json.definition]
    )

    let history: Bool
    let database: String?
    let json: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        history = parsed.isSet(Self.history)
        database = try parsed.value(CommonOptions.database)
        json = parsed.isSet(CommonOptions.json)
    }

    func run(_ io: CommandIO) async throws {
        let cli = try CLIApplication.open(database: database, io: io, access: .read)
        let person = try await cli.person(.read)
        if history {
            let versions = try await cli.run { try await cli.app.planHistory(person.id) }
            if json {
                io.writeOutput(JSONValue.array(versions.map(\.summaryJSON)).serialized())
            } else if versions.isEmpty {
                io.print("No plan yet: run 'glute assess' first.")
            } else {
                let zone = cli.zone(person)
                for version in versions {
                    io.print("v\(version.version)  \(zone.localDate(version.createdAt))  \(version.reason)")
                }
            }
            return
        }
        let view = try await cli.run { try await cli.app.plan(person.id) }
        if json { return io.writeOutput(view.jsonValue.serialized()) }
        guard let plan = view.version.plan else {
            return io.writeOutput(StopRenderer.text(StopNotice(reason: view.version.reason), width: io.width))
        }
        io.print("Plan version \(view.version.version) (\(view.version.reason))\n")
        io.writeOutput(ResultRenderer(knowledge: try KnowledgeBase.bundled(), width: io.width).render(plan))
        io.writeOutput(WhyLegend.text(for: plan))
    }
}

/// A legend for the reasons named in a plan's `why` lists.
enum WhyLegend {
    static func text(for plan: Plan) -> String {
        let reasons = Set(plan.sessions.flatMap { $0.session.items.flatMap(\.why) } + plan.wakeUpCalls.why)
        var out = "\n  Why:\n"
        for reason in reasons.sorted() {
            if let code = Finding.Code(rawValue: reason) {
                out += TextWrap.paragraph("\(reason): " + Glossary.describe(code), indent: 4)
            } else if let principle = Glossary.principles.first(where: { $0.id == reason }) {
                out += TextWrap.paragraph("\(reason): " + principle.text, indent: 4)
            }
        }
        return out
    }
}

internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// `glute plan`: this week's plan with the why of every item, or the history of plan versions.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the current plan, with why each item is there.",
        options: [
            .flag("history", help: "List every plan version with the reason it was made."),
            CommonOptions.database, CommonOptions.json,
        ]
    )

    let history: Bool
    let database: String?
    let json: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        history = parsed.flag("history")
        database = parsed.option("database")
        json = parsed.flag("json")
    }

    func run(_ io: CommandIO) async throws {
        let access = try await StoreAccess.open(database: database, io: io)
        if history {
            let versions = try await access.store.planHistory(for: access.person.id)
            if json {
                io.writeOutput(
                    JSONValue.array(
                        versions.map { version in
                            .object([
                                "version": .int(version.version), "reason": .string(version.reason),
                                "createdAt": .string(version.createdAt.description),
                            ])
                        }
                    ).serialized())
            } else if versions.isEmpty {
                io.print("No plan yet: run 'glute assess' first.")
            } else {
                for version in versions {
                    io.print("v\(version.version)  \(io.localDate(version.createdAt))  \(version.reason)")
                }
            }
            return
        }
        let (plan, version) = try await access.requirePlan()
        if json {
            io.writeOutput(
                JSONValue.object([
                    "version": .int(version.version), "reason": .string(version.reason),
                    "createdAt": .string(version.createdAt.description), "plan": plan.jsonValue,
                ]).serialized())
        } else {
            io.print("Plan version \(version.version) (\(version.reason))\n")
            io.writeOutput(ResultRenderer(knowledge: try KnowledgeBase.bundled()).render(plan))
            io.writeOutput(WhyLegend.text(for: plan))
        }
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

internal import GluteCore

/// `glute explain TOPIC`: a muscle, an exercise, a finding code, an education card or a principle.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a muscle, an exercise, a finding code, a principle or an education topic.",
        discussion:
            "Topics include: gluteus-medius, clamshell, asymmetry, hinge-first, gluteal-amnesia, squat-myth. Run 'glute explain topics' for the full list.",
        arguments: [ArgumentDefinition("topic", help: "What to explain.")]
    )

    let topic: String

    init(parsed: ParsedArguments) throws(CLIError) {
        topic = parsed.positional(0) ?? ""
    }

    func run(_ io: CommandIO) async throws {
        let knowledge = try KnowledgeBase.bundled()
        let key = topic.lowercased()
        if key == "topics" {
            io.writeOutput(topicList(knowledge))
        } else if let code = Finding.Code(rawValue: key) {
            io.writeOutput("Finding: \(code.rawValue)\n\n" + TextWrap.paragraph(Glossary.describe(code), indent: 2))
        } else if let exercise = knowledge.exercise(key) {
            io.writeOutput(ExplainRenderer(knowledge: knowledge).exercise(exercise))
        } else if let muscle = knowledge.muscle(named: topic) {
            io.writeOutput(ExplainRenderer(knowledge: knowledge).muscle(muscle))
        } else if let card = knowledge.card(named: key) {
            io.writeOutput(ExplainRenderer(knowledge: knowledge).card(card))
        } else if let principle = Glossary.principles.first(where: { $0.id == key }) {
            io.writeOutput("Principle: \(principle.id)\n\n" + TextWrap.paragraph(principle.text, indent: 2))
        } else {
            throw CLIError.usage("Unknown topic '\(topic)'. Run 'glute explain topics' to list them.")
        }
    }

    private func topicList(_ knowledge: KnowledgeBase) -> String {
        func line(_ title: String, _ ids: [String]) -> String {
            "\(title):\n" + TextWrap.paragraph(ids.joined(separator: ", "), indent: 2) + "\n"
        }
        return line("Education", knowledge.cards.map(\.id)) + line("Findings", Finding.Code.allCases.map(\.rawValue))
            + line("Principles", Glossary.principles.map(\.id)) + line("Muscles", knowledge.muscles.map(\.id))
            + line("Exercises", knowledge.exercises.map(\.id))
    }
}

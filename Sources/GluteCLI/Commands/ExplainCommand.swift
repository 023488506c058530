internal import GluteApp
internal import GluteCore
internal import GluteJSON

/// `glute explain TOPIC`: a muscle, an exercise, a finding code, an education card or a principle.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a muscle, an exercise, a finding code, a principle or an education topic.",
        discussion:
            "Topics include: gluteus-medius, clamshell, asymmetry, hinge-first, gluteal-amnesia, squat-myth. Run 'glute explain topics' for the full list.",
        arguments: [ArgumentDefinition("topic", help: "What to explain.")],
        options: [CommonOptions.json.definition]
    )

    let topic: String
    let json: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        topic = parsed.positional(0) ?? ""
        json = parsed.isSet(CommonOptions.json)
    }

    func run(_ io: CommandIO) async throws {
        let knowledge = try KnowledgeBase.bundled()
        guard let explanation = Explanation(topic: topic, knowledge: knowledge) else {
            throw CLIError.usage("Unknown topic '\(topic)'. Run 'glute explain topics' to list them.")
        }
        if json { return io.writeOutput(explanation.jsonValue.serialized()) }
        let renderer = ExplainRenderer(knowledge: knowledge)
        switch explanation {
        case .topics: io.writeOutput(topicList(knowledge))
        case .finding(let code, let text):
            io.writeOutput("Finding: \(code.rawValue)\n\n" + TextWrap.paragraph(text, indent: 2, width: io.width))
        case .exercise(let exercise): io.writeOutput(renderer.exercise(exercise))
        case .muscle(let muscle, _): io.writeOutput(renderer.muscle(muscle))
        case .card(let card): io.writeOutput(renderer.card(card))
        case .principle(let id, let text):
            io.writeOutput("Principle: \(id)\n\n" + TextWrap.paragraph(text, indent: 2, width: io.width))
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

public import GluteCore
public import GluteJSON

/// What `glute explain` and the API's `explainTopic` answer: one topic of the knowledge base.
public enum Explanation: Sendable {
    /// A finding code and what it means.
    case finding(Finding.Code, String)
    /// An exercise of the catalogue.
    case exercise(Exercise)
    /// A muscle, with the exercises that train it.
    case muscle(Muscle, training: [Exercise])
    /// An education card.
    case card(EducationCard)
    /// A principle of the plan.
    case principle(id: String, text: String)
    /// Every topic there is, by kind.
    case topics(KnowledgeBase)

    /// The topic named `topic` (ids, names and aliases, any case), or `nil`.
    public init?(topic: String, knowledge: KnowledgeBase) {
        let key = topic.lowercased()
        if key == "topics" {
            self = .topics(knowledge)
        } else if let code = Finding.Code(rawValue: key) {
            self = .finding(code, Glossary.describe(code))
        } else if let exercise = knowledge.exercise(key) {
            self = .exercise(exercise)
        } else if let muscle = knowledge.muscle(named: topic) {
            self = .muscle(muscle, training: knowledge.exercises(training: muscle.id))
        } else if let card = knowledge.card(named: key) {
            self = .card(card)
        } else if let principle = Glossary.principles.first(where: { $0.id == key }) {
            self = .principle(id: principle.id, text: principle.text)
        } else {
            return nil
        }
    }

    /// `{ "kind", "id", ... }`: the topic's own fields.
    public var jsonValue: JSONValue {
        switch self {
        case .finding(let code, let text):
            return .object(["kind": "finding", "id": .string(code.rawValue), "text": .string(text)])
        case .exercise(let exercise):
            return .object(["kind": "exercise", "id": .string(exercise.id), "exercise": exercise.jsonValue])
        case .muscle(let muscle, let training):
            return .object([
                "kind": "muscle", "id": .string(muscle.id), "name": .string(muscle.name),
                "group": .string(muscle.group.rawValue), "layer": .string(muscle.layer.rawValue),
                "actions": .strings(muscle.actions), "failureSigns": .strings(muscle.failureSigns),
                "exercises": .strings(training.map(\.id)),
            ])
        case .card(let card):
            return .object([
                "kind": "card", "id": .string(card.id), "title": .string(card.title),
                "evidenceGrade": .string(card.evidenceGrade.rawValue), "summary": .string(card.summary),
                "body": .strings(card.body), "evidence": .strings(card.evidence),
            ])
        case .principle(let id, let text):
            return .object(["kind": "principle", "id": .string(id), "text": .string(text)])
        case .topics(let knowledge):
            return .object([
                "kind": "topics", "education": .strings(knowledge.cards.map(\.id)),
                "findings": .strings(Finding.Code.allCases.map(\.rawValue)),
                "principles": .strings(Glossary.principles.map(\.id)), "muscles": .strings(knowledge.muscles.map(\.id)),
                "exercises": .strings(knowledge.exercises.map(\.id)),
            ])
        }
    }
}

extension GluteApp {
    /// The topic named `topic`.
    ///
    /// - Throws: ``AppError`` (``AppError/Code/notFound``) for a topic the knowledge base does not have.
    public func explain(_ topic: String) throws -> Explanation {
        guard let explanation = Explanation(topic: topic, knowledge: knowledge) else {
            throw AppError(
                code: .notFound, message: "unknown topic '\(topic)': 'topics' lists them", field: "topic")
        }
        return explanation
    }
}

extension Exercise {
    /// The catalogue entry as `glute exercises --json` and the API list it, with published EMG
    /// figures, their metric and their study.
    public var jsonValue: JSONValue {
        let targets: [JSONValue] = muscles.map { muscle in
            .object([
                "muscle": .string(muscle),
                "emg": .array(
                    emg.filter { $0.muscle == muscle }.map { measurement in
                        .object([
                            "percentMVIC": .number(measurement.percentMVIC),
                            "sd": .optional(measurement.sd, JSONValue.number),
                            "metric": .string(measurement.metric),
                            "measuredExercise": .string(measurement.measuredExercise),
                            "measuredMuscle": .string(measurement.measuredMuscle),
                            "study": .string(measurement.study),
                        ])
                    }),
            ])
        }
        return .object([
            "id": .string(id), "name": .string(name), "pattern": .string(pattern.rawValue),
            "laterality": .string(laterality.rawValue), "equipment": .strings(equipment.map(\.rawValue)),
            "loadable": .bool(loadable), "loadWith": .strings(loadWith.map(\.rawValue)),
            "loadType": .string(loadType.rawValue), "difficulty": .int(difficulty),
            "balanceDemand": .string(balanceDemand.rawValue), "targets": .array(targets),
            "cues": .strings(cues), "easier": .strings(easier), "harder": .strings(harder),
        ])
    }
}

public import GluteJSON

/// The catalogue of muscles, exercises and education cards, loaded from the JSON files bundled
/// with GluteCore.
///
/// ```swift
/// let knowledge = try KnowledgeBase.bundled()
/// knowledge.exercise("clamshell")?.pattern   // .rotation
/// ```
///
/// ## Topics
/// - ``bundled()``
/// - ``exercise(_:)``
/// - ``muscle(named:)``
/// - ``exercises(training:)``
public struct KnowledgeBase: Sendable {
    /// The muscles, big three first, then the deep six, then neighbours.
    public let muscles: [Muscle]
    /// The exercises, in catalogue order.
    public let exercises: [Exercise]
    /// The education cards.
    public let cards: [EducationCard]
    private let exerciseIndex: [String: Int]

    /// Creates a knowledge base from parts, checking that every variant link points at an
    /// exercise that exists and every emphasised muscle is known.
    public init(muscles: [Muscle], exercises: [Exercise], cards: [EducationCard]) throws(FieldError) {
        self.muscles = muscles
        self.exercises = exercises
        self.cards = cards
        var index: [String: Int] = [:]
        for (offset, exercise) in exercises.enumerated() {
            if index[exercise.id] != nil {
                throw FieldError(field: "exercises[\(offset)].id", message: "\"\(exercise.id)\" is used twice")
            }
            index[exercise.id] = offset
        }
        exerciseIndex = index
        let muscleIDs = Set(muscles.map(\.id))
        for (offset, exercise) in exercises.enumerated() {
            for link in exercise.easier + exercise.harder where index[link] == nil {
                throw FieldError(field: "exercises[\(offset)]", message: "links to unknown exercise \"\(link)\"")
            }
            for muscle in exercise.emg.map(\.muscle) where !muscleIDs.contains(muscle) {
                throw FieldError(field: "exercises[\(offset)].emg", message: "names unknown muscle \"\(muscle)\"")
            }
        }
    }

    /// The exercise with `id`, if any.
    public func exercise(_ id: String) -> Exercise? {
        exerciseIndex[id].map { exercises[$0] }
    }

    /// The muscle whose id, name or alias matches `text` (case-insensitive), if any.
    public func muscle(named text: String) -> Muscle? {
        let key = Self.slug(text)
        return muscles.first { muscle in
            muscle.id == key || Self.slug(muscle.name) == key || muscle.aliases.contains { Self.slug($0) == key }
        }
    }

    /// Lower case with spaces turned into dashes, for matching what people type.
    static func slug(_ text: String) -> String {
        text.lowercased().split(separator: " ").joined(separator: "-")
    }

    /// The education card whose id or alias matches `text`, if any.
    public func card(named text: String) -> EducationCard? {
        let key = text.lowercased()
        return cards.first { $0.id == key || $0.aliases.contains(key) }
    }

    /// The exercises that emphasise muscle `id`, main emphasis first.
    public func exercises(training id: String) -> [Exercise] {
        exercises.filter { $0.muscles.contains(id) }
            .sorted { ($0.muscles.firstIndex(of: id) ?? 9) < ($1.muscles.firstIndex(of: id) ?? 9) }
    }
}

internal import Foundation
public import GluteJSON

extension KnowledgeBase {
    /// The knowledge base shipped with GluteCore, read once from its bundled resources.
    /// - Throws: ``FieldError`` naming the resource and field when a bundled file is damaged.
    public static func bundled() throws(FieldError) -> KnowledgeBase {
        try cachedBundle.get()
    }

    private static let cachedBundle: Result<KnowledgeBase, FieldError> = Result { () throws(FieldError) in
        try load(resource: { name in
            guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources"),
                let data = try? Data(contentsOf: url)
            else { return nil }
            return [UInt8](data)
        })
    }

    /// Builds the knowledge base from the four resource files, supplied by `resource`
    /// (`exercises`, `muscles`, `education`, `emg`).
    static func load(resource: (String) -> [UInt8]?) throws(FieldError) -> KnowledgeBase {
        func document(_ name: String) throws(FieldError) -> JSONValue {
            guard let bytes = resource(name) else {
                throw FieldError(field: "\(name).json", message: "bundled resource is missing")
            }
            do { return try JSONValue.parse(bytes) } catch {
                throw FieldError(field: "\(name).json", message: error.description)
            }
        }
        let emgRows = try EMGTable(try document("emg"))
        let muscles = try KnowledgeDecoder.muscles(try document("muscles"))
        let emgMuscles = Dictionary(
            muscles.flatMap { muscle in muscle.emgNames.map { ($0, muscle.id) } },
            uniquingKeysWith: { first, _ in first })
        let exercises = try KnowledgeDecoder.exercises(try document("exercises"), emg: emgRows, muscleIDs: emgMuscles)
        let cards = try KnowledgeDecoder.cards(try document("education"))
        return try KnowledgeBase(muscles: muscles, exercises: exercises, cards: cards)
    }
}

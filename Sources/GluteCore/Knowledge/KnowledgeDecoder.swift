internal import GluteJSON

/// Reads the bundled knowledge files strictly, so a typo in the data fails the tests with the
/// file and field named rather than shipping a half-read catalogue.
enum KnowledgeDecoder {
    static func muscles(_ document: JSONValue) throws(FieldError) -> [Muscle] {
        try list(
            document, file: "muscles", key: "muscles",
            keys: ["id", "name", "group", "layer", "actions", "failureSigns", "emgNames", "aliases"]
        ) { reader throws(FieldError) in
            Muscle(
                id: try reader.requiredString("id"), name: try reader.requiredString("name"),
                group: try reader.requiredEnum("group"), layer: try reader.requiredEnum("layer"),
                actions: try strings(reader, "actions"), failureSigns: try strings(reader, "failureSigns"),
                emgNames: try strings(reader, "emgNames"), aliases: try strings(reader, "aliases"))
        }
    }

    static func cards(_ document: JSONValue) throws(FieldError) -> [EducationCard] {
        try list(
            document, file: "education", key: "cards",
            keys: ["id", "title", "evidenceGrade", "summary", "body", "evidence", "aliases"]
        ) { reader throws(FieldError) in
            EducationCard(
                id: try reader.requiredString("id"), title: try reader.requiredString("title"),
                evidenceGrade: try reader.requiredEnum("evidenceGrade"),
                summary: try reader.requiredString("summary"), body: try strings(reader, "body"),
                evidence: try strings(reader, "evidence"), aliases: try strings(reader, "aliases"))
        }
    }

    static func exercises(_ document: JSONValue, emg: EMGTable, muscleIDs: [String: String]) throws(FieldError)
        -> [Exercise]
    {
        let keys = [
            "id", "name", "pattern", "laterality", "equipment", "loadable", "loadWith", "needsLoad", "loadType",
            "difficulty", "balanceDemand", "position", "muscles", "emg", "cues", "easier", "harder", "secondsPerRep",
            "holdSeconds", "provokesNeural",
        ]
        return try list(document, file: "exercises", key: "exercises", keys: keys) { reader throws(FieldError) in
            var measurements: [EMGMeasurement] = []
            if case .array(let references)? = reader.value("emg") {
                for (offset, reference) in references.enumerated() {
                    let field = reader.field("emg") + "[\(offset)]"
                    let ref = try JSONObjectReader(reference, path: field, allowedKeys: ["exercise", "muscle"])
                    let exercise = try ref.requiredString("exercise"), muscle = try ref.requiredString("muscle")
                    guard let row = emg.row(exercise: exercise, muscle: muscle) else {
                        throw FieldError(
                            field: field, message: "no EMG row with a number for \"\(exercise)\" / \"\(muscle)\"")
                    }
                    guard let muscleID = muscleIDs[muscle] else {
                        throw FieldError(field: field, message: "no muscle is known as \"\(muscle)\"")
                    }
                    measurements.append(
                        EMGMeasurement(
                            muscle: muscleID, measuredMuscle: muscle,
                            measuredExercise: EMGMeasurement.citation(exercise),
                            percentMVIC: row.percentMVIC, sd: row.sd, metric: row.metric,
                            study: EMGMeasurement.citation(row.study),
                            verification: EMGMeasurement.sourceKind(row.verification)))
                }
            }
            return Exercise(
                id: try reader.requiredString("id"), name: try reader.requiredString("name"),
                pattern: try reader.requiredEnum("pattern"), laterality: try reader.requiredEnum("laterality"),
                equipment: try reader.requiredEnumSet("equipment"), loadWith: try reader.requiredEnumSet("loadWith"),
                needsLoad: try reader.requiredBool("needsLoad"), loadType: try reader.requiredEnum("loadType"),
                difficulty: try reader.requiredInt("difficulty", in: 1...5),
                balanceDemand: try reader.requiredEnum("balanceDemand"), position: try reader.requiredEnum("position"),
                muscles: try strings(reader, "muscles"),
                emg: measurements, cues: try strings(reader, "cues"), easier: try strings(reader, "easier"),
                harder: try strings(reader, "harder"),
                secondsPerRep: try reader.requiredInt("secondsPerRep", in: 1...30),
                holdSeconds: try reader.int("holdSeconds", in: 1...600),
                provokesNeuralSymptoms: try reader.requiredBool("provokesNeural"))
        }
    }

    private static func list<T>(
        _ document: JSONValue, file: String, key: String, keys: [String],
        _ decodeItem: (JSONObjectReader) throws(FieldError) -> T
    ) throws(FieldError) -> [T] {
        let root = try JSONObjectReader(document, path: file, allowedKeys: ["version", key])
        guard case .array(let items) = try root.required(key) else {
            throw FieldError(field: root.field(key), message: "must be an array")
        }
        var result: [T] = []
        for (offset, item) in items.enumerated() {
            result.append(
                try decodeItem(try JSONObjectReader(item, path: "\(root.field(key))[\(offset)]", allowedKeys: keys)))
        }
        return result
    }

    private static func strings(_ reader: JSONObjectReader, _ key: String) throws(FieldError) -> [String] {
        guard let value = reader.value(key) else { return [] }
        guard case .array(let items) = value else {
            throw FieldError(field: reader.field(key), message: "must be an array of strings")
        }
        var result: [String] = []
        for (offset, item) in items.enumerated() {
            result.append(try JSONObjectReader.string(item, field: "\(reader.field(key))[\(offset)]"))
        }
        return result
    }
}

internal import GluteCore
public import GluteJSON

extension ExportDocument {
    /// Parses and validates a whole export document without touching any store.
    ///
    /// Checks the format and version, every field's type and range, that identifiers are unique,
    /// that every reference points at a record in the same document (plans at an assessment of the
    /// same person), that plan versions are unique per person, and that embedded JSON texts parse.
    ///
    /// ```swift
    /// do { _ = try ExportDocument.parse(text) }
    /// catch { print(error) }   // "loggedSets[3].pain: must be between 0 and 10"
    /// ```
    ///
    /// The text is parsed with ``GluteJSON/JSONLimits/unlimited``: an export holds a person's
    /// whole history and may be larger than the default limits allow. A server reading an
    /// uploaded export bounds its size before calling this.
    ///
    /// - Throws: ``FieldError`` naming the first offending field's path.
    public static func parse(_ text: String) throws(FieldError) -> ExportDocument {
        let root: JSONValue
        // A person's own history can outgrow the default limits, which are meant for requests;
        // refusing to read it back would lose their data. Nesting stays bounded.
        do { root = try JSONValue.parse(text, limits: .unlimited) } catch { throw FieldError.syntax(error) }
        let reader = try JSONObjectReader(
            root, path: "",
            allowedKeys: [
                "format", "version", "people", "assessments", "plans", "loggedSets", "wakeUpCalls", "retests",
            ])
        guard try reader.requiredString("format") == format else {
            throw FieldError(field: "format", message: "must be \"\(format)\"")
        }
        let version = try reader.requiredInt("version", in: 1...Int.max)
        guard version == Self.version else {
            throw FieldError(
                field: "version",
                message: "version \(version) is not supported; this build reads version \(Self.version)")
        }
        var parser = DocumentReader()
        var people: [Person] = [], assessments: [AssessmentRecord] = [], plans: [PlanVersion] = []
        var loggedSets: [LoggedSet] = [], wakeUpCalls: [WakeUpCall] = [], retests: [Retest] = []
        for (value, path) in try DocumentReader.elements(reader, "people") {
            people.append(try parser.person(value, path))
        }
        for (value, path) in try DocumentReader.elements(reader, "assessments") {
            assessments.append(try parser.assessment(value, path))
        }
        for (value, path) in try DocumentReader.elements(reader, "plans") { plans.append(try parser.plan(value, path)) }
        for (value, path) in try DocumentReader.elements(reader, "loggedSets") {
            loggedSets.append(try parser.loggedSet(value, path))
        }
        for (value, path) in try DocumentReader.elements(reader, "wakeUpCalls") {
            wakeUpCalls.append(try parser.wakeUpCall(value, path))
        }
        for (value, path) in try DocumentReader.elements(reader, "retests") {
            retests.append(try parser.retest(value, path))
        }
        return ExportDocument(
            people: people, assessments: assessments, plans: plans, loggedSets: loggedSets,
            wakeUpCalls: wakeUpCalls, retests: retests)
    }
}

/// Reads the records of a document in order and remembers what it has seen, for references and
/// uniqueness checks.
private struct DocumentReader {
    private var people: Set<String> = []
    private var assessmentOwners: [String: String] = [:]
    private var seenIDs: [String: Set<String>] = [:]
    private var planVersions: Set<String> = []
    private var wakeUpTimes: Set<String> = []

    /// The elements of the array `key` of `reader`, each with its path.
    static func elements(_ reader: JSONObjectReader, _ key: String) throws(FieldError) -> [(JSONValue, String)] {
        let value = try reader.required(key)
        guard case .array(let elements) = value else {
            throw FieldError(field: key, message: "must be an array, not \(value.typeDescription)")
        }
        return elements.enumerated().map { ($1, "\(key)[\($0)]") }
    }

    private mutating func id<Record>(_ reader: JSONObjectReader, kind: String) throws(FieldError) -> Identifier<Record>
    {
        let text = try reader.requiredString("id")
        try RecordRules.check(text, RecordRules.idLength, field: reader.field("id"))
        guard seenIDs[kind, default: []].insert(text).inserted else {
            throw FieldError(field: reader.field("id"), message: "is used by another record of the same kind")
        }
        return Identifier(rawValue: text)
    }

    private func personID(_ reader: JSONObjectReader) throws(FieldError) -> Person.ID {
        let text = try reader.requiredString("personId")
        guard people.contains(text) else {
            throw FieldError(field: reader.field("personId"), message: "names no person in this document")
        }
        return Person.ID(rawValue: text)
    }

    private func time(_ reader: JSONObjectReader, _ key: String) throws(FieldError) -> Timestamp {
        guard let timestamp = Timestamp(iso8601: try reader.requiredString(key)) else {
            throw FieldError(field: reader.field(key), message: "must be a UTC time such as 2026-11-26T07:30:00Z")
        }
        return timestamp
    }

    private func text(_ reader: JSONObjectReader, _ key: String, _ range: ClosedRange<Int>) throws(FieldError)
        -> String?
    {
        guard let text = try reader.string(key) else { return nil }
        try RecordRules.check(text, range, field: reader.field(key))
        return text
    }

    private func requiredText(_ reader: JSONObjectReader, _ key: String, _ range: ClosedRange<Int>) throws(FieldError)
        -> String
    {
        guard let text = try text(reader, key, range) else {
            throw FieldError(field: reader.field(key), message: "is required")
        }
        return text
    }

    private func json(_ reader: JSONObjectReader, _ key: String) throws(FieldError) -> String {
        let text = try reader.requiredString(key)
        do { _ = try JSONValue.parse(text) } catch {
            throw FieldError(field: reader.field(key), message: "must hold a JSON text: \(error)")
        }
        return text
    }

    mutating func person(_ value: JSONValue, _ path: String) throws(FieldError) -> Person {
        let reader = try JSONObjectReader(value, path: path, allowedKeys: ["id", "name", "createdAt"])
        let id: Person.ID = try id(reader, kind: "person")
        people.insert(id.rawValue)
        return Person(
            id: id, name: try text(reader, "name", RecordRules.nameLength), createdAt: try time(reader, "createdAt"))
    }

    mutating func assessment(_ value: JSONValue, _ path: String) throws(FieldError) -> AssessmentRecord {
        let reader = try JSONObjectReader(
            value, path: path,
            allowedKeys: ["id", "personId", "takenAt", "inputJson", "outputJson"])
        let id: AssessmentRecord.ID = try id(reader, kind: "assessment")
        let person = try personID(reader)
        assessmentOwners[id.rawValue] = person.rawValue
        return AssessmentRecord(
            id: id, personID: person, takenAt: try time(reader, "takenAt"),
            inputJSON: try json(reader, "inputJson"), outputJSON: try json(reader, "outputJson"))
    }

    mutating func plan(_ value: JSONValue, _ path: String) throws(FieldError) -> PlanVersion {
        let reader = try JSONObjectReader(
            value, path: path,
            allowedKeys: [
                "id", "personId", "version", "reason", "createdAt", "assessmentId", "planJson",
            ])
        let id: PlanVersion.ID = try id(reader, kind: "plan")
        let person = try personID(reader)
        let version = try reader.requiredInt("version", in: 1...1_000_000)
        guard planVersions.insert("\(person.rawValue) \(version)").inserted else {
            throw FieldError(
                field: reader.field("version"), message: "this person already has a plan with this version")
        }
        let assessment = try reader.string("assessmentId")
        if let assessment, assessmentOwners[assessment] != person.rawValue {
            throw FieldError(
                field: reader.field("assessmentId"), message: "names no assessment of this person in this document")
        }
        return PlanVersion(
            id: id, personID: person, version: version, planJSON: try json(reader, "planJson"),
            reason: try requiredText(reader, "reason", RecordRules.reasonLength),
            createdAt: try time(reader, "createdAt"),
            assessmentID: assessment.map(AssessmentRecord.ID.init(rawValue:)))
    }

    mutating func loggedSet(_ value: JSONValue, _ path: String) throws(FieldError) -> LoggedSet {
        let reader = try JSONObjectReader(
            value, path: path,
            allowedKeys: [
                "id", "personId", "performedAt", "exerciseId", "side", "setCount", "reps", "load", "durationSeconds",
                "felt", "balance", "rpe", "pain", "note",
            ])
        let id: LoggedSet.ID = try id(reader, kind: "loggedSet")
        let person = try personID(reader)
        let repsValue = try reader.required("reps")
        guard case .array(let repsElements) = repsValue else {
            throw FieldError(field: reader.field("reps"), message: "must be an array, not \(repsValue.typeDescription)")
        }
        var reps: [Int] = []
        for (index, element) in repsElements.enumerated() {
            let field = "\(reader.field("reps"))[\(index)]"
            guard case .number(let number) = element else {
                throw FieldError(field: field, message: "must be a whole number, not \(element.typeDescription)")
            }
            guard number.rounded() == number, abs(number) < 1e9 else {
                throw FieldError(field: field, message: "must be a whole number")
            }
            reps.append(Int(number))
        }
        var load: LoggedLoad?
        if let loadReader = try reader.object("load", allowedKeys: ["value", "unit"]) {
            load = LoggedLoad(
                try loadReader.requiredNumber("value", in: 0...LoggedLoad.maximum),
                try loadReader.requiredEnum("unit", as: LoadUnit.self))
        }
        let entry = SetEntry(
            exerciseID: try requiredText(reader, "exerciseId", RecordRules.exerciseIDLength),
            side: try reader.requiredEnum("side"),
            setCount: try reader.requiredInt("setCount", in: SetEntry.setCountRange),
            reps: reps, load: load,
            durationSeconds: try reader.int("durationSeconds", in: SetEntry.durationRange),
            felt: try reader.requiredEnum("felt"), balance: try reader.requiredEnum("balance"),
            rpe: try reader.int("rpe", in: SetEntry.rpeRange),
            pain: try reader.requiredInt("pain", in: SetEntry.painRange),
            performedAt: try time(reader, "performedAt"),
            note: try text(reader, "note", RecordRules.noteLength))
        try entry.validate(path: path)
        return LoggedSet(id: id, personID: person, entry: entry)
    }

    mutating func wakeUpCall(_ value: JSONValue, _ path: String) throws(FieldError) -> WakeUpCall {
        let reader = try JSONObjectReader(value, path: path, allowedKeys: ["id", "personId", "at", "outcome"])
        let id: WakeUpCall.ID = try id(reader, kind: "wakeUpCall")
        let person = try personID(reader)
        let at = try time(reader, "at")
        guard wakeUpTimes.insert("\(person.rawValue) \(at.millisecondsSince1970)").inserted else {
            throw FieldError(field: reader.field("at"), message: "this person already has a wake-up call at this time")
        }
        return WakeUpCall(id: id, personID: person, at: at, outcome: try reader.requiredEnum("outcome"))
    }

    mutating func retest(_ value: JSONValue, _ path: String) throws(FieldError) -> Retest {
        let reader = try JSONObjectReader(
            value, path: path,
            allowedKeys: ["id", "personId", "testName", "side", "takenAt", "resultJson"])
        let id: Retest.ID = try id(reader, kind: "retest")
        return Retest(
            id: id, personID: try personID(reader),
            testName: try requiredText(reader, "testName", RecordRules.testNameLength),
            side: try reader.enumValue("side", as: Side.self), resultJSON: try json(reader, "resultJson"),
            takenAt: try time(reader, "takenAt"))
    }
}

internal import Foundation
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
                "deletions",
            ])
        guard try reader.requiredString("format") == format else {
            throw FieldError(field: "format", message: "must be \"\(format)\"")
        }
        let version = try reader.requiredInt("version", in: 1...Int.max)
        guard readableVersions.contains(version) else {
            throw FieldError(
                field: "version",
                message: "version \(version) is not supported; this build reads versions 1 and 2")
        }
        if version == 1, reader.value("deletions") != nil {
            // Version 1 had no deletions: a member by that name would be dropped without a word.
            throw FieldError(field: "deletions", message: "unknown field in a version 1 document")
        }
        var parser = DocumentReader(version: version)
        var people: [Person] = [], assessments: [AssessmentRecord] = [], plans: [PlanVersion] = []
        var loggedSets: [LoggedSet] = [], wakeUpCalls: [WakeUpCall] = [], retests: [Retest] = []
        var deletions: [Deletion] = []
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
        if version >= 2 {
            for (value, path) in try DocumentReader.elements(reader, "deletions") {
                deletions.append(try parser.deletion(value, path))
            }
        }
        return ExportDocument(
            people: people, assessments: assessments, plans: plans, loggedSets: loggedSets,
            wakeUpCalls: wakeUpCalls, retests: retests, deletions: deletions)
    }
}

/// Reads the records of a document in order and remembers what it has seen, for references and
/// uniqueness checks.
private struct DocumentReader {
    let version: Int
    private var people: Set<String> = []
    private var assessmentOwners: [String: String] = [:]
    private var seenIDs: [String: Set<String>] = [:]
    private var planVersions: Set<String> = []

    init(version: Int) { self.version = version }

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

    /// A JSON document held by member `key`: an embedded value (version 2) or a string of JSON
    /// text (version 1), which is parsed here.
    private func embedded(_ reader: JSONObjectReader, v1 key1: String, v2 key2: String) throws(FieldError) -> JSONValue
    {
        guard version == 1 else { return reader.value(key2) ?? .null }
        let text = try reader.requiredString(key1)
        do { return try JSONValue.parse(text) } catch {
            throw FieldError(field: reader.field(key1), message: "must hold a JSON text: \(error)")
        }
    }

    mutating func person(_ value: JSONValue, _ path: String) throws(FieldError) -> Person {
        let reader = try JSONObjectReader(
            value, path: path,
            allowedKeys: version == 1 ? ["id", "name", "createdAt"] : ["id", "name", "timeZone", "createdAt"])
        let id: Person.ID = try id(reader, kind: "person")
        people.insert(id.rawValue)
        let zone = try reader.string("timeZone")
        if let zone, !TimeZoneRules.isKnown(zone) {
            throw FieldError(field: reader.field("timeZone"), message: "names no time zone this machine knows")
        }
        return Person(
            id: id, name: try text(reader, "name", RecordRules.nameLength), timeZone: zone,
            createdAt: try time(reader, "createdAt"))
    }

    mutating func assessment(_ value: JSONValue, _ path: String) throws(FieldError) -> AssessmentRecord {
        let reader = try JSONObjectReader(
            value, path: path,
            allowedKeys: version == 1
                ? ["id", "personId", "takenAt", "inputJson", "outputJson"]
                : ["id", "personId", "takenAt", "input", "output"])
        let id: AssessmentRecord.ID = try id(reader, kind: "assessment")
        let person = try personID(reader)
        assessmentOwners[id.rawValue] = person.rawValue
        let input = try embedded(reader, v1: "inputJson", v2: "input")
        return AssessmentRecord(
            id: id, personID: person, takenAt: try time(reader, "takenAt"),
            inputText: version == 1 ? try reader.requiredString("inputJson") : input.serialized(),
            output: try embedded(reader, v1: "outputJson", v2: "output"))
    }

    mutating func plan(_ value: JSONValue, _ path: String) throws(FieldError) -> PlanVersion {
        let reader = try JSONObjectReader(
            value, path: path,
            allowedKeys: version == 1
                ? ["id", "personId", "version", "reason", "createdAt", "assessmentId", "planJson"]
                : ["id", "personId", "version", "status", "reason", "createdAt", "assessmentId", "causes", "plan"])
        let id: PlanVersion.ID = try id(reader, kind: "plan")
        let person = try personID(reader)
        let number = try reader.requiredInt("version", in: 1...1_000_000)
        guard planVersions.insert("\(person.rawValue) \(number)").inserted else {
            throw FieldError(
                field: reader.field("version"), message: "this person already has a plan with this version")
        }
        let assessment = try reader.string("assessmentId")
        if let assessment, assessmentOwners[assessment] != person.rawValue {
            throw FieldError(
                field: reader.field("assessmentId"), message: "names no assessment of this person in this document")
        }
        let reason = try requiredText(reader, "reason", RecordRules.reasonLength)
        let planValue = try embedded(reader, v1: "planJson", v2: "plan")
        let stopped = version == 1 ? planValue == .null : try reader.requiredString("status") == "stopped"
        if version >= 2, !stopped, try reader.requiredString("status") != "active" {
            throw FieldError(field: reader.field("status"), message: "must be \"active\" or \"stopped\"")
        }
        let status: PlanVersion.Status
        if stopped {
            status = .stopped(reason: reason)
        } else {
            // The plan's own paths start at the member that holds it: `plans[0].plan.week[0].day`.
            status = .active(try Plan.decode(planValue, path: reader.field(version == 1 ? "planJson" : "plan")))
        }
        var causes: [String] = []
        if version >= 2, case .array(let elements)? = reader.value("causes") {
            for (index, element) in elements.enumerated() {
                causes.append(try JSONObjectReader.string(element, field: "\(reader.field("causes"))[\(index)]"))
            }
        }
        return PlanVersion(
            id: id, personID: person, version: number, status: status, reason: reason,
            createdAt: try time(reader, "createdAt"), assessmentID: assessment.map(AssessmentRecord.ID.init(rawValue:)),
            causes: causes)
    }

    mutating func loggedSet(_ value: JSONValue, _ path: String) throws(FieldError) -> LoggedSet {
        let reader = try JSONObjectReader(
            value, path: path,
            allowedKeys: [
                "id", "personId", "performedAt", "exerciseId", "side", "setCount", "reps", "load", "durationSeconds",
                "felt", "balance", "rpe", "pain", "note",
            ] + (version == 1 ? [] : ["session", "numbness"]))
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
        var load: Load?
        if let loadReader = try reader.object("load", allowedKeys: ["value", "unit"]) {
            load = Load(
                try loadReader.requiredNumber("value", in: 0...Load.maximum),
                try loadReader.requiredEnum("unit", as: LoadUnit.self))
        }
        let sideName = try reader.requiredString("side")
        guard let side = Side.parse(sideName) else {
            throw FieldError(field: reader.field("side"), message: "must be one of \"left\", \"right\", \"both\"")
        }
        var note = try text(reader, "note", SetEntry.noteLength)
        var numbness = try reader.bool("numbness") ?? false
        if version == 1, let text = note, text.hasPrefix(StoreSchema.oldNumbnessMarker) {
            // Version 1 marked new numbness at the start of the note, as migration 3 reads it.
            numbness = true
            let rest = text.dropFirst(StoreSchema.oldNumbnessMarker.count).trimmingCharacters(in: .whitespaces)
            note = rest.isEmpty ? nil : rest
        }
        let entry = SetEntry(
            exerciseID: try requiredText(reader, "exerciseId", SetEntry.exerciseIDLength),
            side: side,
            setCount: try reader.requiredInt("setCount", in: SetEntry.setCountRange),
            reps: reps, load: load,
            durationSeconds: try reader.int("durationSeconds", in: SetEntry.durationRange),
            felt: try reader.requiredEnum("felt"), balance: try reader.requiredEnum("balance"),
            rpe: try reader.int("rpe", in: SetEntry.rpeRange),
            pain: try reader.requiredInt("pain", in: SetEntry.painRange), numbness: numbness,
            performedAt: try time(reader, "performedAt"), note: note,
            session: try reader.enumValue("session"))
        try entry.validate(path: path)
        return LoggedSet(id: id, personID: person, entry: entry)
    }

    mutating func wakeUpCall(_ value: JSONValue, _ path: String) throws(FieldError) -> WakeUpCall {
        let reader = try JSONObjectReader(
            value, path: path,
            allowedKeys: version == 1
                ? ["id", "personId", "at", "outcome"] : ["id", "personId", "at", "outcome", "answers"])
        let id: WakeUpCall.ID = try id(reader, kind: "wakeUpCall")
        let person = try personID(reader)
        let at = try time(reader, "at")
        // Version 1 counted every log as a call of its own.
        let answers =
            version == 1 ? at : try reader.value("answers").map { _ throws(FieldError) in try time(reader, "answers") }
        return WakeUpCall(
            id: id, personID: person, at: at, outcome: try reader.requiredEnum("outcome"), answers: answers)
    }

    mutating func retest(_ value: JSONValue, _ path: String) throws(FieldError) -> Retest {
        let reader = try JSONObjectReader(
            value, path: path,
            allowedKeys: version == 1
                ? ["id", "personId", "testName", "side", "takenAt", "resultJson"]
                : ["id", "personId", "testName", "takenAt", "result"])
        let id: Retest.ID = try id(reader, kind: "retest")
        let name = try reader.requiredString("testName")
        guard let kind = RetestKind(rawValue: name) else {
            let names = RetestKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw FieldError(field: reader.field("testName"), message: "must be one of \(names)")
        }
        let result = try embedded(reader, v1: "resultJson", v2: "result")
        do { _ = try RetestOutcome(kind: kind, result: result) } catch {
            // The decoder names fields as in an assessment (`tests.hipHinge.pass`); here the result
            // itself is the test, so its path starts at the member that holds it.
            let test = "tests.\(kind.assessmentKey)"
            let inner = error.field.hasPrefix(test) ? String(error.field.dropFirst(test.count)) : ".\(error.field)"
            throw FieldError(
                field: reader.field(version == 1 ? "resultJson" : "result") + inner, message: error.message)
        }
        return Retest(
            id: id, personID: try personID(reader), kind: kind, result: result, takenAt: try time(reader, "takenAt"))
    }

    mutating func deletion(_ value: JSONValue, _ path: String) throws(FieldError) -> Deletion {
        let reader = try JSONObjectReader(
            value, path: path, allowedKeys: ["id", "personId", "kind", "entryId", "entry", "deletedAt"])
        let id: Deletion.ID = try id(reader, kind: "deletion")
        return Deletion(
            id: id, personID: try personID(reader), kind: try reader.requiredEnum("kind"),
            entryID: try requiredText(reader, "entryId", RecordRules.idLength), entry: try reader.required("entry"),
            deletedAt: try time(reader, "deletedAt"))
    }
}

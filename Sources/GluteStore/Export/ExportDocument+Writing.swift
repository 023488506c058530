internal import GluteCore
public import GluteJSON

extension ExportDocument {
    /// The document as a JSON value (version 2), members in a fixed order and absent values as `null`.
    public var jsonValue: JSONValue {
        let document: JSONObject = [
            "format": .string(Self.format),
            "version": .int(Self.version),
            "people": .array(people.map(Self.json)),
            "assessments": .array(assessments.map(Self.json)),
            "plans": .array(plans.map(Self.json)),
            "loggedSets": .array(loggedSets.map(Self.json)),
            "wakeUpCalls": .array(wakeUpCalls.map(Self.json)),
            "retests": .array(retests.map(Self.json)),
            "deletions": .array(deletions.map(Self.json)),
        ]
        return .object(document)
    }

    /// The document as pretty-printed JSON text; the same document always gives the same bytes.
    public func serialized() -> String { jsonValue.serialized(.pretty) }

    private static func time(_ timestamp: Timestamp) -> JSONValue { .string(timestamp.description) }

    private static func json(_ person: Person) -> JSONValue {
        .object([
            "id": .string(person.id.rawValue),
            "name": .optional(person.name, JSONValue.string),
            "timeZone": .optional(person.timeZone, JSONValue.string),
            "createdAt": time(person.createdAt),
        ])
    }

    private static func json(_ assessment: AssessmentRecord) -> JSONValue {
        .object([
            "id": .string(assessment.id.rawValue),
            "personId": .string(assessment.personID.rawValue),
            "takenAt": time(assessment.takenAt),
            "input": assessment.input,
            "output": assessment.output,
        ])
    }

    private static func json(_ plan: PlanVersion) -> JSONValue {
        .object([
            "id": .string(plan.id.rawValue),
            "personId": .string(plan.personID.rawValue),
            "version": .int(plan.version),
            "status": .string(plan.plan == nil ? "stopped" : "active"),
            "reason": .string(plan.reason),
            "createdAt": time(plan.createdAt),
            "assessmentId": .optional(plan.assessmentID) { .string($0.rawValue) },
            "causes": .strings(plan.causes),
            "plan": .optional(plan.plan) { $0.jsonValue },
        ])
    }

    /// The export form of a logged set (also kept in a deletion record).
    public static func json(_ set: LoggedSet) -> JSONValue {
        .object([
            "id": .string(set.id.rawValue),
            "personId": .string(set.personID.rawValue),
            "performedAt": time(set.performedAt),
            "exerciseId": .string(set.exerciseID),
            "side": .string(Side.name(of: set.side)),
            "session": .optional(set.session) { .string($0.rawValue) },
            "setCount": .int(set.setCount),
            "reps": .array(set.reps.map(JSONValue.int)),
            "load": .optional(set.load) { .object(["value": .number($0.value), "unit": .string($0.unit.rawValue)]) },
            "durationSeconds": .optional(set.durationSeconds, JSONValue.int),
            "felt": .string(set.felt.rawValue),
            "balance": .string(set.balance.rawValue),
            "rpe": .optional(set.rpe, JSONValue.int),
            "pain": .int(set.pain),
            "numbness": .bool(set.numbness),
            "note": .optional(set.note, JSONValue.string),
        ])
    }

    /// The export form of a wake-up call log (also kept in a deletion record).
    public static func json(_ call: WakeUpCall) -> JSONValue {
        .object([
            "id": .string(call.id.rawValue),
            "personId": .string(call.personID.rawValue),
            "at": time(call.at),
            "outcome": .string(call.outcome.rawValue),
            "answers": .optional(call.answers, time),
        ])
    }

    /// The export form of a retest (also kept in a deletion record).
    public static func json(_ retest: Retest) -> JSONValue {
        .object([
            "id": .string(retest.id.rawValue),
            "personId": .string(retest.personID.rawValue),
            "testName": .string(retest.kind.rawValue),
            "takenAt": time(retest.takenAt),
            "result": retest.result,
        ])
    }

    private static func json(_ deletion: Deletion) -> JSONValue {
        .object([
            "id": .string(deletion.id.rawValue),
            "personId": .string(deletion.personID.rawValue),
            "kind": .string(deletion.kind.rawValue),
            "entryId": .string(deletion.entryID),
            "entry": deletion.entry,
            "deletedAt": time(deletion.deletedAt),
        ])
    }
}

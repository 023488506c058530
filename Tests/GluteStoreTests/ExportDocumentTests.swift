import Foundation
import GluteCore
import GluteJSON
import GluteStore
import Testing

/// Parsing and validating version 2 export documents, without any store: every bad field is
/// named by its path.
@Suite struct ExportDocumentTests {
    private static let person =
        #"{"id": "p1", "name": null, "timeZone": "Europe/Madrid", "createdAt": "2026-11-02T08:00:00Z"}"#
    private static let set = #"""
        {"id": "s1", "personId": "p1", "performedAt": "2026-11-02T09:00:00Z", "exerciseId": "bridge", "side": "left",
         "session": null, "setCount": 2, "reps": [15, 15], "load": null, "durationSeconds": null, "felt": "glutes",
         "balance": "steady", "rpe": null, "pain": 0, "numbness": false, "note": null}
        """#
    private static let plan = """
        {"id": "v1", "personId": "p1", "version": 1, "status": "active", "reason": "first",
         "createdAt": "2026-11-02T08:00:00Z", "assessmentId": null, "causes": ["s1"], "plan": \(samplePlanJSON)}
        """
    private static let call = #"""
        {"id": "w1", "personId": "p1", "at": "2026-11-02T10:01:00Z", "outcome": "done", "answers": "2026-11-02T10:00:00Z"}
        """#
    private static let retest = #"""
        {"id": "r1", "personId": "p1", "testName": "hip-hinge", "takenAt": "2026-11-02T11:00:00Z", "result": {"pass": true}}
        """#
    private static let deletion = #"""
        {"id": "d1", "personId": "p1", "kind": "set", "entryId": "s9", "entry": {"pain": 9}, "deletedAt": "2026-11-02T12:00:00Z"}
        """#

    private func document(
        people: String = person, plans: String = plan, sets: String = set, calls: String = call,
        retests: String = retest, deletions: String? = deletion, extra: String = ""
    ) -> String {
        """
        {"format": "glutecoach-export", "version": 2\(extra), "people": [\(people)], "assessments": [],
         "plans": [\(plans)], "loggedSets": [\(sets)], "wakeUpCalls": [\(calls)], "retests": [\(retests)]\
        \(deletions.map { #", "deletions": [\#($0)]"# } ?? "")}
        """
    }

    /// Expects `text` to be refused on `field` (and with `message`, when given).
    private func expectRefused(
        _ text: String, field: String, message: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = #expect(throws: FieldError.self, sourceLocation: sourceLocation) { try ExportDocument.parse(text) }
        #expect(error?.field == field, "\(String(describing: error))", sourceLocation: sourceLocation)
        if let message { #expect(error?.message == message, sourceLocation: sourceLocation) }
    }

    @Test func aValidDocumentParsesAndWritesBackTheSameBytes() throws {
        let parsed = try ExportDocument.parse(document())
        #expect(parsed.people.first?.timeZone == "Europe/Madrid")
        #expect(parsed.loggedSets.first?.reps == [15, 15])
        #expect(parsed.plans.first?.status == .active(samplePlan) && parsed.plans.first?.causes == ["s1"])
        #expect(parsed.wakeUpCalls.first?.answers == at(10))
        #expect(parsed.retests.first?.kind == .hipHinge)
        #expect(parsed.deletions.first?.entry == .object(["pain": 9]))
        let text = parsed.serialized()
        #expect(try ExportDocument.parse(text) == parsed)
        #expect(try ExportDocument.parse(text).serialized() == text)
    }

    @Test(
        arguments: [
            ("not JSON", "{", "(document)", nil),
            ("wrong format", #"{"format": "other", "version": 2}"#, "format", nil),
            (
                "future version", #"{"format": "glutecoach-export", "version": 3}"#, "version",
                "version 3 is not supported; this build reads versions 1 and 2"
            ),
            ("version zero", #"{"format": "glutecoach-export", "version": 0}"#, "version", nil),
            ("version as text", #"{"format": "glutecoach-export", "version": "2"}"#, "version", nil),
        ] as [(String, String, String, String?)])
    func badEnvelopesAreNamed(_ label: String, _ text: String, _ field: String, _ message: String?) {
        expectRefused(text, field: field, message: message)
    }

    @Test func unknownAndMissingFieldsAreNamed() {
        expectRefused(document(extra: #", "extra": 1"#), field: "extra", message: "unknown field")
        expectRefused(
            document(sets: Self.set.replacingOccurrences(of: #""pain": 0"#, with: #""pain": 0, "colour": "red""#)),
            field: "loggedSets[0].colour")
        // A version 1 member in a version 2 document.
        expectRefused(
            document(plans: Self.plan.replacingOccurrences(of: #""causes""#, with: #""planJson": "{}", "causes""#)),
            field: "plans[0].planJson")
        expectRefused(document(deletions: nil), field: "deletions", message: "is required")
    }

    @Test func duplicateIdsAreRefused() {
        expectRefused(document(sets: Self.set + "," + Self.set), field: "loggedSets[1].id")
        expectRefused(document(calls: Self.call + "," + Self.call), field: "wakeUpCalls[1].id")
    }

    @Test func referencesMustPointIntoTheDocument() {
        let orphan = Self.set.replacingOccurrences(of: #""personId": "p1""#, with: #""personId": "p2""#)
        expectRefused(document(sets: orphan), field: "loggedSets[0].personId")
        let borrowed = Self.plan.replacingOccurrences(of: #""assessmentId": null"#, with: #""assessmentId": "a9""#)
        expectRefused(document(plans: borrowed), field: "plans[0].assessmentId")
    }

    @Test(
        arguments: [
            (#""pain": 0"#, #""pain": 11"#, "loggedSets[0].pain", "must be between 0 and 10"),
            (#""side": "left""#, #""side": "middle""#, "loggedSets[0].side", nil),
            (#""reps": [15, 15]"#, #""reps": [15]"#, "loggedSets[0].reps", nil),
            (#""reps": [15, 15]"#, #""reps": [15, -1]"#, "loggedSets[0].reps[1]", "must be between 0 and 1000"),
            (#""reps": [15, 15]"#, #""reps": [15, 1.5]"#, "loggedSets[0].reps[1]", "must be a whole number"),
            (
                #""performedAt": "2026-11-02T09:00:00Z""#, #""performedAt": "yesterday""#, "loggedSets[0].performedAt",
                nil
            ),
            (#""load": null"#, #""load": {"value": 5, "unit": "stone"}"#, "loggedSets[0].load.unit", nil),
            (#""numbness": false"#, #""numbness": "no""#, "loggedSets[0].numbness", nil),
            (#""session": null"#, #""session": "cardio""#, "loggedSets[0].session", nil),
        ] as [(String, String, String, String?)])
    func badSetFieldsAreNamed(_ original: String, _ replacement: String, _ field: String, _ message: String?) {
        expectRefused(
            document(sets: Self.set.replacingOccurrences(of: original, with: replacement)), field: field,
            message: message)
    }

    @Test(
        arguments: [
            (#""day": "mon""#, #""day": "funday""#, "plans[0].plan.week[0].day"),
            (#""sets": 3"#, #""sets": 0"#, "plans[0].plan.week[0].sessions[0].items[0].sets"),
            (#""reassessOn": "2026-12-14""#, #""reassessOn": "soon""#, "plans[0].plan.reassessOn"),
            (#""status": "active""#, #""status": "paused""#, "plans[0].status"),
            (#""version": 1"#, #""version": 0"#, "plans[0].version"),
            (#""reason": "first""#, #""reason": """#, "plans[0].reason"),
            (#""causes": ["s1"]"#, #""causes": [1]"#, "plans[0].causes[0]"),
        ])
    func badPlanFieldsAreNamed(_ original: String, _ replacement: String, _ field: String) {
        let plan = Self.plan.replacingOccurrences(of: original, with: replacement)
        #expect(plan != Self.plan)
        expectRefused(document(plans: plan), field: field)
    }

    @Test func aPlanVersionIsUniquePerPerson() {
        let again = Self.plan.replacingOccurrences(of: #""id": "v1""#, with: #""id": "v2""#)
        expectRefused(document(plans: Self.plan + "," + again), field: "plans[1].version")
    }

    @Test(
        arguments: [
            (#""testName": "hip-hinge""#, #""testName": "hipHingeWall""#, "retests[0].testName"),
            (#""result": {"pass": true}"#, #""result": {"pass": "yes"}"#, "retests[0].result.pass"),
            (#""result": {"pass": true}"#, #""result": {"pass": true, "side": "left"}"#, "retests[0].result.side"),
        ])
    func badRetestFieldsAreNamed(_ original: String, _ replacement: String, _ field: String) {
        expectRefused(
            document(retests: Self.retest.replacingOccurrences(of: original, with: replacement)), field: field)
    }

    @Test func otherBadFieldsAreNamed() {
        expectRefused(
            document(people: Self.person.replacingOccurrences(of: "Europe/Madrid", with: "Mars/Olympus_Mons")),
            field: "people[0].timeZone")
        expectRefused(
            document(
                calls: Self.call.replacingOccurrences(
                    of: #""answers": "2026-11-02T10:00:00Z""#, with: #""answers": "soon""#)),
            field: "wakeUpCalls[0].answers")
        expectRefused(
            document(deletions: Self.deletion.replacingOccurrences(of: #""kind": "set""#, with: #""kind": "plan""#)),
            field: "deletions[0].kind")
    }

    @Test func wakeUpCallsMayShareAnInstantAndAnswerNone() throws {
        let outside = Self.call.replacingOccurrences(of: "w1", with: "w2")
            .replacingOccurrences(of: #""answers": "2026-11-02T10:00:00Z""#, with: #""answers": null"#)
        let parsed = try ExportDocument.parse(document(calls: Self.call + "," + outside))
        #expect(parsed.wakeUpCalls.map(\.answers) == [at(10), nil])
        #expect(parsed.wakeUpCalls.map(\.at) == [at(10, 1), at(10, 1)])
    }
}

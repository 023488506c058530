import Foundation
import GluteCore
import GluteJSON
import GluteStore
import Testing

/// Parsing and validating export documents, without any store.
@Suite struct ExportDocumentTests {
    private static let person = #"{"id": "p1", "name": null, "createdAt": "2026-11-02T08:00:00Z"}"#
    private static let set = #"""
        {"id": "s1", "personId": "p1", "performedAt": "2026-11-02T09:00:00Z", "exerciseId": "bridge", "side": "left",
         "setCount": 2, "reps": [15, 15], "load": null, "durationSeconds": null, "felt": "glutes", "balance": "steady",
         "rpe": null, "pain": 0, "note": null}
        """#

    private func document(
        people: String = person, plans: String = "", sets: String = set, calls: String = "",
        extra: String = ""
    ) -> String {
        """
        {"format": "glutecoach-export", "version": 1\(extra), "people": [\(people)], "assessments": [],
         "plans": [\(plans)], "loggedSets": [\(sets)], "wakeUpCalls": [\(calls)], "retests": []}
        """
    }

    @Test func aValidDocumentParses() throws {
        let parsed = try ExportDocument.parse(document())
        #expect(parsed.loggedSets.first?.reps == [15, 15])
        #expect(try ExportDocument.parse(parsed.serialized()) == parsed)
    }

    @Test(arguments: [
        ("not JSON", "{", "(document)"),
        ("wrong format", #"{"format": "other", "version": 1}"#, "format"),
        ("future version", #"{"format": "glutecoach-export", "version": 2}"#, "version"),
    ])
    func badEnvelopesAreNamed(_ label: String, _ text: String, _ field: String) {
        let error = #expect(throws: FieldError.self, "\(label)") { try ExportDocument.parse(text) }
        #expect(error?.field == field, "\(label)")
    }

    @Test func unknownFieldsAreRefused() {
        let error = #expect(throws: FieldError.self) { try ExportDocument.parse(document(extra: #", "extra": 1"#)) }
        #expect(error?.field == "extra")
        #expect(error?.message == "unknown field")
    }

    @Test func duplicateIdsAreRefused() {
        let error = #expect(throws: FieldError.self) {
            try ExportDocument.parse(document(sets: Self.set + "," + Self.set))
        }
        #expect(error?.field == "loggedSets[1].id")
    }

    @Test func referencesMustPointIntoTheDocument() {
        let orphan = Self.set.replacingOccurrences(of: #""personId": "p1""#, with: #""personId": "p2""#)
        let error = #expect(throws: FieldError.self) { try ExportDocument.parse(document(sets: orphan)) }
        #expect(error?.field == "loggedSets[0].personId")
        let plan = #"""
            {"id": "v1", "personId": "p1", "version": 1, "reason": "r", "createdAt": "2026-11-02T08:00:00Z",
             "assessmentId": "a9", "planJson": "{}"}
            """#
        let planError = #expect(throws: FieldError.self) { try ExportDocument.parse(document(plans: plan)) }
        #expect(planError?.field == "plans[0].assessmentId")
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
        ] as [(String, String, String, String?)])
    func badSetFieldsAreNamed(_ original: String, _ replacement: String, _ field: String, _ message: String?) {
        let text = document(sets: Self.set.replacingOccurrences(of: original, with: replacement))
        let error = #expect(throws: FieldError.self) { try ExportDocument.parse(text) }
        #expect(error?.field == field)
        if let message { #expect(error?.message == message) }
    }

    @Test func twoWakeUpCallsAtOneInstantAreRefused() {
        let call = #"{"id": "w1", "personId": "p1", "at": "2026-11-02T10:00:00Z", "outcome": "done"}"#
        let again = call.replacingOccurrences(of: "w1", with: "w2")
        let error = #expect(throws: FieldError.self) { try ExportDocument.parse(document(calls: call + "," + again)) }
        #expect(error?.field == "wakeUpCalls[1].at")
    }
}

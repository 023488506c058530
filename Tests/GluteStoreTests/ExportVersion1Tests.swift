import Foundation
import GluteCore
import GluteJSON
import GluteStore
import Testing

@testable import GluteSQLite

/// Export files of the first releases (version 1) still read, and are written back as version 2.
@Suite struct ExportVersion1Tests {
    private func parsed() throws -> ExportDocument { try ExportDocument.parse(ExportVersion1Fixture.text) }

    @Test func peopleAndAssessmentsKeepTheirTextAsGiven() throws {
        let document = try parsed()
        #expect(
            document.people == [
                Person(
                    id: .init(rawValue: "p1"), name: "Ana", timeZone: nil,
                    createdAt: Timestamp(iso8601: "2026-10-01T08:00:00Z")!)
            ])
        let assessment = try #require(document.assessments.first)
        #expect(Array(assessment.inputText.utf8) == Array(ExportVersion1Fixture.inputText.utf8))
        #expect(assessment.input.objectValue?["profile"]?.objectValue?["name"] == "Ana \u{D1}")
        #expect(assessment.findingCodes == ["GLUTE_AMNESIA"])
    }

    @Test func aPlanWhoseJSONIsNullIsAStop() throws {
        let plans = try parsed().plans
        #expect(plans.map(\.version) == [1, 2])
        let plan = try #require(plans[0].plan)
        #expect(plan.wakeUpCalls.everyMinutes == 45 && plan.sessions.map(\.session.kind) == [.activation])
        #expect(plans[0].assessmentID?.rawValue == "a1")
        #expect(plans[1].status == .stopped(reason: ExportVersion1Fixture.stopReason))
        #expect(plans.allSatisfy { $0.causes.isEmpty })
    }

    @Test func aNumbnessMarkerMovesFromTheNoteIntoTheField() throws {
        let sets = try parsed().loggedSets
        #expect(sets.map(\.numbness) == [false, true, true])
        #expect(sets.map(\.note) == ["felt good", "left calf", nil])
        #expect(sets.allSatisfy { $0.session == nil })
        #expect(sets[1].side == nil && sets[1].load == Load(20, .kg) && sets[2].durationSeconds == 20)
    }

    @Test func wakeUpCallsAnswerTheirOwnInstantAndRetestsHaveTheirKind() throws {
        let document = try parsed()
        #expect(document.wakeUpCalls.allSatisfy { $0.answers == $0.at })
        #expect(document.retests.map(\.kind) == [.singleLegBridge, .hipHinge])
        #expect(RetestKind.bridgeReps(document.retests[0].result) == PerSide(left: 12, right: 15))
        #expect(document.retests[1].result == .object(["pass": true]))
        #expect(document.deletions.isEmpty)
    }

    @Test func aVersion1FileIsWrittenBackAsVersion2() throws {
        let first = try parsed().serialized()
        #expect(first.hasPrefix("{\n  \"format\": \"glutecoach-export\",\n  \"version\": 2,"))
        #expect(!first.contains("planJson") && !first.contains("inputJson") && !first.contains("[new numbness]"))
        let again = try ExportDocument.parse(first)
        #expect(again.serialized() == first)
        let original = try parsed()
        #expect(again.plans == original.plans && again.loggedSets == original.loggedSets)
    }

    @Test func aVersion1FileImportedIntoAStoreExportsAsTheSameVersion2Document() async throws {
        let folder = try TemporaryFolder()
        let store = try makeSQLiteStore(in: folder)
        let document = try parsed()
        _ = try await store.write { tx in try tx.importRecords(document) }
        #expect(try await store.exportDatabase().serialized() == document.serialized())
        let person = Person.ID(rawValue: "p1")
        #expect(
            try await store.read { tx in try tx.latestAssessment(for: person) }?.inputText
                == ExportVersion1Fixture.inputText)
        #expect(
            try await store.read { tx in try tx.currentPlan(for: person) }?.stopReason
                == ExportVersion1Fixture.stopReason)
    }

    @Test(arguments: [
        (#""planJson": "null""#, #""planJson": "nul""#, "plans[1].planJson"),
        (#""day\":\"tue\""#, #""day\":\"funday\""#, "plans[0].planJson.week[0].day"),
        (#""testName": "hip-hinge""#, #""testName": "hipHingeWall""#, "retests[1].testName"),
        (#""outcome": "skip""#, #""outcome": "maybe""#, "wakeUpCalls[1].outcome"),
        (#""people": ["#, #""deletions": [], "people": ["#, "deletions"),
    ])
    func badVersion1FieldsAreNamed(_ original: String, _ replacement: String, _ field: String) {
        let text = ExportVersion1Fixture.text.replacingOccurrences(of: original, with: replacement)
        #expect(text != ExportVersion1Fixture.text)
        let error = #expect(throws: FieldError.self) { try ExportDocument.parse(text) }
        #expect(error?.field == field, "\(String(describing: error))")
    }
}

import Foundation
import GluteCore
import GluteStore
import Testing

extension StoreContract {
    /// Fills a store with some of everything: two people, assessments, plans, `sets` logged sets,
    /// wake-up calls and retests.
    static func fill(_ store: any Store, sets: Int = 12) async throws {
        let ana = try await store.createPerson(name: "Ana Ñúñez \u{1F600}")
        let ben = try await store.createPerson(name: nil)
        let assessment = try await store.recordAssessment(
            for: ana.id, inputJSON: "{ \"a\" : [1, 2.5] }",
            outputJSON: "{\"findings\":[\"GLUTE_AMNESIA\"]}", takenAt: at(7))
        _ = try await store.savePlan(
            for: ana.id, planJSON: "{\"v\":1}", reason: "initial assessment",
            assessmentID: assessment.id)
        _ = try await store.savePlan(for: ana.id, planJSON: "{\"v\":2}", reason: "pain reported", assessmentID: nil)
        _ = try await store.savePlan(for: ben.id, planJSON: "{}", reason: "coach edit", assessmentID: nil)
        for index in 0..<sets {
            let side: Side? = [.left, .right, nil][index % 3]
            var entry = sampleEntry(
                side: side, performedAt: at(9).adding(seconds: Int64(index * 61)),
                pain: index % 11, reps: index % 4 == 0 ? [] : [10, index % 7])
            if index % 2 == 0 { entry.load = Load(Double(index) * 1.25 + 0.1, index % 3 == 0 ? .lb : .kg) }
            if index % 5 == 0 { entry.note = nil; entry.rpe = nil }
            _ = try await store.logSet(entry, for: index % 3 == 2 ? ben.id : ana.id)
        }
        _ = try await store.recordWakeUpCall(for: ana.id, at: at(10), outcome: .done)
        _ = try await store.recordWakeUpCall(for: ben.id, at: at(10), outcome: .skip)
        _ = try await store.recordRetest(
            for: ana.id, testName: "singleLegBridge", side: .left,
            resultJSON: "{\"reps\":9}", takenAt: at(12))
        _ = try await store.recordRetest(
            for: ben.id, testName: "hipHingeWall", side: nil, resultJSON: "true",
            takenAt: at(12))
    }

    static let transferChecks: [ContractCheck] = [
        ContractCheck(name: "an empty store exports an empty versioned document") { factory in
            let store = try await factory(makeTestEnvironment())
            let text = try await store.exportDocument()
            #expect(text.hasPrefix("{\n  \"format\": \"glutecoach-export\",\n  \"version\": 1,"))
            #expect(
                try ExportDocument.parse(text).summary
                    == ImportSummary(people: 0, assessments: 0, plans: 0, loggedSets: 0, wakeUpCalls: 0, retests: 0))
        },
        ContractCheck(name: "export then import into an empty store gives the same bytes") { factory in
            let source = try await factory(makeTestEnvironment(prefix: "a"))
            try await fill(source)
            let exported = try await source.exportDocument()
            let target = try await factory(makeTestEnvironment(prefix: "b"))
            let summary = try await target.importDocument(exported)
            #expect(
                summary
                    == ImportSummary(
                        people: 2, assessments: 1, plans: 3, loggedSets: 12, wakeUpCalls: 2,
                        retests: 2))
            #expect(try await target.exportDocument() == exported)
            let ana = try #require(try await target.people().first)
            #expect(try await target.latestPlan(for: ana.id)?.version == 2)
        },
        ContractCheck(name: "an invalid document is refused with its field path and writes nothing") { factory in
            let source = try await factory(makeTestEnvironment(prefix: "a"))
            try await fill(source)
            let exported = try await source.exportDocument()
            let target = try await factory(makeTestEnvironment(prefix: "b"))
            _ = try await target.createPerson(name: "Already here")
            let before = try await target.exportDocument()
            // The fourth set's pain is 3; make it 12. Everything before it in the document is valid.
            let broken = exported.replacingFirst("\"pain\": 3,", with: "\"pain\": 12,")
            #expect(broken != exported)
            let error = await #expect(throws: StoreError.self) { try await target.importDocument(broken) }
            #expect(error?.code == .invalidDocument)
            #expect(error?.field == "loggedSets[3].pain")
            #expect(error?.description == "invalid import document: loggedSets[3].pain: must be between 0 and 10")
            #expect(try await target.exportDocument() == before)
        },
        ContractCheck(name: "an import that fails half-way in the database leaves the store as it was") { factory in
            let source = try await factory(makeTestEnvironment(prefix: "a"))
            try await fill(source, sets: 60)
            let exported = try await source.exportDocument()
            let document = try ExportDocument.parse(exported)
            // The target already holds a set whose id is the 50th set's in the document: the
            // document is valid on its own, and only the database can see the clash.
            let clash = document.loggedSets[49]
            let target = try await factory(StoreEnvironment(now: { at(6) }, makeID: { clash.id.rawValue }))
            let owner = try await target.createPerson(name: "Owner")
            _ = try await target.logSet(clash.entry, for: owner.id)
            let before = try await target.exportDocument()
            let error = await #expect(throws: StoreError.self) { try await target.importDocument(exported) }
            #expect(error?.code == .constraintViolation)
            #expect(try await target.exportDocument() == before)
        },
    ]
}

extension String {
    /// The text with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

import Foundation
import GluteCore
import GluteJSON
import GluteStore
import Testing

extension StoreContract {
    /// Fills a store with some of everything: two people, an assessment, active and stopped plan
    /// versions with causes and item states, `sets` logged sets, wake-up calls, retests and a
    /// deletion.
    static func fill(_ store: any Store, sets: Int = 12) async throws {
        let (ana, ben) = try await store.write { tx in
            (
                try tx.createPerson(name: "Ana Ñúñez \u{1F600}", timeZone: "Europe/Madrid", at: at(7)),
                try tx.createPerson(name: nil, timeZone: nil, at: at(7, 30))
            )
        }
        try await store.write { tx in
            let assessment = try tx.insertAssessment(
                for: ana.id, inputText: "{ \"a\" : [1, 2.5] }",
                output: .object(["findings": .array([.object(["code": "GLUTE_AMNESIA"])])]),
                takenAt: at(7))
            let first = try tx.insertPlan(
                for: ana.id, status: .active(samplePlan), reason: "initial assessment", assessment: assessment.id,
                causes: [], at: at(7))
            try tx.saveItemStates([sampleState("glute-bridge")], plan: first.id, for: ana.id, at: at(7))
            _ = try tx.insertPlan(
                for: ana.id, status: .stopped(reason: "pain reported"), reason: "pain reported", assessment: nil,
                causes: ["cause-1", "cause-2"], at: at(8))
            _ = try tx.insertPlan(
                for: ben.id, status: .active(samplePlan), reason: "coach edit", assessment: nil, causes: [], at: at(8))
        }
        for index in 0..<sets {
            let side: Side? = [.left, .right, nil][index % 3]
            var entry = sampleEntry(
                side: side, performedAt: at(9).adding(seconds: Int64(index * 61)), pain: index % 11,
                reps: index % 4 == 0 ? [] : [10, index % 7], numbness: index % 6 == 1,
                session: [nil, .activation, .strength, .mobility][index % 4])
            if index % 2 == 0 { entry.load = Load(Double(index) * 1.25 + 0.1, index % 3 == 0 ? .lb : .kg) }
            if index % 5 == 0 {
                entry.note = nil
                entry.rpe = nil
            }
            _ = try await store.insertSet(entry, for: index % 3 == 2 ? ben.id : ana.id)
        }
        try await store.write { tx in
            _ = try tx.insertWakeUpCall(for: ana.id, at: at(10), outcome: .done, answers: at(10))
            _ = try tx.insertWakeUpCall(for: ana.id, at: at(10), outcome: .skip, answers: at(10))
            let outside = try tx.insertWakeUpCall(for: ben.id, at: at(22), outcome: .skip, answers: nil)
            _ = try tx.insertRetest(
                for: ana.id, kind: .singleLegBridge, result: bridgeResult(left: 9, right: 12), takenAt: at(12))
            _ = try tx.insertRetest(for: ben.id, kind: .hipHinge, result: .object(["pass": true]), takenAt: at(12))
            _ = try tx.deleteEntry(
                .wakeUpCall, id: outside.id.rawValue, for: ben.id, entry: ExportDocument.json(outside), at: at(23))
        }
    }

    static let transferChecks: [ContractCheck] = [
        ContractCheck(name: "an empty store exports an empty version 2 document") { factory in
            let store = try await factory(numberedIDs())
            let text = try await store.exportDatabase().serialized()
            #expect(text.hasPrefix("{\n  \"format\": \"glutecoach-export\",\n  \"version\": 2,"))
            #expect(
                try ExportDocument.parse(text).summary
                    == ImportSummary(people: 0, assessments: 0, plans: 0, loggedSets: 0, wakeUpCalls: 0, retests: 0))
        },
        ContractCheck(name: "export, import into a fresh store and export again give the same bytes") { factory in
            let source = try await factory(numberedIDs(prefix: "a"))
            try await fill(source)
            let exported = try await source.exportDatabase().serialized()
            let document = try ExportDocument.parse(exported)
            let target = try await factory(numberedIDs(prefix: "b"))
            let summary = try await target.write { tx in try tx.importRecords(document) }
            #expect(
                summary
                    == ImportSummary(
                        people: 2, assessments: 1, plans: 3, loggedSets: 12, wakeUpCalls: 2, retests: 2, deletions: 1))
            #expect(try await target.exportDatabase().serialized() == exported)
            let ana = try #require(try await target.read { tx in try tx.earliestPerson() })
            let plan = try await target.read { tx in try tx.currentPlan(for: ana.id) }
            #expect(
                plan?.version == 2 && plan?.stopReason == "pain reported" && plan?.causes == ["cause-1", "cause-2"])
            #expect(try await target.read { tx in try tx.planHistory(for: ana.id) }.first?.plan == samplePlan)
        },
        ContractCheck(name: "importing the same document twice fails the second time and changes nothing") {
            factory in
            let source = try await factory(numberedIDs(prefix: "a"))
            try await fill(source)
            let document = try ExportDocument.parse(try await source.exportDatabase().serialized())
            let target = try await factory(numberedIDs(prefix: "b"))
            _ = try await target.write { tx in try tx.importRecords(document) }
            let before = try await target.exportDatabase()
            await expectStoreError(.constraintViolation) {
                _ = try await target.write { tx in try tx.importRecords(document) }
            }
            #expect(try await target.exportDatabase() == before)
        },
        ContractCheck(name: "an import that fails half-way in the database leaves the store as it was") { factory in
            let source = try await factory(numberedIDs(prefix: "a"))
            try await fill(source, sets: 60)
            let document = try ExportDocument.parse(try await source.exportDatabase().serialized())
            // The target already holds a set whose id is the 50th set's in the document: the
            // document is valid on its own, and only the database can see the clash.
            let clash = document.loggedSets[49]
            let target = try await factory(IdentifierSource { clash.id.rawValue })
            _ = try await target.write { tx in
                let owner = try tx.createPerson(name: "Owner", timeZone: nil, at: at(6))
                return try tx.insertSet(clash.entry, for: owner.id)
            }
            let before = try await target.exportDatabase()
            await expectStoreError(.constraintViolation) {
                _ = try await target.write { tx in try tx.importRecords(document) }
            }
            #expect(try await target.exportDatabase() == before)
        },
    ]
}

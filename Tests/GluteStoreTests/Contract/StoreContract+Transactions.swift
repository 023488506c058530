import GluteCore
import GluteJSON
import GluteStore
import Testing

extension StoreContract {
    static let transactionChecks: [ContractCheck] = [
        ContractCheck(name: "a body that throws after writing several records writes none of them") { factory in
            let store = try await factory(numberedIDs())
            let ana = try await store.createPerson("Ana")
            let before = try await store.exportDatabase()
            let error = await #expect(throws: BodyError.self) {
                try await store.write { tx in
                    _ = try tx.createPerson(name: "Ben", timeZone: nil, at: at(9))
                    let assessment = try tx.insertAssessment(
                        for: ana.id, inputText: "{}", output: .object([:]), takenAt: at(9))
                    let plan = try tx.insertPlan(
                        for: ana.id, status: .active(samplePlan), reason: "first", assessment: assessment.id,
                        causes: [], at: at(9))
                    try tx.saveItemStates([sampleState("glute-bridge")], plan: plan.id, for: ana.id, at: at(9))
                    _ = try tx.insertSet(sampleEntry(), for: ana.id)
                    _ = try tx.insertWakeUpCall(for: ana.id, at: at(9), outcome: .done, answers: at(9))
                    try tx.setTimeZone("Europe/Oslo", for: ana.id)
                    throw BodyError(label: "changed my mind")
                }
            }
            #expect(error == BodyError(label: "changed my mind"))
            #expect(try await store.exportDatabase() == before)
            #expect(try await store.read { tx in try tx.latestItemStates(for: ana.id) }.isEmpty)
        },
        ContractCheck(name: "a store error part-way through a body undoes the body's earlier writes") { factory in
            let store = try await factory(numberedIDs())
            let ana = try await store.createPerson("Ana")
            await expectStoreError(.invalidRecord, field: "pain") {
                _ = try await store.write { tx in
                    _ = try tx.insertSet(sampleEntry(performedAt: at(9)), for: ana.id)
                    _ = try tx.insertSet(sampleEntry(performedAt: at(10)), for: ana.id)
                    return try tx.insertSet(sampleEntry(performedAt: at(11), pain: 12), for: ana.id)
                }
            }
            #expect(try await store.allSets(for: ana.id).isEmpty)
        },
        ContractCheck(name: "a body's own error reaches the caller unchanged, and a read's too") { factory in
            let store = try await factory(numberedIDs())
            let writeError = await #expect(throws: BodyError.self) {
                try await store.write { _ in throw BodyError(label: "no plan") }
            }
            #expect(writeError == BodyError(label: "no plan"))
            let readError = await #expect(throws: BodyError.self) {
                try await store.read { _ in throw BodyError(label: "no person") }
            }
            #expect(readError == BodyError(label: "no person"))
        },
        ContractCheck(name: "what a write returns is read back by the next read") { factory in
            let store = try await factory(numberedIDs())
            let (person, set) = try await store.write { tx in
                let person = try tx.createPerson(name: "Ana", timeZone: "UTC", at: at(8))
                return (person, try tx.insertSet(sampleEntry(), for: person.id))
            }
            let (readPerson, sets) = try await store.read { tx in
                (try tx.person(person.id), try tx.loggedSets(for: person.id, in: at(0)..<at(23)))
            }
            #expect(readPerson == person && sets == [set])
        },
        ContractCheck(name: "concurrent writers from many tasks lose no rows") { factory in
            let store = try await factory(numberedIDs())
            let person = try await store.createPerson("Ana")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<8 {
                    group.addTask {
                        for index in 0..<25 {
                            let time = at(6).adding(seconds: Int64(task * 100 + index))
                            _ = try await store.insertSet(sampleEntry(performedAt: time), for: person.id)
                            if index % 5 == 0 {
                                _ = try await store.write { tx in
                                    try tx.insertWakeUpCall(for: person.id, at: time, outcome: .done, answers: nil)
                                }
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.allSets(for: person.id).count == 200)
            #expect(try await store.read { tx in try tx.wakeUpCalls(for: person.id, in: at(0)..<at(23)) }.count == 40)
        },
    ]
}

import GluteCore
import GluteJSON
import GluteStore
import Testing

extension StoreContract {
    static let peopleChecks: [ContractCheck] = [
        ContractCheck(name: "people are created with their name and time zone and found by id") { factory in
            let store = try await factory(numberedIDs())
            let ana = try await store.createPerson("Ana", timeZone: "Europe/Madrid", at: at(8))
            let nameless = try await store.createPerson(nil, at: at(9))
            #expect(ana == Person(id: ana.id, name: "Ana", timeZone: "Europe/Madrid", createdAt: at(8)))
            #expect(nameless.name == nil && nameless.timeZone == nil)
            #expect(try await store.read { tx in try tx.person(ana.id) } == ana)
            #expect(try await store.read { tx in try tx.person(nameless.id) } == nameless)
            #expect(try await store.read { tx in try tx.person(Person.ID(rawValue: "missing")) } == nil)
        },
        ContractCheck(name: "a time zone is set for one person and checked") { factory in
            let store = try await factory(numberedIDs())
            let ana = try await store.createPerson("Ana")
            let ben = try await store.createPerson("Ben", timeZone: "Asia/Tokyo")
            try await store.write { tx in try tx.setTimeZone("America/Bogota", for: ana.id) }
            #expect(try await store.read { tx in try tx.person(ana.id)?.timeZone } == "America/Bogota")
            #expect(try await store.read { tx in try tx.person(ben.id)?.timeZone } == "Asia/Tokyo")
            await expectStoreError(.invalidRecord, field: "timeZone") {
                try await store.write { tx in try tx.setTimeZone("Mars/Olympus_Mons", for: ana.id) }
            }
            await expectStoreError(.invalidRecord, field: "timeZone") {
                _ = try await store.createPerson("Cy", timeZone: "Nowhere/Special")
            }
            await expectStoreError(.notFound) {
                try await store.write { tx in try tx.setTimeZone("UTC", for: Person.ID(rawValue: "nobody")) }
            }
            #expect(try await store.read { tx in try tx.person(ana.id)?.timeZone } == "America/Bogota")
            #expect(try await store.read { tx in try tx.earliestPerson() }?.id == ana.id)
        },
        ContractCheck(name: "names of 1 to 200 characters are kept and others refused") { factory in
            let store = try await factory(numberedIDs())
            let long = String(repeating: "e\u{301}", count: 100)  // 100 characters, 200 scalars
            await expectStoreError(.invalidRecord, field: "name") { _ = try await store.createPerson("") }
            await expectStoreError(.invalidRecord, field: "name") { _ = try await store.createPerson(long + "x") }
            let kept = try await store.createPerson(long)
            #expect(try await store.read { tx in try tx.person(kept.id)?.name } == long)
            #expect(try await store.read { tx in try tx.earliestPerson() } == kept)
        },
        ContractCheck(name: "the earliest person is the first created, ties broken by identifier") { factory in
            let store = try await factory(numberedIDs())
            #expect(try await store.read { tx in try tx.earliestPerson() } == nil)
            let later = try await store.createPerson("Later", at: at(10))
            #expect(try await store.read { tx in try tx.earliestPerson() } == later)
            let tiedFirst = try await store.createPerson("Tie one", at: at(7))
            _ = try await store.createPerson("Tie two", at: at(7))
            #expect(try await store.read { tx in try tx.earliestPerson() } == tiedFirst)
        },
    ]

    static let assessmentChecks: [ContractCheck] = [
        ContractCheck(name: "an assessment keeps its input text byte for byte and its output as JSON") { factory in
            let store = try await factory(numberedIDs())
            let person = try await store.createPerson("Ana")
            let input =
                "{ \"version\" : 1,\n\t\"profile\": {\"age\": 41, \"name\": \"\\u00d1\u{1F600}\"},  \"x\": 1.50e0 }\n"
            let output: JSONValue = .object([
                "version": 1, "findings": .array([.object(["code": "GLUTE_AMNESIA", "sides": ["left"]])]),
                "plan": .null,
            ])
            let older = try await store.write { tx in
                try tx.insertAssessment(for: person.id, inputText: input, output: output, takenAt: at(8))
            }
            let newer = try await store.write { tx in
                try tx.insertAssessment(for: person.id, inputText: "{}", output: [1, 2.5, "x"], takenAt: at(10))
            }
            let stored = try await store.read { tx in try tx.assessments(for: person.id) }
            #expect(stored == [older, newer])
            #expect(Array(stored[0].inputText.utf8) == Array(input.utf8))
            #expect(stored[0].output == output)
            #expect(stored[0].findingCodes == ["GLUTE_AMNESIA"])
            #expect(stored[0].personID == person.id && stored[0].takenAt == at(8))
            #expect(try await store.read { tx in try tx.latestAssessment(for: person.id) } == newer)
            let other = try await store.createPerson("Other")
            #expect(try await store.read { tx in try tx.latestAssessment(for: other.id) } == nil)
            #expect(try await store.read { tx in try tx.assessments(for: other.id) }.isEmpty)
        },
        ContractCheck(name: "an assessment for an unknown person or with input that is not JSON is refused") {
            factory in
            let store = try await factory(numberedIDs())
            let person = try await store.createPerson("Ana")
            await expectStoreError(.notFound) {
                _ = try await store.write { tx in
                    try tx.insertAssessment(
                        for: Person.ID(rawValue: "nobody"), inputText: "{}", output: .object([:]), takenAt: at(8))
                }
            }
            await expectStoreError(.invalidRecord, field: "input") {
                _ = try await store.write { tx in
                    try tx.insertAssessment(for: person.id, inputText: "{oops", output: .object([:]), takenAt: at(8))
                }
            }
            #expect(try await store.read { tx in try tx.assessments(for: person.id) }.isEmpty)
        },
    ]
}

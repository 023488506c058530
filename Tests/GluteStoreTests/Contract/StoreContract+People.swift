import GluteCore
import GluteStore
import Testing

extension StoreContract {
    static let peopleChecks: [ContractCheck] = [
        ContractCheck(name: "people are created and found") { factory in
            let store = try await factory(makeTestEnvironment())
            let ana = try await store.createPerson(name: "Ana")
            let nameless = try await store.createPerson(name: nil)
            #expect(ana.name == "Ana")
            #expect(try await store.person(ana.id) == ana)
            #expect(try await store.person(nameless.id) == nameless)
            #expect(try await store.person(Person.ID(rawValue: "missing")) == nil)
            #expect(try await store.people() == [ana, nameless])
        },
        ContractCheck(name: "the default person is created once and then reused") { factory in
            let store = try await factory(makeTestEnvironment())
            let first = try await store.defaultPerson()
            let again = try await store.defaultPerson()
            #expect(first == again)
            #expect(first.name == nil)
            _ = try await store.createPerson(name: "Later")
            #expect(try await store.defaultPerson() == first)
            #expect(try await store.people().count == 2)
        },
        ContractCheck(name: "the default person is the earliest existing one") { factory in
            let store = try await factory(makeTestEnvironment())
            let ana = try await store.createPerson(name: "Ana")
            _ = try await store.createPerson(name: "Ben")
            #expect(try await store.defaultPerson() == ana)
        },
        ContractCheck(name: "concurrent first use creates one default person") { factory in
            let store = try await factory(makeTestEnvironment())
            let ids = try await withThrowingTaskGroup(of: Person.ID.self) { group in
                for _ in 0..<8 { group.addTask { try await store.defaultPerson().id } }
                return try await group.reduce(into: Set<Person.ID>()) { $0.insert($1) }
            }
            #expect(ids.count == 1)
            #expect(try await store.people().count == 1)
        },
        ContractCheck(name: "assessments keep their text exactly and the latest is found") { factory in
            let store = try await factory(makeTestEnvironment())
            let person = try await store.defaultPerson()
            let input = "{ \"version\" : 1,\n  \"profile\": {\"age\": 41}   }"
            let older = try await store.recordAssessment(
                for: person.id, inputJSON: input, outputJSON: "{\"findings\":[]}",
                takenAt: at(8))
            let newer = try await store.recordAssessment(
                for: person.id, inputJSON: "{}", outputJSON: "[1, 2]",
                takenAt: at(10))
            #expect(try await store.latestAssessment(for: person.id) == newer)
            #expect(try await store.assessments(for: person.id) == [older, newer])
            #expect(try await store.assessments(for: person.id).first?.inputJSON == input)
            let other = try await store.createPerson(name: "Other")
            #expect(try await store.latestAssessment(for: other.id) == nil)
        },
        ContractCheck(name: "an assessment for an unknown person throws notFound") { factory in
            let store = try await factory(makeTestEnvironment())
            let error = await #expect(throws: StoreError.self) {
                try await store.recordAssessment(
                    for: Person.ID(rawValue: "nobody"), inputJSON: "{}", outputJSON: "{}",
                    takenAt: at(8))
            }
            #expect(error?.code == .notFound)
            #expect(error?.description == "no such person")
        },
        ContractCheck(name: "an assessment that is not JSON throws invalidRecord") { factory in
            let store = try await factory(makeTestEnvironment())
            let person = try await store.defaultPerson()
            let error = await #expect(throws: StoreError.self) {
                try await store.recordAssessment(for: person.id, inputJSON: "{oops", outputJSON: "{}", takenAt: at(8))
            }
            #expect(error?.code == .invalidRecord)
            #expect(error?.field == "inputJson")
        },
    ]

    static let textRuleChecks: [ContractCheck] = [
        ContractCheck(name: "empty or overlong texts are refused with their field named") { factory in
            let store = try await factory(makeTestEnvironment())
            let person = try await store.defaultPerson()
            let long = String(repeating: "e\u{301}", count: 100)  // 100 characters, 200 scalars
            try await expectInvalid("name") { _ = try await store.createPerson(name: "") }
            try await expectInvalid("name") { _ = try await store.createPerson(name: long + "x") }
            try await expectInvalid("reason") {
                _ = try await store.savePlan(for: person.id, planJSON: "{}", reason: "", assessmentID: nil)
            }
            try await expectInvalid("testName") {
                _ = try await store.recordRetest(
                    for: person.id, testName: "", side: nil, resultJSON: "{}", takenAt: at(9))
            }
            #expect(try await store.createPerson(name: long).name == long)
            #expect(try await store.people().count == 2)
        }
    ]

    /// Expects `body` to throw ``StoreError/Code/invalidRecord`` on `field`.
    static func expectInvalid(_ field: String, _ body: () async throws -> Void) async throws {
        let error = await #expect(throws: StoreError.self) { try await body() }
        #expect(error?.code == .invalidRecord)
        #expect(error?.field == field)
    }

    static let planChecks: [ContractCheck] = [
        ContractCheck(name: "plan versions count up per person with their reasons") { factory in
            let store = try await factory(makeTestEnvironment())
            let ana = try await store.createPerson(name: "Ana")
            let ben = try await store.createPerson(name: "Ben")
            let assessment = try await store.recordAssessment(
                for: ana.id, inputJSON: "{}", outputJSON: "{}",
                takenAt: at(8))
            let first = try await store.savePlan(
                for: ana.id, planJSON: "{\"week\":1}", reason: "initial assessment",
                assessmentID: assessment.id)
            let benFirst = try await store.savePlan(for: ben.id, planJSON: "{}", reason: "initial", assessmentID: nil)
            let second = try await store.savePlan(
                for: ana.id, planJSON: "{\"week\":2}", reason: "retest passed",
                assessmentID: nil)
            #expect(first.version == 1)
            #expect(benFirst.version == 1)
            #expect(second.version == 2)
            #expect(first.assessmentID == assessment.id)
            #expect(try await store.latestPlan(for: ana.id) == second)
            #expect(try await store.planHistory(for: ana.id) == [first, second])
            #expect(try await store.planHistory(for: ana.id).map(\.reason) == ["initial assessment", "retest passed"])
        },
        ContractCheck(name: "a plan cannot point at another person's assessment") { factory in
            let store = try await factory(makeTestEnvironment())
            let ana = try await store.createPerson(name: "Ana")
            let ben = try await store.createPerson(name: "Ben")
            let assessment = try await store.recordAssessment(
                for: ana.id, inputJSON: "{}", outputJSON: "{}",
                takenAt: at(8))
            let error = await #expect(throws: StoreError.self) {
                try await store.savePlan(for: ben.id, planJSON: "{}", reason: "copy", assessmentID: assessment.id)
            }
            #expect(error?.code == .notFound)
            #expect(try await store.latestPlan(for: ben.id) == nil)
        },
        ContractCheck(name: "an assessment and its plan are written together") { factory in
            let store = try await factory(makeTestEnvironment())
            let ana = try await store.createPerson(name: "Ana")
            let saved = try await store.recordAssessment(
                for: ana.id, inputJSON: "{}", outputJSON: "{}", takenAt: at(8),
                plan: ("{\"week\":1}", "first assessment"))
            let plan = try #require(saved.plan)
            #expect(plan.version == 1)
            #expect(plan.assessmentID == saved.assessment.id)
            #expect(try await store.latestPlan(for: ana.id) == plan)
            #expect(try await store.latestAssessment(for: ana.id) == saved.assessment)
        },
        ContractCheck(name: "a bad plan leaves out its assessment too") { factory in
            let store = try await factory(makeTestEnvironment())
            let ana = try await store.createPerson(name: "Ana")
            let error = await #expect(throws: StoreError.self) {
                try await store.recordAssessment(
                    for: ana.id, inputJSON: "{}", outputJSON: "{}", takenAt: at(8), plan: ("{\"week\":1}", ""))
            }
            #expect(error?.field == "reason")
            #expect(try await store.assessments(for: ana.id).isEmpty)
            #expect(try await store.latestPlan(for: ana.id) == nil)
        },
        ContractCheck(name: "concurrent plan saves get distinct versions") { factory in
            let store = try await factory(makeTestEnvironment())
            let person = try await store.defaultPerson()
            let versions = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        try await store.savePlan(
                            for: person.id, planJSON: "{}", reason: "edit \(index)", assessmentID: nil
                        )
                        .version
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(versions.sorted() == Array(1...10))
        },
    ]
}

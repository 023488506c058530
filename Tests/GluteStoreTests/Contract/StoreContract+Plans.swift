import GluteCore
import GluteJSON
import GluteStore
import Testing

extension StoreContract {
    static let planChecks: [ContractCheck] = [
        ContractCheck(name: "plan versions count up per person and the highest is current") { factory in
            let store = try await factory(numberedIDs())
            let ana = try await store.createPerson("Ana")
            let ben = try await store.createPerson("Ben")
            #expect(try await store.read { tx in try tx.currentPlan(for: ana.id) } == nil)
            let assessment = try await store.write { tx in
                try tx.insertAssessment(for: ana.id, inputText: "{}", output: .object([:]), takenAt: at(8))
            }
            let first = try await store.write { tx in
                try tx.insertPlan(
                    for: ana.id, status: .active(samplePlan), reason: "first assessment",
                    assessment: assessment.id, causes: [], at: at(8))
            }
            let benFirst = try await store.write { tx in
                try tx.insertPlan(
                    for: ben.id, status: .active(samplePlan), reason: "coach edit", assessment: nil, causes: [],
                    at: at(9))
            }
            let second = try await store.write { tx in
                try tx.insertPlan(
                    for: ana.id, status: .active(samplePlan), reason: "retest passed", assessment: nil, causes: [],
                    at: at(10))
            }
            #expect([first.version, benFirst.version, second.version] == [1, 1, 2])
            #expect(first.assessmentID == assessment.id && second.assessmentID == nil)
            #expect(first.createdAt == at(8) && first.personID == ana.id)
            #expect(try await store.read { tx in try tx.currentPlan(for: ana.id) } == second)
            #expect(try await store.read { tx in try tx.planHistory(for: ana.id) } == [first, second])
            #expect(try await store.read { tx in try tx.planHistory(for: ben.id) } == [benFirst])
        },
        ContractCheck(name: "an active plan and a stop come back as they were saved") { factory in
            let store = try await factory(numberedIDs())
            let person = try await store.createPerson("Ana")
            let reason = "stopped: see a clinician: pain of 8/10 logged on glute-bridge on 2026-11-02"
            let (active, stop) = try await store.write { tx in
                let active = try tx.insertPlan(
                    for: person.id, status: .active(samplePlan), reason: "first assessment", assessment: nil,
                    causes: [], at: at(8))
                let stop = try tx.insertPlan(
                    for: person.id, status: .stopped(reason: reason), reason: reason, assessment: nil,
                    causes: ["set-1"], at: at(9))
                return (active, stop)
            }
            let history = try await store.read { tx in try tx.planHistory(for: person.id) }
            #expect(history == [active, stop])
            #expect(history[0].plan == samplePlan && history[0].stopReason == nil)
            #expect(history[1].plan == nil && history[1].stopReason == reason)
            #expect(
                try await store.read { tx in try tx.currentPlan(for: person.id) }?.status == .stopped(reason: reason))
        },
        ContractCheck(name: "a stop whose reason is not the version's reason is refused, not changed") { factory in
            // The store keeps one reason per version (so does the export format): a stop that
            // came back with another reason than it was saved with would lose the caller's text.
            let store = try await factory(numberedIDs())
            let person = try await store.createPerson("Ana")
            await expectStoreError(.invalidRecord, field: "status") {
                _ = try await store.write { tx in
                    try tx.insertPlan(
                        for: person.id, status: .stopped(reason: "see a clinician"), reason: "pain of 8/10",
                        assessment: nil, causes: [], at: at(9))
                }
            }
            #expect(try await store.read { tx in try tx.currentPlan(for: person.id) } == nil)
        },
        ContractCheck(name: "the causes of a version are kept in order and addCause adds each once") { factory in
            let store = try await factory(numberedIDs())
            let ana = try await store.createPerson("Ana")
            let ben = try await store.createPerson("Ben")
            let stop = try await store.write { tx in
                try tx.insertPlan(
                    for: ana.id, status: .stopped(reason: "pain"), reason: "pain", assessment: nil,
                    causes: ["set-b", "set-a"], at: at(9))
            }
            #expect(stop.causes == ["set-a", "set-b"])
            try await store.write { tx in
                try tx.addCause("set-c", to: stop.id, for: ana.id)
                try tx.addCause("set-0", to: stop.id, for: ana.id)
                try tx.addCause("set-a", to: stop.id, for: ana.id)
            }
            #expect(
                try await store.read { tx in try tx.currentPlan(for: ana.id) }?.causes == [
                    "set-0", "set-a", "set-b", "set-c",
                ])
            await expectStoreError(.notFound) {
                try await store.write { tx in try tx.addCause("set-x", to: stop.id, for: ben.id) }
            }
            #expect(try await store.read { tx in try tx.currentPlan(for: ana.id) }?.causes.count == 4)
        },
        ContractCheck(name: "a plan's reason must be 1 to 500 characters and its assessment the person's") {
            factory in
            let store = try await factory(numberedIDs())
            let ana = try await store.createPerson("Ana")
            let ben = try await store.createPerson("Ben")
            let anas = try await store.write { tx in
                try tx.insertAssessment(for: ana.id, inputText: "{}", output: .object([:]), takenAt: at(8))
            }
            for reason in ["", String(repeating: "r", count: 501)] {
                await expectStoreError(.invalidRecord, field: "reason") {
                    _ = try await store.write { tx in
                        try tx.insertPlan(
                            for: ana.id, status: .active(samplePlan), reason: reason, assessment: nil, causes: [],
                            at: at(9))
                    }
                }
            }
            await expectStoreError(.notFound) {
                _ = try await store.write { tx in
                    try tx.insertPlan(
                        for: ben.id, status: .active(samplePlan), reason: "borrowed", assessment: anas.id, causes: [],
                        at: at(9))
                }
            }
            await expectStoreError(.notFound) {
                _ = try await store.write { tx in
                    try tx.insertPlan(
                        for: Person.ID(rawValue: "nobody"), status: .active(samplePlan), reason: "r", assessment: nil,
                        causes: [], at: at(9))
                }
            }
            #expect(try await store.read { tx in try tx.currentPlan(for: ben.id) } == nil)
            let long = try await store.write { tx in
                try tx.insertPlan(
                    for: ana.id, status: .active(samplePlan), reason: String(repeating: "r", count: 500),
                    assessment: anas.id, causes: [], at: at(9))
            }
            #expect(long.version == 1)
        },
        ContractCheck(name: "concurrent plan saves get distinct versions") { factory in
            let store = try await factory(numberedIDs())
            let person = try await store.createPerson("Ana")
            let versions = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        try await store.write { tx in
                            try tx.insertPlan(
                                for: person.id, status: .active(samplePlan), reason: "edit \(index)", assessment: nil,
                                causes: [], at: at(9))
                        }.version
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(versions.sorted() == Array(1...10))
        },
    ]

    static let itemStateChecks: [ContractCheck] = [
        ContractCheck(name: "item states are saved, replaced and cleared per plan version, in key order") { factory in
            let store = try await factory(numberedIDs())
            let person = try await store.createPerson("Ana")
            let (one, two) = try await store.write { tx in
                let one = try tx.insertPlan(
                    for: person.id, status: .active(samplePlan), reason: "first", assessment: nil, causes: [],
                    at: at(8))
                let two = try tx.insertPlan(
                    for: person.id, status: .active(samplePlan), reason: "second", assessment: nil, causes: [],
                    at: at(9))
                return (one, two)
            }
            let squat = sampleState("split-squat", side: .right)
            let clam = sampleState("clamshell", side: .left)
            let bridge = sampleState("glute-bridge")
            try await store.write { tx in
                try tx.saveItemStates([squat, bridge, clam], plan: one.id, for: person.id, at: at(8))
                try tx.saveItemStates([sampleState("hip-thrust")], plan: two.id, for: person.id, at: at(9))
            }
            #expect(
                try await store.read { tx in try tx.itemStates(plan: one.id, for: person.id) } == [clam, bridge, squat])
            let moved = {
                var state = bridge
                state.current.target = 12
                state.sessions = 1
                return state
            }()
            try await store.write { tx in try tx.saveItemStates([moved], plan: one.id, for: person.id, at: at(10)) }
            #expect(
                try await store.read { tx in try tx.itemStates(plan: one.id, for: person.id) } == [clam, moved, squat])
            try await store.write { tx in try tx.clearItemStates(plan: one.id, for: person.id) }
            #expect(try await store.read { tx in try tx.itemStates(plan: one.id, for: person.id) }.isEmpty)
            #expect(
                try await store.read { tx in try tx.itemStates(plan: two.id, for: person.id) } == [
                    sampleState("hip-thrust")
                ])
        },
        ContractCheck(name: "item states read inside the write that changed them are the states it wrote") { factory in
            let store = try await factory(numberedIDs())
            let person = try await store.createPerson("Ana")
            let plan = try await store.write { tx in
                try tx.insertPlan(
                    for: person.id, status: .active(samplePlan), reason: "first", assessment: nil, causes: [],
                    at: at(8))
            }
            let squat = sampleState("split-squat", side: .right)
            let clam = sampleState("clamshell", side: .left)
            let original = sampleState("glute-bridge")
            let bridge = {
                var state = original
                state.current.target = 12
                return state
            }()
            try await store.write { tx in
                try tx.saveItemStates([squat, original], plan: plan.id, for: person.id, at: at(8))
            }
            let seen = try await store.write { tx in
                let before = try tx.itemStates(plan: plan.id, for: person.id)
                try tx.saveItemStates([bridge, clam], plan: plan.id, for: person.id, at: at(9))
                let after = try tx.itemStates(plan: plan.id, for: person.id)
                var again = bridge
                again.sessions = 2
                try tx.saveItemStates([again], plan: plan.id, for: person.id, at: at(10))
                return (before, after, try tx.itemStates(plan: plan.id, for: person.id), again)
            }
            #expect(seen.0 == [original, squat])
            #expect(seen.1 == [clam, bridge, squat])
            #expect(seen.2 == [clam, seen.3, squat])
            #expect(try await store.read { tx in try tx.itemStates(plan: plan.id, for: person.id) } == seen.2)
        },
        ContractCheck(name: "the latest item states take each key from its highest plan version") { factory in
            let store = try await factory(numberedIDs())
            let person = try await store.createPerson("Ana")
            let other = try await store.createPerson("Ben")
            let versions = try await store.write { tx in
                try (1...3).map { number in
                    try tx.insertPlan(
                        for: person.id, status: .active(samplePlan), reason: "v\(number)", assessment: nil, causes: [],
                        at: at(8 + number))
                }
            }
            let otherPlan = try await store.write { tx in
                try tx.insertPlan(
                    for: other.id, status: .active(samplePlan), reason: "v1", assessment: nil, causes: [], at: at(8))
            }
            try await store.write { tx in
                // Saved newest version first, so that neither insertion order nor time decides.
                try tx.saveItemStates(
                    [sampleState("glute-bridge", target: 13)], plan: versions[2].id, for: person.id, at: at(1))
                try tx.saveItemStates(
                    [sampleState("glute-bridge", target: 11), sampleState("clamshell", side: .left, target: 11)],
                    plan: versions[0].id, for: person.id, at: at(12))
                try tx.saveItemStates(
                    [sampleState("clamshell", side: .left, target: 12), sampleState("side-plank", target: 12)],
                    plan: versions[1].id, for: person.id, at: at(12))
                try tx.saveItemStates(
                    [sampleState("glute-bridge", target: 99)], plan: otherPlan.id, for: other.id, at: at(12))
            }
            let latest = try await store.read { tx in try tx.latestItemStates(for: person.id) }
            #expect(
                latest == [
                    ItemKey(kind: .strength, exercise: "glute-bridge", side: nil): sampleState(
                        "glute-bridge", target: 13),
                    ItemKey(kind: .strength, exercise: "clamshell", side: .left):
                        sampleState("clamshell", side: .left, target: 12),
                    ItemKey(kind: .strength, exercise: "side-plank", side: nil): sampleState("side-plank", target: 12),
                ])
            #expect(try await store.read { tx in try tx.latestItemStates(for: other.id) }.count == 1)
        },
        ContractCheck(name: "item states go only to the person's own plan version") { factory in
            let store = try await factory(numberedIDs())
            let ana = try await store.createPerson("Ana")
            let ben = try await store.createPerson("Ben")
            let plan = try await store.write { tx in
                try tx.insertPlan(
                    for: ana.id, status: .active(samplePlan), reason: "first", assessment: nil, causes: [], at: at(8))
            }
            await expectStoreError(.notFound) {
                try await store.write { tx in
                    try tx.saveItemStates([sampleState("glute-bridge")], plan: plan.id, for: ben.id, at: at(9))
                }
            }
            try await store.write { tx in
                try tx.saveItemStates([sampleState("glute-bridge")], plan: plan.id, for: ana.id, at: at(9))
                try tx.clearItemStates(plan: plan.id, for: ben.id)
            }
            #expect(try await store.read { tx in try tx.itemStates(plan: plan.id, for: ana.id) }.count == 1)
            #expect(try await store.read { tx in try tx.itemStates(plan: plan.id, for: ben.id) }.isEmpty)
            #expect(try await store.read { tx in try tx.latestItemStates(for: ben.id) }.isEmpty)
        },
    ]
}

import GluteCore
import GluteStore
import Testing

extension StoreContract {
    static let dailyLogChecks: [ContractCheck] = [
        ContractCheck(name: "logged sets come back whole, in time order, within a half-open range") { factory in
            let store = try await factory(makeTestEnvironment())
            let person = try await store.defaultPerson()
            let late = try await store.logSet(sampleEntry(performedAt: at(11)), for: person.id)
            let early = try await store.logSet(sampleEntry(performedAt: at(9), reps: [15, 15, 12]), for: person.id)
            let hold = try await store.logSet(
                sampleEntry(exercise: "side-plank", performedAt: at(10), reps: []),
                for: person.id)
            _ = try await store.logSet(sampleEntry(performedAt: at(12)), for: person.id)
            let found = try await store.loggedSets(for: person.id, in: at(9)..<at(12))
            #expect(found == [early, hold, late])
            #expect(found[0].reps == [15, 15, 12])
            #expect(found[0].load == Load(12.5, .kg))
            #expect(found[0].note == "felt \"good\"\non the left")
            #expect(found[1].reps.isEmpty)
            #expect(found[1].durationSeconds == 30)
            let other = try await store.createPerson(name: "Other")
            #expect(try await store.loggedSets(for: other.id, in: at(0)..<at(23)).isEmpty)
        },
        ContractCheck(name: "logged sets are found per exercise and side") { factory in
            let store = try await factory(makeTestEnvironment())
            let person = try await store.defaultPerson()
            let left2 = try await store.logSet(sampleEntry(side: .left, performedAt: at(9, day: 3)), for: person.id)
            let left1 = try await store.logSet(sampleEntry(side: .left, performedAt: at(9)), for: person.id)
            _ = try await store.logSet(sampleEntry(side: .right, performedAt: at(9)), for: person.id)
            _ = try await store.logSet(sampleEntry(exercise: "clamshell", side: .left), for: person.id)
            let minimal = SetEntry(
                exerciseID: "glute-bridge", side: nil, sets: 2, reps: 15, felt: .nowhere,
                balance: .steady, pain: 0, performedAt: at(7))
            let both = try await store.logSet(minimal, for: person.id)
            #expect(
                try await store.loggedSets(for: person.id, exerciseID: "glute-bridge", side: .left) == [left1, left2])
            #expect(try await store.loggedSets(for: person.id, exerciseID: "glute-bridge", side: nil) == [both])
            #expect(both.reps == [15, 15])
            #expect(both.load == nil && both.rpe == nil && both.note == nil && both.durationSeconds == nil)
        },
        ContractCheck(name: "a set that breaks the rules is refused with its field named") { factory in
            let store = try await factory(makeTestEnvironment())
            let person = try await store.defaultPerson()
            let cases: [(SetEntry, String)] = [
                (sampleEntry(pain: 11), "pain"),
                (sampleEntry(reps: [15, 1001]), "reps[1]"),
                (
                    SetEntry(
                        exerciseID: "bridge", side: .left, setCount: 3, reps: [10, 10], felt: .glutes,
                        balance: .steady, pain: 0, performedAt: at(9)), "reps"
                ),
                (
                    SetEntry(
                        exerciseID: "", side: .left, sets: 1, reps: 5, felt: .glutes, balance: .steady, pain: 0,
                        performedAt: at(9)), "exerciseId"
                ),
            ]
            for (entry, field) in cases {
                let error = await #expect(throws: StoreError.self) { try await store.logSet(entry, for: person.id) }
                #expect(error?.code == .invalidRecord)
                #expect(error?.field == field)
            }
            #expect(try await store.loggedSets(for: person.id, in: at(0)..<at(23)).isEmpty)
        },
        ContractCheck(name: "a set for an unknown person throws notFound") { factory in
            let store = try await factory(makeTestEnvironment())
            let error = await #expect(throws: StoreError.self) {
                try await store.logSet(sampleEntry(), for: Person.ID(rawValue: "nobody"))
            }
            #expect(error?.code == .notFound)
        },
        ContractCheck(name: "wake-up calls are kept per instant and found in a range") { factory in
            let store = try await factory(makeTestEnvironment())
            let person = try await store.defaultPerson()
            let second = try await store.recordWakeUpCall(for: person.id, at: at(10), outcome: .skip)
            let first = try await store.recordWakeUpCall(for: person.id, at: at(9), outcome: .done)
            _ = try await store.recordWakeUpCall(for: person.id, at: at(9, day: 3), outcome: .done)
            #expect(try await store.wakeUpCalls(for: person.id, in: at(0)..<at(0, day: 3)) == [first, second])
            let error = await #expect(throws: StoreError.self) {
                try await store.recordWakeUpCall(for: person.id, at: at(9), outcome: .skip)
            }
            #expect(error?.code == .constraintViolation)
        },
        ContractCheck(name: "retests are listed by time and filtered by test") { factory in
            let store = try await factory(makeTestEnvironment())
            let person = try await store.defaultPerson()
            let right = try await store.recordRetest(
                for: person.id, testName: "singleLegBridge", side: .right,
                resultJSON: "{\"reps\":12}", takenAt: at(10))
            let left = try await store.recordRetest(
                for: person.id, testName: "singleLegBridge", side: .left,
                resultJSON: "{\"reps\":8}", takenAt: at(9))
            let hinge = try await store.recordRetest(
                for: person.id, testName: "hipHingeWall", side: nil,
                resultJSON: "{\"pass\":true}", takenAt: at(11))
            #expect(try await store.retests(for: person.id, testName: nil) == [left, right, hinge])
            #expect(try await store.retests(for: person.id, testName: "singleLegBridge") == [left, right])
            #expect(hinge.side == nil)
        },
        ContractCheck(name: "concurrent writers from many tasks lose no rows") { factory in
            let store = try await factory(makeTestEnvironment())
            let person = try await store.defaultPerson()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<8 {
                    group.addTask {
                        for index in 0..<25 {
                            let time = at(6).adding(seconds: Int64(task * 100 + index))
                            _ = try await store.logSet(sampleEntry(performedAt: time), for: person.id)
                            if index % 5 == 0 {
                                _ = try await store.recordWakeUpCall(for: person.id, at: time, outcome: .done)
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.loggedSets(for: person.id, in: at(0)..<at(23)).count == 200)
            #expect(try await store.wakeUpCalls(for: person.id, in: at(0)..<at(23)).count == 40)
        },
    ]
}

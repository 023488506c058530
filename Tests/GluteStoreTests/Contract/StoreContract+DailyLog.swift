import GluteCore
import GluteJSON
import GluteStore
import Testing

extension StoreContract {
    static let loggedSetChecks: [ContractCheck] = [
        ContractCheck(name: "logged sets come back whole, in time order, within a half-open range") { factory in
            let store = try await factory(numberedIDs())
            let person = try await store.createPerson("Ana")
            let late = try await store.insertSet(sampleEntry(performedAt: at(11)), for: person.id)
            let early = try await store.insertSet(sampleEntry(performedAt: at(9), reps: [15, 15, 12]), for: person.id)
            let tied = try await store.insertSet(sampleEntry(side: .right, performedAt: at(9)), for: person.id)
            let hold = try await store.insertSet(
                sampleEntry(exercise: "side-plank", performedAt: at(10), reps: []), for: person.id)
            _ = try await store.insertSet(sampleEntry(performedAt: at(12)), for: person.id)
            let found = try await store.read { tx in try tx.loggedSets(for: person.id, in: at(9)..<at(12)) }
            #expect(found == [early, tied, hold, late])
            #expect(found[0].entry == sampleEntry(performedAt: at(9), reps: [15, 15, 12]))
            #expect(found[0].reps == [15, 15, 12] && found[0].load == Load(12.5, .kg))
            #expect(found[0].note == "felt \"good\"\non the left")
            #expect(found[2].reps.isEmpty && found[2].durationSeconds == 30)
            #expect(try await store.read { tx in try tx.loggedSets(for: person.id, in: at(9)..<at(9)) }.isEmpty)
            #expect(try await store.read { tx in try tx.loggedSet(late.id, for: person.id) } == late)
        },
        ContractCheck(
            name: "a set is later than another when performed later, or in the same instant with a greater id"
        ) { factory in
            let store = try await factory(numberedIDs())
            let person = try await store.createPerson("Ana")
            let other = try await store.createPerson("Ben")
            let first = try await store.insertSet(sampleEntry(performedAt: at(9)), for: person.id)
            let tied = try await store.insertSet(sampleEntry(side: .right, performedAt: at(9)), for: person.id)
            _ = try await store.insertSet(sampleEntry(performedAt: at(12)), for: other.id)
            let later = { (set: LoggedSet) in
                try await store.read { tx in try tx.hasLoggedSet(for: person.id, after: set) }
            }
            #expect(try await later(first))
            #expect(try await !later(tied))
            let last = try await store.insertSet(sampleEntry(performedAt: at(10)), for: person.id)
            #expect(try await later(tied))
            #expect(try await !later(last))
        },
        ContractCheck(name: "a person sees only their own sets") { factory in
            let store = try await factory(numberedIDs())
            let ana = try await store.createPerson("Ana")
            let ben = try await store.createPerson("Ben")
            let anas = try await store.insertSet(sampleEntry(), for: ana.id)
            let bens = try await store.insertSet(sampleEntry(side: nil), for: ben.id)
            #expect(try await store.allSets(for: ana.id) == [anas])
            #expect(try await store.allSets(for: ben.id) == [bens])
            #expect(try await store.read { tx in try tx.loggedSet(bens.id, for: ana.id) } == nil)
            #expect(bens.side == nil && bens.personID == ben.id)
        },
        ContractCheck(name: "numbness, the session kind and every optional field round-trip") { factory in
            let store = try await factory(numberedIDs())
            let person = try await store.createPerson("Ana")
            let numb = try await store.insertSet(
                sampleEntry(performedAt: at(9), numbness: true, session: .activation), for: person.id)
            let mobility = try await store.insertSet(
                sampleEntry(performedAt: at(10), session: .mobility), for: person.id)
            let minimal = SetEntry(
                exerciseID: "glute-bridge", side: nil, sets: 2, reps: 15, felt: .nowhere, balance: .steady, pain: 0,
                performedAt: at(11))
            let plain = try await store.insertSet(minimal, for: person.id)
            let found = try await store.allSets(for: person.id)
            #expect(found == [numb, mobility, plain])
            #expect(found[0].numbness && found[0].session == .activation)
            #expect(!found[1].numbness && found[1].session == .mobility)
            #expect(found[2].entry == minimal && found[2].session == nil && !found[2].numbness)
            #expect(
                found[2].load == nil && found[2].rpe == nil && found[2].note == nil && found[2].durationSeconds == nil)
        },
        ContractCheck(name: "a set that breaks the rules is refused with its field named and writes nothing") {
            factory in
            let store = try await factory(numberedIDs())
            let person = try await store.createPerson("Ana")
            var overlongNote = sampleEntry()
            overlongNote.note = String(repeating: "n", count: 1001)
            var badRPE = sampleEntry()
            badRPE.rpe = 0
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
                (overlongNote, "note"),
                (badRPE, "rpe"),
            ]
            for (entry, field) in cases {
                await expectStoreError(.invalidRecord, field: field) {
                    _ = try await store.insertSet(entry, for: person.id)
                }
            }
            await expectStoreError(.notFound) {
                _ = try await store.insertSet(sampleEntry(), for: Person.ID(rawValue: "nobody"))
            }
            #expect(try await store.allSets(for: person.id).isEmpty)
        },
    ]

    static let wakeUpCallChecks: [ContractCheck] = [
        ContractCheck(name: "wake-up call logs keep the call they answer, or none, and may share an instant") {
            factory in
            let store = try await factory(numberedIDs())
            let ana = try await store.createPerson("Ana")
            let ben = try await store.createPerson("Ben")
            let (late, first, again, outside) = try await store.write { tx in
                (
                    try tx.insertWakeUpCall(for: ana.id, at: at(10, 2), outcome: .skip, answers: at(10)),
                    try tx.insertWakeUpCall(for: ana.id, at: at(9, 1), outcome: .done, answers: at(9)),
                    try tx.insertWakeUpCall(for: ana.id, at: at(9, 1), outcome: .done, answers: at(9)),
                    try tx.insertWakeUpCall(for: ana.id, at: at(21), outcome: .done, answers: nil)
                )
            }
            _ = try await store.write { tx in
                try tx.insertWakeUpCall(for: ben.id, at: at(9, 1), outcome: .skip, answers: at(9))
            }
            #expect(first.answers == at(9) && outside.answers == nil)
            let day = try await store.read { tx in try tx.wakeUpCalls(for: ana.id, in: at(0)..<at(0, day: 3)) }
            #expect(day == [first, again, late, outside])
            #expect(
                try await store.read { tx in try tx.wakeUpCalls(for: ana.id, in: at(9, 1)..<at(10, 2)) } == [
                    first, again,
                ])
            #expect(try await store.read { tx in try tx.wakeUpCall(outside.id, for: ana.id) } == outside)
            #expect(try await store.read { tx in try tx.wakeUpCall(outside.id, for: ben.id) } == nil)
            #expect(try await store.read { tx in try tx.wakeUpCalls(for: ben.id, in: at(0)..<at(23)) }.count == 1)
        }
    ]

    static let retestChecks: [ContractCheck] = [
        ContractCheck(name: "retests are listed by time and filtered by kind") { factory in
            let store = try await factory(numberedIDs())
            let person = try await store.createPerson("Ana")
            let other = try await store.createPerson("Ben")
            let (later, earlier, hinge) = try await store.write { tx in
                (
                    try tx.insertRetest(
                        for: person.id, kind: .singleLegBridge, result: bridgeResult(left: 18, right: 20),
                        takenAt: at(10)),
                    try tx.insertRetest(
                        for: person.id, kind: .singleLegBridge, result: bridgeResult(left: 12, right: 15),
                        takenAt: at(9)),
                    try tx.insertRetest(
                        for: person.id, kind: .hipHinge, result: .object(["pass": true]), takenAt: at(11))
                )
            }
            #expect(
                try await store.read { tx in try tx.retests(for: person.id, kind: nil) } == [earlier, later, hinge])
            #expect(
                try await store.read { tx in try tx.retests(for: person.id, kind: .singleLegBridge) } == [
                    earlier, later,
                ])
            #expect(try await store.read { tx in try tx.retests(for: person.id, kind: .gluteSqueeze) }.isEmpty)
            #expect(try await store.read { tx in try tx.retests(for: other.id, kind: nil) }.isEmpty)
            #expect(
                try await store.read { tx in try tx.retest(hinge.id, for: person.id) }?.result
                    == .object(["pass": true]))
            #expect(try await store.read { tx in try tx.retest(hinge.id, for: other.id) } == nil)
            #expect(RetestKind.bridgeReps(later.result) == PerSide(left: 18, right: 20))
        },
        ContractCheck(name: "a retest result that is not the test's shape is refused naming the field") { factory in
            let store = try await factory(numberedIDs())
            let person = try await store.createPerson("Ana")
            await expectStoreError(.invalidRecord, field: "tests.singleLegBridge.left.reps") {
                _ = try await store.write { tx in
                    try tx.insertRetest(
                        for: person.id, kind: .singleLegBridge, result: bridgeResult(left: -1, right: 3),
                        takenAt: at(9))
                }
            }
            await expectStoreError(.invalidRecord, field: "tests.hipHinge.pass") {
                _ = try await store.write { tx in
                    try tx.insertRetest(
                        for: person.id, kind: .hipHinge, result: .object(["pass": "yes"]), takenAt: at(9))
                }
            }
            await expectStoreError(.notFound) {
                _ = try await store.write { tx in
                    try tx.insertRetest(
                        for: Person.ID(rawValue: "nobody"), kind: .hipHinge, result: .object(["pass": true]),
                        takenAt: at(9))
                }
            }
            #expect(try await store.read { tx in try tx.retests(for: person.id, kind: nil) }.isEmpty)
        },
    ]

    static let deletionChecks: [ContractCheck] = [
        ContractCheck(name: "deleting an entry removes it and records the deletion") { factory in
            let store = try await factory(numberedIDs())
            let person = try await store.createPerson("Ana")
            let set = try await store.insertSet(sampleEntry(), for: person.id)
            let kept = try await store.insertSet(sampleEntry(performedAt: at(10)), for: person.id)
            let (call, retest) = try await store.write { tx in
                (
                    try tx.insertWakeUpCall(for: person.id, at: at(9), outcome: .done, answers: at(9)),
                    try tx.insertRetest(
                        for: person.id, kind: .hipHinge, result: .object(["pass": false]), takenAt: at(9))
                )
            }
            let deletions = try await store.write { tx in
                [
                    try tx.deleteEntry(
                        .set, id: set.id.rawValue, for: person.id, entry: ExportDocument.json(set), at: at(12)),
                    try tx.deleteEntry(
                        .wakeUpCall, id: call.id.rawValue, for: person.id, entry: ExportDocument.json(call),
                        at: at(12, 1)),
                    try tx.deleteEntry(
                        .retest, id: retest.id.rawValue, for: person.id, entry: ExportDocument.json(retest),
                        at: at(12, 2)),
                ]
            }
            #expect(try await store.allSets(for: person.id) == [kept])
            #expect(try await store.read { tx in try tx.wakeUpCall(call.id, for: person.id) } == nil)
            #expect(try await store.read { tx in try tx.retests(for: person.id, kind: nil) }.isEmpty)
            #expect(try await store.read { tx in try tx.deletions(for: person.id) } == deletions)
            #expect(deletions.map(\.kind) == [.set, .wakeUpCall, .retest])
            #expect(deletions[0].entryID == set.id.rawValue && deletions[0].entry == ExportDocument.json(set))
            #expect(deletions[0].personID == person.id && deletions[0].deletedAt == at(12))
        },
        ContractCheck(name: "only the person's own entry of that kind can be deleted") { factory in
            let store = try await factory(numberedIDs())
            let ana = try await store.createPerson("Ana")
            let ben = try await store.createPerson("Ben")
            let anas = try await store.insertSet(sampleEntry(), for: ana.id)
            for (kind, id, person) in [
                (Deletion.Kind.set, anas.id.rawValue, ben.id), (.wakeUpCall, anas.id.rawValue, ana.id),
                (.retest, anas.id.rawValue, ana.id), (.set, "missing", ana.id),
            ] {
                await expectStoreError(.notFound) {
                    _ = try await store.write { tx in
                        try tx.deleteEntry(kind, id: id, for: person, entry: .null, at: at(12))
                    }
                }
            }
            #expect(try await store.allSets(for: ana.id) == [anas])
            #expect(try await store.read { tx in try tx.deletions(for: ana.id) }.isEmpty)
            #expect(try await store.read { tx in try tx.deletions(for: ben.id) }.isEmpty)
        },
    ]
}

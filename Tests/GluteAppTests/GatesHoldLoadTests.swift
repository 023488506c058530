import GluteApp
import GluteCore
import GluteJSON
import GluteStore
import Testing

/// Rule 5: a closed gate holds the load, not the learning: reps still climb to the top of the
/// range, where the item waits without load; a wobble holds reps and load.
@Suite struct GatesHoldLoadTests {
    static let monday = CivilDate.on("2026-11-02")

    /// An item behind a closed gate.
    struct Gated: Sendable, CustomTestStringConvertible {
        var name: String
        var document: String
        var edits: [(String, JSONValue?)]
        var key: ItemKey
        var gate: String
        var testDescription: String { name }
    }

    static let gated = [
        Gated(
            name: "bridge behind the loaded-hinge gate", document: Cases.desk, edits: [],
            key: .of("activation/glute-bridge/both"), gate: "no-loaded-hinge"),
        Gated(
            name: "hip thrust behind the loaded-hinge gate", document: Cases.desk,
            edits: [("profile.equipment", ["kettlebell"])], key: .of("strength/hip-thrust/both"),
            gate: "no-loaded-hinge"),
        Gated(
            name: "split squat behind the balance gate", document: "more-cases/wobble-left.json", edits: [],
            key: .of("strength/split-squat/left"), gate: "no-load-single-leg"),
    ]

    @Test(arguments: gated)
    func repsClimbWhileTheGateHoldsTheLoad(_ gated: Gated) async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(gated.document, gated.edits)
            let seen = try await Agreement.check(me)
            #expect(seen.today.closedGates.map(\.code).contains(gated.gate))
            let start = try #require(seen.entry(gated.key)).prescription
            #expect(start.load == nil)
            var day = 0
            var target = start.target
            while target < start.range.upperBound {
                fixture.clock.set(Self.monday.adding(days: day), 18)
                day += 1
                try await me.logAsPrescribed(gated.key)
                let entry = try await me.entry(gated.key)
                #expect(
                    entry.decision?.action == .progressReps, "day \(day): \(String(describing: entry.decision?.reason))"
                )
                #expect(entry.prescription.target == target + 1)
                #expect(entry.prescription.load == nil && entry.prescription.exerciseID == start.exerciseID)
                target = entry.prescription.target
            }
            // At the top the gate holds it: no load, no harder variant, the same target.
            for _ in 0..<2 {
                fixture.clock.set(Self.monday.adding(days: day), 18)
                day += 1
                try await me.logAsPrescribed(gated.key)
                let top = try await me.entry(gated.key)
                #expect(top.decision?.reason.code == .gateClosed)
                #expect(top.prescription.load == nil && top.prescription.exerciseID == start.exerciseID)
                #expect(top.prescription.target == start.range.upperBound)
            }
            try await Agreement.check(me)
        }
    }

    /// A wobble holds reps and load, below the top and at it, on either side.
    @Test(arguments: [10, 12, 15], Side.allCases)
    func aWobbleHoldsRepsAndLoad(_ reps: Int, _ side: Side) async throws {
        try await AppFixture.with { fixture in
            let me = try await fixture.assessedPerson(Cases.desk)
            let key = ItemKey(kind: .strength, exercise: "split-squat", side: side)
            let before = try await me.entry(key).prescription
            fixture.clock.set(Self.monday, 18)
            try await me.log("split-squat", side, reps: [reps, reps], load: Load(8, .kg), balance: .wobble)
            let after = try await me.entry(key)
            #expect(after.decision?.action == .hold)
            #expect(after.decision?.reason.code == .balanceWobble)
            #expect(after.prescription.target == before.target && after.prescription.load == before.load)
            // The same sets steady move it on.
            fixture.clock.set(Self.monday.adding(days: 2), 18)
            try await me.log("split-squat", side, reps: [reps, reps], load: Load(8, .kg))
            let steady = try await me.entry(key)
            #expect([.progressReps, .increaseLoad, .hold].contains(steady.decision?.action))
            #expect(steady.decision?.reason.code != .balanceWobble)
        }
    }
}

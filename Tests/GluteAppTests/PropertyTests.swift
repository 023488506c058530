import GluteApp
import GluteCore
import GluteJSON
import GluteStore
import GluteTestRandom
import Testing

/// Draws for the generated steps.
extension SeededGenerator {
    /// A number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    /// One of `items`.
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// Rule 11: whatever the sequence of logs, retests, reassessments and deletions, `today` never
/// prescribes an item outside the plan version in force and nothing after a stop, and the
/// states kept step by step are the states a full replay (export, import into a fresh
/// database) works out, for `next` and for `today`.
///
/// Each seed starts from the desk worker, the failed hinge test or the left wobble and takes 80
/// steps (sets at or around their prescription, some logged up to three days late, some
/// painful; wake-up calls; retests of every test; reassessments, red flags among them;
/// deletions of any entry), comparing with a full replay every 20 steps. Steps are at least 20
/// minutes apart: with a frozen clock, whether a set of the very millisecond a plan version was
/// made came before or after it is not recorded, and a replay counts it in the new version.
@Suite struct PropertyTests {
    /// Reassessments: the desk worker with a few of these edits.
    static let edits: [[(String, JSONValue?)]] = [
        [],
        [("tests.singleLegBridge.left.feltIn", "glutes"), ("tests.singleLegBridge.left.reps", 15)],
        [
            ("tests.hipHinge.pass", false), ("profile.equipment", ["barbell", "bench", "kettlebell"]),
            ("profile.goal", "strength"), ("profile.experience", "intermediate"),
        ],
        [
            (
                "profile.workHours",
                .object(["start": "22:00", "end": "06:00", "days": ["mon", "tue", "wed", "thu", "fri"]])
            )
        ],
        [("screening.symptoms.legNumbnessOrTingling", true)],
        [("screening.redFlags.saddleNumbness", true)],
        [("profile.equipment", ["kettlebell"])],
        [("tests.singleLegDeadlift.left.balance", "wobble"), ("profile.wakeUpEveryMinutes", 45)],
    ]

    static func retestResult(_ kind: RetestKind, _ random: inout SeededGenerator) -> JSONValue {
        func sides(_ make: (inout SeededGenerator) -> JSONValue) -> JSONValue {
            let left = make(&random)
            let right = make(&random)
            return .object(["left": left, "right": right])
        }
        switch kind {
        case .singleLegBridge:
            return sides { random in
                .object([
                    "reps": .int(random.int(8...22)),
                    "feltIn": .string(random.pick(["glutes", "glutes", "hamstrings", "lowerBack", "nowhere"])),
                    "pelvisLevel": .bool(random.chance(70)),
                ])
            }
        case .singleLegDeadlift:
            return sides { random in .object(["balance": .string(random.pick(["steady", "steady", "wobble", "lost"]))])
            }
        case .hipHinge:
            return .object(["pass": .bool(random.chance(60))])
        case .singleLegStance:
            return sides { random in
                .object(["hipDrop": .bool(random.chance(30)), "seconds": .int(random.int(10...30))])
            }
        case .singleLegSquat:
            return sides { random in
                .object(["kneeValgus": .string(random.pick(["none", "none", "slight", "marked"]))])
            }
        case .gluteSqueeze:
            return sides { random in
                .object([
                    "isolated": .string(random.pick(["yes", "yes", "partly", "no"])),
                    "strength": .int(random.int(2...9)),
                ])
            }
        }
    }

    /// One random step; returns what it did, for the failure messages.
    static func step(_ me: Trainee, _ random: inout SeededGenerator) async throws -> String {
        me.clock.advance(seconds: Int64(random.int(20 * 60...30 * 3600)))
        let roll = random.int(0...99)
        switch roll {
        case 0..<58:
            let next = try await me.app.next(me.id)
            guard let entry = next.entries.isEmpty ? nil : random.pick(next.entries) else {
                try await me.log("glute-bridge", reps: [12, 12])
                return "a set while stopped"
            }
            let prescription = entry.prescription
            let late = random.chance(15)
            let at = late ? me.clock.now.adding(seconds: -Int64(random.int(60...72 * 3600))) : me.clock.now
            let amount = max(1, prescription.target + random.int(-2...2))
            let felt = random.pick([
                FeltIn.glutes, .glutes, .glutes, .glutes, .hamstrings, .lowerBack, .quads, .nowhere,
            ])
            let balance = random.pick([Balance.steady, .steady, .steady, .wobble, .lost])
            let pain = random.chance(92) ? random.pick([0, 0, 1, 2, 3]) : random.pick([4, 5, 6, 7, 8])
            let load = random.chance(85) ? prescription.load : nil
            let entryToLog =
                prescription.measure == .seconds
                ? SetEntry(
                    exerciseID: prescription.exerciseID, side: entry.key.side, setCount: prescription.sets, reps: [],
                    durationSeconds: amount, felt: felt, balance: balance, pain: pain, performedAt: at)
                : SetEntry(
                    exerciseID: prescription.exerciseID, side: entry.key.side, setCount: prescription.sets,
                    reps: Array(repeating: amount, count: prescription.sets), load: load, felt: felt, balance: balance,
                    pain: pain, numbness: random.chance(1), performedAt: at)
            _ = try me.app.check(entryToLog)
            let outcome = try await me.app.logSet(me.id, entryToLog)
            return
                "log \(entry.key) \(amount) felt \(felt) \(balance) pain \(pain)\(late ? " late" : "") → \(outcome.safety)"
        case 58..<68:
            let outcome = random.chance(80) ? WakeUpOutcome.done : .skip
            _ = try await me.app.logWakeUpCall(me.id, outcome: outcome)
            return "wake-up \(outcome)"
        case 68..<80:
            let kind = random.pick(RetestKind.allCases)
            let done = try await me.app.retest(me.id, kind: kind, result: retestResult(kind, &random))
            return "retest \(kind.rawValue) → version \(done.version?.version ?? 0)"
        case 80..<86:
            let edits = random.pick(edits) + (random.chance(30) ? random.pick(edits) : [])
            let outcome = try await me.assess(Cases.desk, edits)
            return "reassess \(edits.map(\.0)) → \(outcome.version.plan == nil ? "stop" : "plan")"
        default:
            let history = try await me.app.history(me.id, limit: 30)
            guard !history.isEmpty else { return "nothing to delete" }
            let entry = random.pick(history)
            let done = try await me.app.deleteEntry(me.id, id: entry.id)
            return "delete \(entry.kind) \(entry.id) → lifted \(done.lifted?.version ?? 0)"
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func todayStaysInsideThePlanAndStatesEqualAFullReplay(_ seed: UInt64) async throws {
        var random = SeededGenerator(seed: seed)
        try await AppFixture.with(start: .at("2026-11-02T07:00:00Z"), defaultTimeZone: "Asia/Kolkata") { fixture in
            let first = seed % 3 == 0 ? Cases.desk : seed % 3 == 1 ? Cases.hingeFail : "more-cases/wobble-left.json"
            let me = try await fixture.assessedPerson(first, [("profile.timeZone", "Europe/Berlin")])
            var done: [String] = []
            for index in 0..<80 {
                done.append(try await Self.step(me, &random))
                let seen = try await Agreement.check(me)
                if seen.isStopped {
                    #expect(seen.today.sessions.isEmpty && seen.next.entries.isEmpty)
                }
                if index % 20 == 19 {
                    let live = try await me.signatures()
                    let replayed = try await me.rebuiltSignatures()
                    #expect(
                        live.next == replayed.next,
                        """
                        seed \(seed) after step \(index):
                        \(done.suffix(15).joined(separator: "\n"))
                        \(JSONValue.nextDifferences(live.next, replayed.next))
                        """)
                    #expect(
                        live.today == replayed.today,
                        """
                        seed \(seed) after step \(index): today differs
                        \(done.suffix(15).joined(separator: "\n"))
                        live:     \(live.today.serialized(.compact))
                        replayed: \(replayed.today.serialized(.compact))
                        """)
                    if live.next != replayed.next || live.today != replayed.today { return }
                }
            }
        }
    }
}

import GluteCore
internal import GluteJSON

/// Generated assessment documents for the benchmark: every answer varied with a fixed seed.
enum InputGenerator {
    static func documents(count: Int) -> [String] {
        var random = SplitMix(seed: 42)
        return (0..<count).map { _ in document(&random).serialized(.compact) }
    }

    static func document(_ r: inout SplitMix) -> JSONValue {
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        let hours = Double(r.int(0...24))
        func side(_ make: (inout SplitMix) -> JSONValue) -> JSONValue {
            .object(["left": make(&r), "right": make(&r)])
        }
        let training = days.filter { _ in r.bool() }
        return .object([
            "version": 1,
            "profile": .object([
                "age": .int(r.int(14...100)), "units": .string(r.pick(["kg", "lb"])),
                "sittingHoursPerDay": .number(hours), "longestSittingMinutes": .int(r.int(0...Int(hours * 60))),
                "workHours": .object(["start": "08:00", "end": "17:30", "days": ["mon", "tue", "wed", "thu", "fri"]]),
                "goal": .string(r.pick(["stability", "strength", "hypertrophy"])),
                "experience": .string(r.pick(["novice", "intermediate", "advanced"])),
                "equipment": .strings(
                    ["band", "dumbbells", "kettlebell", "barbell", "bench", "box"].filter { _ in r.bool() }),
                "trainingDays": .strings(training), "minutesPerSession": .int(r.pick([10, 20, 30, 45, 60])),
            ]),
            "screening": .object([
                "parq": .object([
                    "heartCondition": false, "chestPain": false, "dizziness": false, "chronicCondition": false,
                    "medication": false, "boneOrJointProblem": .bool(r.int(0...9) == 0), "supervisedOnly": false,
                ]),
                "redFlags": .object([
                    "saddleNumbness": .bool(r.int(0...30) == 0), "bladderOrBowelChange": false,
                    "progressiveLegWeakness": false, "unexplainedWeightLoss": false,
                    "constantNightPain": false, "recentTrauma": false,
                ]),
                "symptoms": .object([
                    "backAcheAfterWalking": .bool(r.bool()), "kneePain": .bool(r.bool()), "hipPain": false,
                    "legNumbnessOrTingling": .bool(r.int(0...9) == 0), "painNow": .int(r.int(0...5)),
                ]),
            ]),
            "tests": .object([
                "singleLegBridge": side { r in
                    .object([
                        "reps": .int(r.int(0...40)),
                        "feltIn": .string(r.pick(["glutes", "glutes", "hamstrings", "lowerBack"])),
                        "pelvisLevel": .bool(r.bool()),
                    ])
                },
                "gluteSqueeze": side { r in
                    .object(["isolated": .string(r.pick(["yes", "partly", "no"])), "strength": .int(r.int(0...10))])
                },
                "singleLegStance": side { r in .object(["hipDrop": .bool(r.int(0...3) == 0), "seconds": 30]) },
                "singleLegSquat": side { r in
                    .object(["kneeValgus": .string(r.pick(["none", "none", "slight", "marked"]))])
                },
                "singleLegDeadlift": side { r in
                    .object(["balance": .string(r.pick(["steady", "steady", "wobble", "lost"]))])
                },
                "hipHinge": .object(["pass": .bool(r.bool())]),
                "pelvicTilt": .string(r.pick(["anterior", "neutral", "posterior"])),
                "bodyweightSquatFeltIn": .string(r.pick(["quads", "glutes", "both", "lowerBack"])),
            ]),
        ])
    }
}

/// A seeded SplitMix64 generator, so every run times the same inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func bool() -> Bool { next() & 1 == 1 }

    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }
}

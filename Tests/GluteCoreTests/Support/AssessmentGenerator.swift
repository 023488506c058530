import GluteTestRandom

@testable import GluteCore

/// Random valid assessments covering every answer the format allows.
struct AssessmentGenerator {
    var random: SeededGenerator

    mutating func bool(_ chance: Double = 0.5) -> Bool { Double.random(in: 0..<1, using: &random) < chance }
    mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }
    mutating func maybe<T>(_ make: (inout AssessmentGenerator) -> T) -> T? { bool(0.8) ? make(&self) : nil }
    mutating func subset<T>(_ values: [T]) -> [T] { values.filter { _ in bool() } }

    mutating func sides<T>(_ make: (inout AssessmentGenerator) -> T) -> PerSide<T> {
        PerSide(left: make(&self), right: make(&self))
    }

    mutating func next() -> Assessment {
        let hours = Double(Int.random(in: 0...48, using: &random)) / 2
        let longest = Int.random(in: 0...min(600, Int(hours * 60)), using: &random)
        let startMinutes = Int.random(in: 0...(23 * 60), using: &random)
        // One in four works a night shift that ends the next morning (end before start).
        let endMinutes =
            bool(0.25) && startMinutes > 0
            ? Int.random(in: 0..<startMinutes, using: &random)
            : Int.random(in: min(startMinutes + 30, 1440)...1440, using: &random)
        let profile = Profile(
            age: Int.random(in: 14...100, using: &random), sex: pick([nil, .female, .male, .other]),
            units: pick(LoadUnit.allCases), sittingHoursPerDay: hours, longestSittingMinutes: longest,
            workHours: WorkHours(
                start: ClockTime(minutes: startMinutes)!, end: ClockTime(minutes: endMinutes)!,
                days: {
                    let days = subset(Weekday.allCases); return days.isEmpty ? [.mon] : days
                }()),
            goal: pick(Goal.allCases), experience: pick(Experience.allCases), equipment: subset(Equipment.allCases),
            trainingDays: subset(Weekday.allCases),
            minutesPerSession: pick([5, 8, 10, 15, 20, 25, 30, 45, 60, 90, 180]),
            femurLength: pick([nil, .long, .average, .short]),
            wakeUpEveryMinutes: bool(0.5) ? 60 : Int.random(in: 30...90, using: &random),
            timeZone: pick([nil, "Europe/Berlin", "America/Los_Angeles"]))
        var screening = Screening()
        screening.medicalClearance = bool(0.3)
        screening.parq.heartCondition = bool(0.05)
        screening.parq.boneOrJointProblem = bool(0.1)
        screening.parq.medication = bool(0.05)
        screening.redFlags.saddleNumbness = bool(0.03)
        screening.redFlags.constantNightPain = bool(0.03)
        screening.redFlags.recentTrauma = bool(0.03)
        screening.symptoms.backAcheAfterWalking = bool()
        screening.symptoms.kneePain = bool(0.3)
        screening.symptoms.hipPain = bool(0.2)
        screening.symptoms.legNumbnessOrTingling = bool(0.1)
        screening.symptoms.painNow =
            bool(0.8) ? Int.random(in: 0...3, using: &random) : Int.random(in: 0...10, using: &random)
        var tests = SelfTests()
        tests.singleLegBridge = maybe { g in
            g.sides { g in
                BridgeResult(
                    reps: Int.random(in: 0...40, using: &g.random), feltIn: g.pick([nil] + FeltIn.allCases.map { $0 }),
                    pelvisLevel: g.pick([nil, true, false]))
            }
        }
        tests.gluteSqueeze = maybe { g in
            g.sides { g in
                SqueezeResult(isolated: g.pick(Isolation.allCases), strength: g.pick([nil] + (0...10).map { $0 }))
            }
        }
        tests.singleLegStance = maybe { g in
            g.sides { g in StanceResult(hipDrop: g.bool(0.3), seconds: g.pick([nil, 10, 30])) }
        }
        tests.singleLegSquat = maybe { g in g.sides { g in SquatResult(kneeValgus: g.pick(KneeValgus.allCases)) } }
        tests.singleLegDeadlift = maybe { g in g.sides { g in DeadliftReachResult(balance: g.pick(Balance.allCases)) } }
        tests.hipHingePass = pick([nil, true, false])
        tests.pelvicTilt = pick([nil] + PelvicTilt.allCases.map { $0 })
        tests.bodyweightSquatFeltIn = pick([nil] + SquatFeel.allCases.map { $0 })
        return Assessment(profile: profile, screening: screening, tests: tests)
    }
}

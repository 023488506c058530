import Testing

@testable import GluteCore

/// Programming a coach would sign (issue "The daily loop keeps its promises"): hard rep ranges
/// at bodyweight, no exercise with its own variant in a session, no identical heavy hinge on
/// consecutive days, band hinges for a band-only person, the balance gate on standing
/// single-leg work only, and a cautious plan with leg numbness or tingling.
@Suite struct ProgrammingRulesTests {
    static func plan(_ edit: (inout Assessment) -> Void) throws -> Plan {
        var assessment = Fixtures.healthy()
        edit(&assessment)
        return try #require(
            AssessmentEngine.evaluate(assessment, knowledge: try Fixtures.knowledge(), startingOn: Fixtures.start).plan)
    }

    static func strengthItems(_ plan: Plan) -> [(day: Weekday, item: PlanItem)] {
        plan.sessions.filter { $0.session.kind == .strength }.flatMap { entry in
            entry.session.items.map { (entry.day, $0) }
        }
    }

    static func strongPerson(_ assessment: inout Assessment, equipment: [Equipment], days: [Weekday]) {
        assessment.profile.goal = .strength
        assessment.profile.experience = .intermediate
        assessment.profile.equipment = equipment
        assessment.profile.trainingDays = days
        assessment.profile.minutesPerSession = 60
    }

    // MARK: Rep ranges

    @Test func bodyweightStrengthWorkUsesARangeThatIsHardWithoutLoad() throws {
        let plan = try Self.plan { Self.strongPerson(&$0, equipment: [], days: [.mon, .wed, .fri]) }
        let items = Self.strengthItems(plan).map(\.item)
        #expect(!items.isEmpty)
        for item in items where item.seconds == nil {
            #expect(item.load == nil)
            #expect((item.repRange?.lowerBound ?? 0) >= 12, "\(item.exercise) \(String(describing: item.repRange))")
            #expect(item.reps ?? 0 >= 12, "\(item.exercise) \(item.sets) x \(item.reps ?? 0) at bodyweight")
        }
        let thrust = try #require(items.first { $0.exercise == "hip-thrust" })
        #expect(thrust.repRange == 12...20 && thrust.sets == 4)
    }

    @Test func loadedStrengthWorkKeepsItsLowRange() throws {
        let plan = try Self.plan { Self.strongPerson(&$0, equipment: [.barbell, .bench], days: [.mon, .wed, .fri]) }
        let thrust = try #require(Self.strengthItems(plan).map(\.item).first { $0.exercise == "hip-thrust" })
        #expect(thrust.load != nil)
        #expect(thrust.repRange == 5...8)
    }

    @Test(arguments: [
        ("glute-bridge", 15...25), ("banded-glute-bridge", 15...25), ("hip-thrust", 12...20),
        ("single-leg-romanian-deadlift", 12...20), ("split-squat", 12...20), ("hip-hinge-wall-drill", 10...15),
    ])
    func unloadedRangesByExercise(id: String, range: ClosedRange<Int>) throws {
        let exercise = try #require(try Fixtures.knowledge().exercise(id))
        #expect(StrengthBuilder.unloadedRange(exercise) == range)
    }

    // MARK: Variants

    @Test func aSessionNeverHoldsAnExerciseWithItsEasierOrHarderVariant() throws {
        let knowledge = try Fixtures.knowledge()
        // Band-only stability work used to pair the split squat with the reverse lunge.
        for equipment in [[Equipment.band], [], [.band, .box, .dumbbells]] {
            let plan = try Self.plan {
                $0.profile.equipment = equipment; $0.profile.minutesPerSession = 45
            }
            for (_, session) in plan.sessions {
                let exercises = session.items.compactMap { knowledge.exercise($0.exercise) }
                for (index, first) in exercises.enumerated() {
                    for second in exercises[(index + 1)...] {
                        #expect(!first.isVariant(of: second), "\(first.id) with \(second.id)")
                    }
                }
            }
        }
        let split = try #require(knowledge.exercise("split-squat"))
        #expect(split.isVariant(of: try #require(knowledge.exercise("reverse-lunge"))))
        #expect(try #require(knowledge.exercise("reverse-lunge")).isVariant(of: split))
        #expect(!split.isVariant(of: try #require(knowledge.exercise("clamshell"))))
    }

    // MARK: Heavy hinges

    @Test func noIdenticalHeavyHingeOnConsecutiveDays() throws {
        let plan = try Self.plan {
            Self.strongPerson(&$0, equipment: [.dumbbells], days: [.mon, .tue, .wed, .thu])
        }
        let knowledge = try Fixtures.knowledge()
        var heavy: [Weekday: Set<String>] = [:]
        for (day, item) in Self.strengthItems(plan)
        where item.load != nil && knowledge.exercise(item.exercise)?.pattern == .hinge {
            heavy[day, default: []].insert(item.exercise)
        }
        #expect(heavy[.mon] == ["romanian-deadlift"])
        for day in [Weekday.mon, .tue, .wed, .thu] {
            let next = Weekday(index: day.index + 1)
            #expect(heavy[day, default: []].isDisjoint(with: heavy[next, default: []]), "\(day) and \(next)")
        }
    }

    @Test func theSameHeavyHingeMayReturnAfterARestDay() throws {
        let plan = try Self.plan { Self.strongPerson(&$0, equipment: [.dumbbells], days: [.mon, .wed, .fri]) }
        let romanian = Self.strengthItems(plan).filter {
            $0.item.exercise == "romanian-deadlift" && $0.item.load != nil
        }
        #expect(Set(romanian.map(\.day)) == [.mon, .wed, .fri])
    }

    @Test func theWeekWrapsFromSundayToMonday() throws {
        let plan = try Self.plan {
            Self.strongPerson(&$0, equipment: [.dumbbells, .kettlebell], days: [.mon, .wed, .fri, .sun])
            $0.profile.experience = .advanced
        }
        let knowledge = try Fixtures.knowledge()
        func heavy(_ day: Weekday) -> Set<String> {
            Set(
                Self.strengthItems(plan).filter {
                    $0.day == day && $0.item.load != nil && knowledge.exercise($0.item.exercise)?.pattern == .hinge
                }.map(\.item.exercise))
        }
        #expect(!heavy(.sun).isEmpty && !heavy(.mon).isEmpty)
        #expect(heavy(.sun).isDisjoint(with: heavy(.mon)))
    }

    // MARK: Bands

    @Test func aBandOnlyPersonHingesAndThrustsAgainstTheBand() throws {
        let knowledge = try Fixtures.knowledge()
        let plan = try Self.plan { Self.strongPerson(&$0, equipment: [.band], days: [.mon, .wed, .fri]) }
        let items = Self.strengthItems(plan).map(\.item)
        let hinges = items.compactMap { knowledge.exercise($0.exercise) }.filter {
            $0.pattern == .hinge && !$0.isUnilateral
        }
        #expect(!hinges.isEmpty)
        #expect(hinges.allSatisfy { $0.loadType == .band }, "\(hinges.map(\.id))")
        #expect(Set(hinges.map(\.id)) == ["band-pull-through", "banded-good-morning"])
        #expect(items.contains { $0.exercise == "banded-hip-thrust" })
    }

    @Test func aPersonWithAKettlebellHingesWithIt() throws {
        let plan = try Self.plan { Self.strongPerson(&$0, equipment: [.band, .kettlebell], days: [.mon, .wed, .fri]) }
        let first = try #require(Self.strengthItems(plan).first { $0.day == .mon }?.item)
        #expect(first.exercise == "romanian-deadlift" && first.implement == .kettlebell)
    }

    // MARK: The balance gate

    /// `isStandingSingleLeg` by exercise: only standing single-leg work waits for steady balance.
    @Test(arguments: [
        ("split-squat", true), ("step-up", true), ("single-leg-romanian-deadlift", true),
        ("standing-hip-abduction", true), ("clamshell", false), ("side-lying-hip-abduction", false),
        ("single-leg-hip-thrust", false), ("single-leg-glute-bridge", false), ("single-side-glute-squeeze", false),
        ("romanian-deadlift", false),
    ])
    func theBalanceGateIsForStandingSingleLegWork(id: String, standing: Bool) throws {
        let knowledge = try Fixtures.knowledge()
        let exercise = try #require(knowledge.exercise(id))
        #expect(exercise.isStandingSingleLeg == standing)
        var assessment = Fixtures.healthy()
        assessment.profile.equipment = [.dumbbells, .bench]
        for side in Side.allCases {
            var reach = PerSide(
                left: DeadliftReachResult(balance: .steady), right: DeadliftReachResult(balance: .steady))
            reach[side] = DeadliftReachResult(balance: .wobble)
            assessment.tests.singleLegDeadlift = reach
            let wobbly = PlanContext(
                assessment: assessment, findings: FindingRules.findings(for: assessment), knowledge: knowledge)
            #expect(wobbly.findings.first(.balanceDeficit)?.sides == [side])
            #expect(wobbly.loadAllowed(for: exercise) == (exercise.loadable && !standing), "\(side) wobble")
        }
        assessment.tests.singleLegDeadlift = PerSide(
            left: DeadliftReachResult(balance: .steady), right: DeadliftReachResult(balance: .steady))
        let steady = PlanContext(
            assessment: assessment, findings: FindingRules.findings(for: assessment), knowledge: knowledge)
        #expect(steady.loadAllowed(for: exercise) == exercise.loadable)
    }

    // MARK: Numbness or tingling

    @Test(arguments: [false, true])
    func legNumbnessGivesBodyweightAndBandWorkOnlyWithoutDeadliftsAndAReferral(numb: Bool) throws {
        let knowledge = try Fixtures.knowledge()
        let plan = try Self.plan {
            Self.strongPerson(&$0, equipment: [.band, .dumbbells, .kettlebell, .box], days: [.mon, .wed, .fri])
            $0.screening.symptoms.legNumbnessOrTingling = numb
        }
        let items = plan.sessions.flatMap(\.session.items)
        let deadlifts: Set<String> = [
            "romanian-deadlift", "b-stance-romanian-deadlift", "single-leg-romanian-deadlift", "conventional-deadlift",
        ]
        let referral = plan.notes.contains { $0.contains("doctor or physiotherapist") }
        if numb {
            #expect(items.allSatisfy { $0.load == nil }, "external load with neural symptoms")
            #expect(items.allSatisfy { knowledge.exercise($0.exercise)?.loadType != .external || $0.load == nil })
            #expect(!items.contains { deadlifts.contains($0.exercise) || $0.exercise == "kettlebell-swing" })
            #expect(!items.contains { knowledge.exercise($0.exercise)?.provokesNeuralSymptoms == true })
            #expect(referral)
            #expect(plan.gates.contains { $0.code == "no-neural-provocation" && $0.blocks.contains("Romanian") })
        } else {
            #expect(items.contains { $0.load != nil })
            #expect(items.contains { deadlifts.contains($0.exercise) })
            #expect(!referral)
        }
    }
}

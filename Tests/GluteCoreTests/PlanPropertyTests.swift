import GluteJSON
import GluteTestRandom
import Testing

@testable import GluteCore

/// Invariants that must hold for every valid assessment, checked over thousands of generated ones.
@Suite struct PlanPropertyTests {
    static let count = 4000

    @Test func invariantsHoldForGeneratedAssessments() throws {
        let knowledge = try Fixtures.knowledge()
        var generator = AssessmentGenerator(random: SeededGenerator(seed: 2026))
        var plans = 0
        for _ in 0..<Self.count {
            let assessment = generator.next()
            let result = AssessmentEngine.evaluate(assessment, knowledge: knowledge, startingOn: Fixtures.start)
            let findings = result.findings
            if assessment.screening.redFlags.anyYes || assessment.screening.symptoms.painNow >= 7 {
                #expect(result.plan == nil, "a plan despite a red flag or severe pain")
                continue
            }
            let plan = try #require(result.plan)
            plans += 1
            check(plan, assessment, findings, knowledge)
            // What the store keeps reads back as the same plan.
            #expect(try Plan.decode(JSONValue.parse(plan.jsonValue.serialized())) == plan)
            // Deterministic: the same input gives the same plan.
            #expect(AssessmentEngine.evaluate(assessment, knowledge: knowledge, startingOn: Fixtures.start) == result)
        }
        #expect(plans > Self.count / 2)
    }

    func check(_ plan: Plan, _ assessment: Assessment, _ findings: [Finding], _ knowledge: KnowledgeBase) {
        let profile = assessment.profile
        let activation = plan.sessions.filter { $0.session.kind == .activation }
        #expect(activation.count >= 3)
        for (_, session) in activation { #expect((5...10).contains(session.minutes)) }
        checkWakeUpCalls(plan.wakeUpCalls, profile)
        checkProgramming(plan, assessment, findings, knowledge)
        #expect(plan.reassessOn == Fixtures.start.adding(days: 28))
        for (day, session) in plan.sessions {
            #expect(session.minutes <= profile.minutesPerSession, "session over budget")
            let sameDay = plan.week.first { $0.day == day }?.sessions.reduce(0) { $0 + $1.minutes } ?? 0
            #expect(sameDay <= max(profile.minutesPerSession, 10), "day over budget")
            if session.kind == .strength { #expect(profile.trainingDays.contains(day)) }
            for item in session.items {
                guard let exercise = knowledge.exercise(item.exercise) else {
                    Issue.record("unknown exercise \(item.exercise)")
                    continue
                }
                #expect(!item.why.isEmpty, "item without a why")
                #expect(
                    exercise.equipment.allSatisfy(profile.equipment.contains),
                    "\(exercise.id) needs equipment the person lacks")
                if let implement = item.implement { #expect(profile.equipment.contains(implement)) }
                if item.load != nil {
                    #expect(item.implement != nil)
                    #expect(
                        !((findings.has(.recruitmentDeficit) || findings.has(.hingeDeficit))
                            && [.hinge, .thrust, .bridge].contains(exercise.pattern)),
                        "loaded \(exercise.id) during a recruitment or hinge deficit")
                    #expect(
                        !(findings.has(.balanceDeficit) && exercise.isStandingSingleLeg),
                        "loaded standing single-leg \(exercise.id) while wobbling")
                    #expect(
                        !(assessment.screening.parq.anyYes && !assessment.screening.medicalClearance),
                        "load without clearance")
                    #expect(!findings.has(.painNow), "load while in pain")
                }
                if findings.has(.neuralSymptoms) { #expect(!exercise.provokesNeuralSymptoms) }
                if exercise.isUnilateral, let weaker = PlanContext.weakerSide(findings) {
                    #expect(item.side == .weakerFirst(weaker))
                }
                if session.kind == .strength, session.items.first?.exercise == item.exercise {
                    #expect(exercise.pattern != .squat, "a strength session starts with a squat")
                }
                if findings.has(.quadDominant) { #expect(exercise.pattern != .squat || session.kind != .strength) }
            }
        }
        #expect(findings.has(.prolongedSitting) == !plan.ergonomics.isEmpty)
        // Activation goes on the person's days: another day only once every training and work day
        // has a session.
        let activationDays = Set(activation.map(\.day))
        let ownDays = Set(profile.trainingDays + profile.workHours.days)
        if !activationDays.subtracting(ownDays).isEmpty {
            let daysWithSessions = Set(plan.week.map(\.day))
            #expect(
                ownDays.isSubset(of: daysWithSessions), "activation on another day while one of the person's is free")
        }
    }

    /// The interval is the person's, and every call rings inside its working period, dated on
    /// the day it rings, never at or after the end.
    func checkWakeUpCalls(_ calls: WakeUpCalls, _ profile: Profile) {
        #expect(calls.everyMinutes == profile.wakeUpEveryMinutes)
        #expect(calls.isNightShift == profile.workHours.isNightShift)
        let monday = Fixtures.start.startOfWeek
        for offset in 0..<7 {
            let day = monday.adding(days: offset)
            guard let period = calls.workingPeriod(startingOn: day) else {
                #expect(!profile.workHours.days.contains(day.weekday))
                continue
            }
            for (index, call) in period.calls.enumerated() {
                #expect(period.start < call && call < period.end, "a call outside its working period")
                #expect(calls.isWorking(at: call))
                #expect(calls.nearestCall(to: call) == call)
                #expect(calls.calls(on: call.date).contains(call))
                #expect(period.start.seconds(until: call) == (index + 1) * calls.everyMinutes * 60)
            }
            #expect(!calls.isWorking(at: period.end))
        }
    }

    /// The programming rules of the issue "The daily loop keeps its promises".
    func checkProgramming(_ plan: Plan, _ assessment: Assessment, _ findings: [Finding], _ knowledge: KnowledgeBase) {
        var heavyHinges: [Weekday: Set<String>] = [:]
        for (day, session) in plan.sessions {
            let exercises = session.items.compactMap { knowledge.exercise($0.exercise) }
            // No exercise with its easier or harder variant in one session.
            for (index, first) in exercises.enumerated() {
                for second in exercises[(index + 1)...] {
                    #expect(!first.isVariant(of: second), "\(first.id) with its variant \(second.id)")
                }
            }
            guard session.kind == .strength else { continue }
            for (item, exercise) in zip(session.items, exercises) {
                // Bodyweight strength work is never 4 x 5: its range can be hard without load.
                if item.load == nil, item.seconds == nil {
                    let floor = exercise.pattern == .drill ? 10 : 12
                    #expect(
                        (item.repRange?.lowerBound ?? 0) >= floor, "\(exercise.id) at bodyweight: \(item.repRange!)")
                }
                if item.load != nil, exercise.pattern == .hinge { heavyHinges[day, default: []].insert(exercise.id) }
                // A person with a band and nothing to load a hinge with hinges against the band.
                if exercise.pattern == .hinge, !exercise.isUnilateral, item.load == nil,
                    assessment.profile.has(.band)
                {
                    #expect(exercise.loadType == .band, "bodyweight \(exercise.id) for a person with a band")
                }
            }
        }
        // No identical heavy hinge on consecutive days (the week wraps round).
        for day in Weekday.allCases {
            let next = Weekday(index: day.index + 1)
            #expect(
                heavyHinges[day, default: []].isDisjoint(with: heavyHinges[next, default: []]),
                "the same loaded hinge on \(day) and \(next)")
        }
        // Leg numbness or tingling: bodyweight and band work only, no Romanian or single-leg
        // deadlift, and the referral note.
        if findings.has(.neuralSymptoms) {
            for (_, session) in plan.sessions {
                for item in session.items {
                    #expect(item.load == nil, "load with neural symptoms")
                    #expect(
                        !["romanian-deadlift", "b-stance-romanian-deadlift", "single-leg-romanian-deadlift"].contains(
                            item.exercise), "\(item.exercise) with neural symptoms")
                }
            }
            #expect(plan.notes.contains { $0.contains("doctor or physiotherapist") })
        }
    }

    @Test func desksWithBarbellsAndAHypertrophyGoalGetALoadedHipThrust() throws {
        var assessment = Fixtures.healthy()
        assessment.profile.goal = .hypertrophy
        assessment.profile.experience = .intermediate
        assessment.profile.equipment = [.barbell, .bench, .dumbbells]
        let plan = try #require(
            AssessmentEngine.evaluate(assessment, knowledge: try Fixtures.knowledge(), startingOn: Fixtures.start).plan)
        let strength = plan.sessions.filter { $0.session.kind == .strength }
        #expect(!strength.isEmpty)
        #expect(
            strength.allSatisfy {
                $0.session.items.first?.exercise == "hip-thrust" && $0.session.items.first?.load != nil
            })
    }

    @Test func poundsUseTheBarAndFivePoundSteps() throws {
        var assessment = Fixtures.healthy()
        assessment.profile.units = .lb
        assessment.profile.goal = .strength
        assessment.profile.equipment = [.barbell, .bench, .dumbbells]
        let plan = try #require(
            AssessmentEngine.evaluate(assessment, knowledge: try Fixtures.knowledge(), startingOn: Fixtures.start).plan)
        let loads = plan.sessions.flatMap { $0.session.items.compactMap(\.load) }
        #expect(!loads.isEmpty)
        for load in loads {
            #expect(load.unit == .lb)
            #expect(load.value.truncatingRemainder(dividingBy: 5) == 0)
        }
    }

    @Test func tooLittleTimeStillGivesShortActivationSessions() throws {
        var assessment = Fixtures.healthy()
        assessment.profile.minutesPerSession = 5
        let plan = try #require(
            AssessmentEngine.evaluate(assessment, knowledge: try Fixtures.knowledge(), startingOn: Fixtures.start).plan)
        #expect(plan.sessions.allSatisfy { $0.session.kind == .activation && $0.session.minutes == 5 })
        #expect(!plan.notes.isEmpty)
    }

    @Test func shortSessionsPutActivationOnOtherDaysSoStrengthKeepsItsTime() throws {
        var assessment = Fixtures.healthy()
        assessment.profile.minutesPerSession = 15
        let plan = try #require(
            AssessmentEngine.evaluate(assessment, knowledge: try Fixtures.knowledge(), startingOn: Fixtures.start).plan)
        let strengthDays = Set(plan.sessions.filter { $0.session.kind == .strength }.map(\.day))
        let activationDays = Set(plan.sessions.filter { $0.session.kind == .activation }.map(\.day))
        #expect(strengthDays == [.mon, .wed, .fri])
        #expect(activationDays.count >= 3)
        #expect(strengthDays.isDisjoint(with: activationDays))
    }

    @Test func daysAreSpreadAcrossTheWeek() {
        #expect(
            DayPicker.spread(count: 3, preferring: [.mon, .tue, .wed, .thu, .fri], fallback: []) == [.mon, .wed, .fri])
        #expect(DayPicker.spread(count: 2, preferring: [.sat, .sun], fallback: []) == [.sat, .sun])
        #expect(DayPicker.spread(count: 3, preferring: [.tue], fallback: Weekday.allCases).contains(.tue))
    }
}

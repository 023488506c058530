import Testing

@testable import GluteCore

/// The replay that derives the current prescription of each planned exercise from its logs.
@Suite struct PlanProgressionTests {
    /// A plan for a person with a left-side recruitment deficit who has a kettlebell and a band.
    func deskPlan() throws -> Plan {
        var assessment = Fixtures.healthy()
        assessment.tests.singleLegBridge?.left = BridgeResult(reps: 12, feltIn: .lowerBack, pelvisLevel: true)
        assessment.profile.equipment = [.band, .kettlebell]
        return try #require(
            AssessmentEngine.evaluate(assessment, knowledge: try Fixtures.knowledge(), startingOn: Fixtures.start).plan)
    }

    func log(
        _ day: Int, _ id: String, _ side: Side?, _ reps: [Int], load: Double? = nil,
        felt: FeltIn = .glutes, balance: Balance = .steady, pain: Int = 0
    ) -> SessionLog {
        SessionLog(
            date: Fixtures.start.adding(days: day), exerciseID: id, side: side, sets: reps,
            load: load.map { Load($0, .kg) }, feltIn: felt, balance: balance, pain: pain)
    }

    @Test func theWeakerSideIsReadFromThePlan() throws {
        #expect(PlanProgression(plan: try deskPlan(), knowledge: try Fixtures.knowledge()).weakerSide == .left)
    }

    @Test func topOfTheRangeOnBothSidesRaisesTheLoadAndTheWeakerSideLeads() throws {
        let plan = try deskPlan()
        let progression = PlanProgression(plan: plan, knowledge: try Fixtures.knowledge())
        let item = try #require(progression.plannedItems.first { $0.exercise == "split-squat" })
        let top = try #require(item.repRange?.upperBound)
        let load = try #require(item.load?.value)
        var logs: [SessionLog] = []
        for day in [0, 2, 4] {
            logs.append(log(day, "split-squat", .left, Array(repeating: top, count: item.sets), load: load))
            logs.append(log(day, "split-squat", .right, Array(repeating: top, count: item.sets), load: load))
        }
        let tracks = progression.tracks(history: logs, retests: []).filter { $0.planExercise == "split-squat" }
        #expect(tracks.count == 2)
        for track in tracks {
            #expect(track.sessions == 3)
            #expect(track.decision?.action == .increaseLoad)
            #expect((track.current.load?.value ?? 0) > load)
        }
    }

    @Test func lowerBackTwiceRegressesThenAsksForARetest() throws {
        let progression = PlanProgression(plan: try deskPlan(), knowledge: try Fixtures.knowledge())
        let logs = [
            log(0, "glute-bridge", nil, [12, 12], felt: .lowerBack),
            log(2, "glute-bridge", nil, [12, 12], felt: .lowerBack),
        ]
        let track = try #require(
            progression.tracks(history: logs, retests: []).first { $0.planExercise == "glute-bridge" })
        #expect(track.decision?.requestRetest == true)
        #expect(track.decision?.addPelvicTiltCue == true || track.decision?.action == .retest)
    }

    @Test func painStopsAndSevereOrNumbPainSendsToAClinician() throws {
        let progression = PlanProgression(plan: try deskPlan(), knowledge: try Fixtures.knowledge())
        let stop = progression.tracks(history: [log(0, "glute-bridge", nil, [12, 12], pain: 5)], retests: [])
        #expect(stop.first { $0.planExercise == "glute-bridge" }?.decision?.action == .stopAndSwap)
        let clinic = progression.tracks(history: [log(0, "glute-bridge", nil, [12, 12], pain: 8)], retests: [])
        #expect(clinic.first { $0.planExercise == "glute-bridge" }?.decision?.action == .seeClinician)
    }

    @Test func thePlansGateHoldsHingeLoadUntilAPassedRetest() throws {
        let plan = try deskPlan()
        let progression = PlanProgression(plan: plan, knowledge: try Fixtures.knowledge())
        #expect(plan.gates.contains { $0.code == "no-loaded-hinge" })
        #expect(progression.progressionExercise("romanian-deadlift", implement: .kettlebell).gate == .noLoadedHinge)
        let opened = GateEvaluator().openGates(from: [
            RetestResult(date: Fixtures.start, bridgeFeltIn: PerSide(left: .glutes, right: .glutes))
        ])
        #expect(opened.contains(.noLoadedHinge))
    }
}

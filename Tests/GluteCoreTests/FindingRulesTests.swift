import Testing

@testable import GluteCore

@Suite struct FindingRulesTests {
    func codes(_ edit: (inout Assessment) -> Void) -> [Finding] {
        var assessment = Fixtures.healthy()
        edit(&assessment)
        return FindingRules.findings(for: assessment)
    }

    @Test func aHealthyPersonHasNoFindings() {
        #expect(codes { _ in }.isEmpty)
    }

    @Test func everyRedFlagStopsThePlan() throws {
        for (key, path) in RedFlags.fields {
            var assessment = Fixtures.healthy()
            assessment.screening.redFlags[keyPath: path] = true
            let result = AssessmentEngine.evaluate(
                assessment, knowledge: try Fixtures.knowledge(), startingOn: Fixtures.start)
            #expect(result.findings.first(.referToClinician)?.severity == .stop, "\(key)")
            #expect(result.plan == nil, "\(key)")
        }
    }

    @Test func parqYesAsksForClearanceUntilCleared() {
        let pending = codes { $0.screening.parq.boneOrJointProblem = true }
        #expect(pending.first(.medicalClearance)?.severity == .moderate)
        let cleared = codes {
            $0.screening.parq.boneOrJointProblem = true; $0.screening.medicalClearance = true
        }
        #expect(cleared.first(.medicalClearance)?.severity == .info)
    }

    @Test(arguments: [(3, nil), (4, Finding.Severity.moderate), (5, .moderate), (6, .severe), (7, .stop), (10, .stop)])
    func painNowGrowsInSeverity(pain: Int, severity: Finding.Severity?) {
        #expect(codes { $0.screening.symptoms.painNow = pain }.first(.painNow)?.severity == severity)
    }

    @Test func neuralSymptomsAreRaised() {
        #expect(codes { $0.screening.symptoms.legNumbnessOrTingling = true }.has(.neuralSymptoms))
    }

    @Test(arguments: Side.allCases, [FeltIn.lowerBack, .hamstrings, .nowhere])
    func bridgeFeltOutsideTheGlutesIsARecruitmentDeficitOnThatSide(side: Side, felt: FeltIn) {
        let findings = codes { $0.tests.singleLegBridge?[side].feltIn = felt }
        #expect(findings.first(.recruitmentDeficit)?.sides == [side])
        #expect(findings.first(.asymmetry)?.sides == [side])
    }

    @Test(arguments: Side.allCases)
    func bridgeRepsTwentyPercentApartAreAnAsymmetry(weaker: Side) {
        let atThreshold = codes {
            $0.tests.singleLegBridge?[weaker].reps = 8; $0.tests.singleLegBridge?[weaker.opposite].reps = 10
        }
        #expect(atThreshold.first(.asymmetry)?.sides == [weaker])
        let below = codes {
            $0.tests.singleLegBridge?[weaker].reps = 9; $0.tests.singleLegBridge?[weaker.opposite].reps = 10
        }
        #expect(!below.has(.asymmetry))
    }

    @Test(arguments: Side.allCases)
    func squeezeDifferencesAreAnAsymmetry(weaker: Side) {
        let isolation = codes { $0.tests.gluteSqueeze?[weaker].isolated = .partly }
        #expect(isolation.first(.asymmetry)?.sides == [weaker])
        let strength = codes { $0.tests.gluteSqueeze?[weaker].strength = 4 }
        #expect(strength.first(.asymmetry)?.sides == [weaker])
        let small = codes { $0.tests.gluteSqueeze?[weaker].strength = 5 }
        #expect(!small.has(.asymmetry))
    }

    @Test(arguments: Side.allCases)
    func hipDropAndValgusAreMediusWeaknessOnThatSide(side: Side) {
        let drop = codes { $0.tests.singleLegStance?[side].hipDrop = true }
        #expect(drop.first(.mediusWeakness)?.sides == [side])
        #expect(drop.first(.asymmetry)?.sides == [side])
        for valgus in [KneeValgus.slight, .marked] {
            #expect(
                codes { $0.tests.singleLegSquat?[side].kneeValgus = valgus }.first(.mediusWeakness)?.sides == [side])
        }
        let both = codes {
            $0.tests.singleLegStance?.left.hipDrop = true; $0.tests.singleLegStance?.right.hipDrop = true
        }
        #expect(both.first(.mediusWeakness)?.sides == [.left, .right])
        #expect(!both.has(.asymmetry))
    }

    @Test(arguments: Side.allCases, [Balance.wobble, .lost])
    func wobbleOrLostBalanceIsABalanceDeficit(side: Side, balance: Balance) {
        #expect(codes { $0.tests.singleLegDeadlift?[side].balance = balance }.first(.balanceDeficit)?.sides == [side])
    }

    @Test func hingePostureSittingAndSquatFindings() {
        #expect(codes { $0.tests.hipHingePass = false }.has(.hingeDeficit))
        #expect(codes { $0.tests.pelvicTilt = .anterior }.has(.anteriorPelvicTilt))
        #expect(codes { $0.profile.sittingHoursPerDay = 6 }.has(.prolongedSitting))
        #expect(codes { $0.profile.longestSittingMinutes = 61 }.has(.prolongedSitting))
        #expect(
            !codes {
                $0.profile.sittingHoursPerDay = 5.5; $0.profile.longestSittingMinutes = 60
            }.has(.prolongedSitting))
        #expect(codes { $0.tests.bodyweightSquatFeltIn = .quads }.has(.quadDominant))
        #expect(codes { $0.profile.femurLength = .long }.has(.quadDominant))
    }

    @Test func everyFindingHasAnExplanationAndEvidence() {
        let all = codes { a in
            a.screening.parq.dizziness = true
            a.screening.symptoms.legNumbnessOrTingling = true
            a.screening.symptoms.painNow = 5
            a.tests.singleLegBridge?.left.feltIn = .lowerBack
            a.tests.singleLegStance?.right.hipDrop = true
            a.tests.singleLegDeadlift?.left.balance = .wobble
            a.tests.hipHingePass = false
            a.tests.pelvicTilt = .anterior
            a.profile.sittingHoursPerDay = 10
            a.tests.bodyweightSquatFeltIn = .quads
        }
        #expect(Set(all.map(\.code)).count == 11)
        for finding in all {
            #expect(!finding.explanation.isEmpty)
            #expect(!finding.evidence.isEmpty)
        }
    }
}

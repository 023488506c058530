/// What the generator needs to know, worked out once from the assessment and its findings:
/// the weaker side and which kinds of load the gates allow.
struct PlanContext {
    let assessment: Assessment
    let findings: [Finding]
    let knowledge: KnowledgeBase
    /// The side that goes first in unilateral work, if one lags.
    let weaker: Side?
    /// No PAR-Q "yes" without clearance, no pain at rest of 4 or more, no leg numbness or
    /// tingling (the cautious plan is bodyweight and band work only).
    let externalLoadAllowed: Bool
    /// Load on hinges (deadlifts, swings): as for thrusts, and no neural symptoms.
    let loadedHingeAllowed: Bool
    /// Load on thrusts and bridges: needs glute recruitment and a passed hinge test.
    let loadedThrustAllowed: Bool
    /// Load on standing single-leg work: needs steady balance.
    let singleLegLoadAllowed: Bool

    var profile: Profile { assessment.profile }

    init(assessment: Assessment, findings: [Finding], knowledge: KnowledgeBase) {
        self.assessment = assessment
        self.findings = findings
        self.knowledge = knowledge
        weaker = Self.weakerSide(findings)
        let clearanceMissing = findings.first(.medicalClearance).map { $0.severity != .info } ?? false
        externalLoadAllowed = !clearanceMissing && !findings.has(.painNow) && !findings.has(.neuralSymptoms)
        // Hip thrusts count as hinges for the gates: both need the glutes to drive the hips, so
        // neither is loaded before the bridge is felt in the glutes and the hinge is learnt.
        loadedThrustAllowed = externalLoadAllowed && !findings.has(.recruitmentDeficit) && !findings.has(.hingeDeficit)
        loadedHingeAllowed = loadedThrustAllowed && !findings.has(.neuralSymptoms)
        singleLegLoadAllowed = externalLoadAllowed && !findings.has(.balanceDeficit)
    }

    /// The weaker side: the asymmetry finding's side when it names one; otherwise the only side
    /// of the side-specific findings, when they agree.
    static func weakerSide(_ findings: [Finding]) -> Side? {
        if let asymmetry = findings.first(.asymmetry), asymmetry.sides.count == 1 { return asymmetry.sides[0] }
        let sided = findings.filter { [.recruitmentDeficit, .mediusWeakness, .balanceDeficit].contains($0.code) }
        let sides = Set(sided.flatMap(\.sides))
        return sides.count == 1 ? sides.first : nil
    }

    /// Whether the person can do `exercise` at all: equipment at hand, nothing that provokes
    /// neural symptoms when they have them (deep-rotator stretches, Romanian and single-leg
    /// deadlifts, swings), and load-only exercises only when load is allowed.
    func canDo(_ exercise: Exercise) -> Bool {
        guard exercise.isPossible(with: profile.equipment) else { return false }
        if findings.has(.neuralSymptoms), exercise.provokesNeuralSymptoms { return false }
        if exercise.needsLoad, !loadAllowed(for: exercise) { return false }
        return true
    }

    /// Whether external load may go on `exercise` under the gates.
    func loadAllowed(for exercise: Exercise) -> Bool {
        guard exercise.loadable, externalLoadAllowed else { return false }
        if exercise.isStandingSingleLeg, !singleLegLoadAllowed { return false }
        switch exercise.pattern {
        case .hinge: return loadedHingeAllowed
        case .thrust, .bridge: return loadedThrustAllowed
        default: return true
        }
    }

    /// Whether `exercise` will carry external load in this plan: allowed, and an implement for it
    /// is at hand.
    func carriesLoad(_ exercise: Exercise) -> Bool {
        loadAllowed(for: exercise) && StartingLoad.implement(for: exercise, available: profile.equipment) != nil
    }

    /// The first exercise of `ids` the person can do.
    func firstPossible(_ ids: [String]) -> Exercise? {
        ids.lazy.compactMap { knowledge.exercise($0) }.first(where: canDo)
    }

    /// The side order for `exercise`.
    func sideOrder(for exercise: Exercise) -> SideOrder {
        exercise.isUnilateral ? .weakerFirst(weaker) : .both
    }
}

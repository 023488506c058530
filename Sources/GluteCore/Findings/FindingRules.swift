internal import GluteJSON

/// Turns an assessment into findings, in the order of the format's table: safety first, then
/// the self-tests, then lifestyle.
///
/// Pure and deterministic.
public enum FindingRules {
    /// The findings of the safety screen alone: what an interview that stops at a red flag has.
    public static func screeningFindings(for screening: Screening) -> [Finding] {
        ScreeningRules.findings(for: screening)
    }

    /// Every finding the assessment supports.
    public static func findings(for assessment: Assessment) -> [Finding] {
        var findings = ScreeningRules.findings(for: assessment.screening)
        let tests = assessment.tests
        if let finding = recruitmentDeficit(tests) { findings.append(finding) }
        if let finding = AsymmetryRule.finding(for: tests) { findings.append(finding) }
        if let finding = mediusWeakness(tests) { findings.append(finding) }
        if let finding = balanceDeficit(tests) { findings.append(finding) }
        if tests.hipHingePass == false {
            findings.append(
                Finding(
                    code: .hingeDeficit, severity: .moderate,
                    explanation:
                        "In the wall test your hips did not travel back with vertical shins: you squat when you mean to hinge. The hinge is where the glutes do most of their work, so you will practise the hip-hinge drill before loaded deadlifts and swings.",
                    evidence: [
                        "Hip-hinge wall test failed",
                        "Krause Neto W et al. 2020, J Sports Sci Med 19:195-203, Table 2 (gluteus maximus, pooled mean %MVIC: hip thrust 75.4, deadlift 61.0, back squat 53.1)",
                        "The wall test is a coaching check, not a validated test with a published cut-off",
                    ]))
        }
        if tests.pelvicTilt == .anterior {
            findings.append(
                Finding(
                    code: .anteriorPelvicTilt, severity: .mild,
                    explanation:
                        "Your pelvis tips forward and your lower back arches. Tucking the tailbone slightly (a posterior pelvic tilt) gives the glutes a stable base to contract from; the plan adds tilt drills and a hip-flexor stretch.",
                    evidence: [
                        "Self-reported pelvic posture: anterior",
                        "Kang SY et al. 2016, Manual Therapy 22:211-215 (bridging with slight hip abduction gave more gluteus maximus and less erector and pelvic-tilt activity)",
                    ]))
        }
        if let finding = prolongedSitting(assessment.profile) { findings.append(finding) }
        if let finding = quadDominant(assessment.profile, tests) { findings.append(finding) }
        return findings
    }

    static func recruitmentDeficit(_ tests: SelfTests) -> Finding? {
        guard let bridge = tests.singleLegBridge else { return nil }
        let failing: (BridgeResult) -> Bool = { result in
            guard let felt = result.feltIn else { return false }
            return felt != .glutes
        }
        let sides = bridge.sides(where: failing)
        guard !sides.isEmpty else { return nil }
        let places = sides.map { "\($0.rawValue): \(describe(bridge[$0].feltIn))" }.joined(separator: "; ")
        let severity: Finding.Severity = sides.contains { bridge[$0].feltIn != .hamstrings } ? .moderate : .mild
        return Finding(
            code: .recruitmentDeficit, sides: sides, severity: severity,
            explanation:
                "The single-leg bridge was felt mainly outside the glutes (\(places)). The source article reads a bridge felt more in the lower back or hamstrings than in the glutes as a recruitment problem, to be met with low-load activation before lifting heavy; that rule is the article's, not a validated test. The plan follows it: low-load activation first (squeezes, bridges with a pelvic tuck), and no load on hinges until a retest is felt in the glutes on both sides.",
            evidence: [
                "Single-leg bridge: \(places)",
                "Where the bridge is felt: the source article's criterion (glute wake-up article, 'Next Steps: Assessment'); no study validates it",
                "Freckleton G et al. 2014, BJSM 48(8):713-717 (in 482 footballers a lower single-leg bridge score went with later hamstring strains; the test measured reps, not where the bridge is felt)",
            ])
    }

    static func mediusWeakness(_ tests: SelfTests) -> Finding? {
        var notes: [Side: [String]] = [:]
        var severity = Finding.Severity.mild
        for side in Side.allCases {
            if tests.singleLegStance?[side].hipDrop == true {
                notes[side, default: []].append("hip drop standing on the \(side.rawValue) leg")
                severity = max(severity, .moderate)
            }
            if let valgus = tests.singleLegSquat?[side].kneeValgus, valgus != .none {
                notes[side, default: []].append(
                    "\(valgus.rawValue) knee valgus in the \(side.rawValue) single-leg squat")
                if valgus == .marked { severity = max(severity, .moderate) }
            }
            if (notes[side]?.count ?? 0) >= 2 { severity = max(severity, .moderate) }
        }
        guard !notes.isEmpty else { return nil }
        let sides = notes.keys.sorted()
        let seen = sides.flatMap { notes[$0] ?? [] }.joined(separator: "; ")
        return Finding(
            code: .mediusWeakness, sides: sides, severity: severity,
            explanation:
                "The gluteus medius keeps the pelvis level and the knee over the foot on one leg; here it is not keeping up (\(seen)). The plan adds side-lying, band and single-leg work for it, on the weaker side first.",
            evidence: [
                "Self-tests: \(seen)",
                "Herrington L 2014, Knee 21(2):514-517 (single-leg squat FPPA 8.4 +/- 5.1 degrees in controls, 16.8 +/- 5.4 with patellofemoral pain)",
                "Bramah C et al. 2018, AJSM 46(12):3023-3031 (retrospective: 72 injured runners showed more pelvic drop than 36 uninjured ones, each degree going with 80 % higher odds of being in the injured group; an association, not a forecast of injury)",
                "Hardcastle P, Nade S 1985, JBJS Br 67-B(5) (Trendelenburg test: 30 s hold)",
            ])
    }

    static func balanceDeficit(_ tests: SelfTests) -> Finding? {
        guard let reach = tests.singleLegDeadlift else { return nil }
        let sides = reach.sides { $0.balance != .steady }
        guard !sides.isEmpty else { return nil }
        let severity: Finding.Severity = sides.contains { reach[$0].balance == .lost } ? .moderate : .mild
        let seen = sides.map { "\($0.rawValue): \(reach[$0].balance.rawValue)" }.joined(separator: "; ")
        return Finding(
            code: .balanceDeficit, sides: sides, severity: severity,
            explanation:
                "On the single-leg deadlift reach you were not steady (\(seen)). The wobble is the hip muscles learning to hold the pelvis; standing single-leg work stays unloaded until the reach is steady, and balance drills are added.",
            evidence: [
                "Single-leg deadlift reach: \(seen)",
                "Distefano LJ et al. 2009, JOSPT 39(7):532-540 (the authors single out the single-limb squat and single-limb deadlift for gluteus medius activation)",
            ])
    }

    static func prolongedSitting(_ profile: Profile) -> Finding? {
        let hours = profile.sittingHoursPerDay
        let longest = profile.longestSittingMinutes
        guard hours >= FindingThresholds.prolongedSittingHours || longest > FindingThresholds.longestSittingMinutes
        else { return nil }
        let heavy =
            hours >= FindingThresholds.heavySittingHours || longest >= 2 * FindingThresholds.longestSittingMinutes
        return Finding(
            code: .prolongedSitting, severity: heavy ? .moderate : .mild,
            explanation:
                "You sit about \(JSONValue.format(hours)) hours a day, up to \(longest) minutes at a stretch. Long unbroken sitting is linked with worse health, and short breaks help blood sugar; whether sitting 'switches off' the glutes is only weakly supported. The plan adds wake-up calls during working hours and an ergonomics checklist.",
            evidence: [
                "Profile: \(JSONValue.format(hours)) h/day, longest \(longest) min",
                "Dunstan DW et al. 2012, Diabetes Care 35(5):976-983 (2-minute walks every 20 minutes lowered glucose and insulin)",
                "Diaz KM et al. 2017, Ann Intern Med (sedentary time and bout length and mortality)",
                "Kong PW 2010, IFMBE Proc 31 (8 h of sitting: no consistent change in hip-muscle EMG)",
            ])
    }

    static func quadDominant(_ profile: Profile, _ tests: SelfTests) -> Finding? {
        var reasons: [String] = []
        if tests.bodyweightSquatFeltIn == .quads { reasons.append("the bodyweight squat was felt in the quads") }
        if profile.femurLength == .long { reasons.append("your femurs are long") }
        guard !reasons.isEmpty else { return nil }
        return Finding(
            code: .quadDominant, severity: .mild,
            explanation:
                "Squats load your thighs more than your glutes (\(reasons.joined(separator: " and "))). Strength days lead with hinges and single-leg work; squats are left out of the main lifts.",
            evidence: reasons.map { "Self-test: \($0)" } + [
                "Contreras B et al. 2015, J Appl Biomech 31:452-458 (13 trained women, gluteus maximus: hip thrust 69.5-86.8 mean %MVIC against back squat 29.4-45.4 mean %MVIC)"
            ])
    }

    static func describe(_ felt: FeltIn?) -> String {
        switch felt {
        case .glutes?: "glutes"
        case .hamstrings?: "hamstrings"
        case .lowerBack?: "lower back"
        case .quads?: "quads"
        case .nowhere?: "felt nowhere"
        case nil: "not noted"
        }
    }
}

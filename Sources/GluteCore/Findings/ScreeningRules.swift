/// The safety-screen part of the findings: red flags, PAR-Q answers, neural symptoms and pain.
enum ScreeningRules {
    static func findings(for screening: Screening) -> [Finding] {
        var findings: [Finding] = []
        let flags = screening.redFlags.answers.filter(\.value).map(\.key)
        if !flags.isEmpty {
            let urgent =
                screening.redFlags.saddleNumbness || screening.redFlags.bladderOrBowelChange
                || screening.redFlags.progressiveLegWeakness
            findings.append(
                Finding(
                    code: .referToClinician, severity: .stop,
                    explanation: (urgent
                        ? "See a clinician now, today: numbness in the saddle area, a new bladder or bowel change or leg weakness that gets worse can mean pressure on the nerves at the base of the spine (cauda equina syndrome), which needs urgent care. "
                        : "See a clinician before you start: \(flags.map(Self.words).joined(separator: ", ")) need a medical check first. ")
                        + "GluteCoach gives no exercise plan until a clinician has seen you.",
                    evidence: [
                        "Red flags answered yes: \(flags.joined(separator: ", "))",
                        "BMJ Best Practice, cauda equina syndrome: immediate referral",
                        "UK spinal red-flag guidance (unexplained weight loss, unremitting night pain, major trauma)",
                    ]))
        }
        let parq = screening.parq.answers.filter(\.value).map(\.key)
        if !parq.isEmpty {
            let cleared = screening.medicalClearance
            findings.append(
                Finding(
                    code: .medicalClearance, severity: cleared ? .info : .moderate,
                    explanation: cleared
                        ? "You answered yes on the health questionnaire and a clinician has cleared you for loaded exercise."
                        : "You answered yes on the health questionnaire (\(parq.map(Self.words).joined(separator: ", "))). Ask a doctor or qualified exercise professional to clear you for loaded exercise; until then the plan carries no external load.",
                    evidence: [
                        "PAR-Q+ answered yes: \(parq.joined(separator: ", "))",
                        "Warburton DER et al. 2011, Health & Fitness Journal of Canada (PAR-Q+)",
                    ]))
        }
        if screening.symptoms.legNumbnessOrTingling {
            findings.append(
                Finding(
                    code: .neuralSymptoms, severity: .moderate,
                    explanation:
                        "Numbness or tingling down a leg can come from an irritated nerve. Have a clinician look at it. The plan is cautious: bodyweight and band work only, no Romanian or single-leg deadlifts, no swings, no deep-rotator (piriformis) stretching, and any exercise that brings the symptoms on stops at once.",
                    evidence: [
                        "Symptom: leg numbness or tingling",
                        "Hopayian K, Danielyan A 2018, Eur J Orthop Surg Traumatol 28:155-164 (physical tests cannot establish piriformis syndrome)",
                    ]))
        }
        let pain = screening.symptoms.painNow
        if pain >= FindingThresholds.painFinding {
            let severity: Finding.Severity =
                pain >= FindingThresholds.painStop
                ? .stop
                : pain >= FindingThresholds.painSevere ? .severe : .moderate
            findings.append(
                Finding(
                    code: .painNow, severity: severity,
                    explanation: severity == .stop
                        ? "Your pain right now is \(pain) out of 10. That is too much to train through: see a clinician before starting. GluteCoach gives no exercise plan today."
                        : "Your pain right now is \(pain) out of 10. The plan is gentle and unloaded until pain at rest is 3 or less; stop any exercise that makes it worse.",
                    evidence: ["Pain now: \(pain)/10"]))
        }
        return findings
    }

    /// A format key in words: `saddleNumbness` becomes "saddle numbness".
    static func words(_ key: String) -> String {
        var text = ""
        for character in key {
            if character.isUppercase { text += " " + character.lowercased() } else { text.append(character) }
        }
        return text
    }
}

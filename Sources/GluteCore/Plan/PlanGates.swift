/// The gates a plan carries: what stays locked while a finding stands, and the retest or event
/// that opens it (PRODUCT.md section 3).
enum PlanGates {
    static func gates(_ context: PlanContext) -> [PlanGate] {
        let findings = context.findings
        var gates: [PlanGate] = []
        if let clearance = findings.first(.medicalClearance), clearance.severity != .info {
            gates.append(
                PlanGate(
                    code: "medical-clearance", until: "a clinician clears you for loaded exercise",
                    blocks: "any external load", why: ["medical-clearance"]))
        }
        if findings.has(.painNow) {
            gates.append(
                PlanGate(
                    code: "no-load-while-in-pain", until: "pain at rest is 3 out of 10 or less",
                    blocks: "any external load", why: ["pain-now"]))
        }
        if findings.has(.recruitmentDeficit) {
            gates.append(
                PlanGate(
                    code: "no-loaded-hinge", until: "single-leg bridge felt in glutes on both sides",
                    blocks: "loaded deadlifts, swings, hip thrusts and bridges", why: ["recruitment-deficit"]))
        }
        if findings.has(.hingeDeficit) {
            gates.append(
                PlanGate(
                    code: "hinge-pattern-first", until: "the hip-hinge wall test is passed",
                    blocks: "loaded deadlifts, swings and hip thrusts", why: ["hinge-deficit"]))
        }
        if findings.has(.balanceDeficit) {
            gates.append(
                PlanGate(
                    code: "no-load-single-leg", until: "the single-leg deadlift reach is steady on both sides",
                    blocks: "added load on standing single-leg exercises", why: ["balance-deficit"]))
        }
        if let weaker = context.weaker {
            gates.append(
                PlanGate(
                    code: "weaker-side-first",
                    until: "single-leg bridge reps are within 20 % side to side and every side-specific test matches",
                    blocks: "the \(weaker.opposite.rawValue) side doing more reps than the \(weaker.rawValue) side",
                    why: findings.has(.asymmetry) ? ["asymmetry"] : ["weaker-side-first"]))
        }
        if findings.has(.neuralSymptoms) {
            gates.append(
                PlanGate(
                    code: "no-neural-provocation", until: "a clinician has assessed the leg symptoms",
                    blocks:
                        "external load, Romanian and single-leg deadlifts, kettlebell swings, deep-rotator stretching, and any exercise that brings on numbness or tingling",
                    why: ["neural-symptoms"]))
        }
        return gates
    }
}

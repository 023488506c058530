/// One conclusion drawn from an assessment, with a stable code, the sides involved, a severity,
/// a plain-language explanation and the evidence behind it.
public struct Finding: Sendable, Equatable {
    /// The stable codes of the interchange format.
    public enum Code: String, Sendable, CaseIterable {
        case referToClinician = "refer-to-clinician"
        case medicalClearance = "medical-clearance"
        case neuralSymptoms = "neural-symptoms"
        case painNow = "pain-now"
        case recruitmentDeficit = "recruitment-deficit"
        case asymmetry
        case mediusWeakness = "medius-weakness"
        case balanceDeficit = "balance-deficit"
        case hingeDeficit = "hinge-deficit"
        case anteriorPelvicTilt = "anterior-pelvic-tilt"
        case prolongedSitting = "prolonged-sitting"
        case quadDominant = "quad-dominant"
    }

    /// How much a finding matters; `stop` means no exercise plan at all.
    public enum Severity: String, Sendable, CaseIterable, Comparable {
        case info, mild, moderate, severe, stop

        /// Orders values as the format lists them.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
        }
    }

    /// The stable code.
    public let code: Code
    /// The sides involved, left first; empty when the finding has no side.
    public let sides: [Side]
    /// How much it matters.
    public let severity: Severity
    /// What was seen and what it means, in plain words.
    public let explanation: String
    /// Citations and the test results it rests on.
    public let evidence: [String]

    /// Creates a finding.
    public init(code: Code, sides: [Side] = [], severity: Severity, explanation: String, evidence: [String]) {
        self.code = code
        self.sides = sides.sorted()
        self.severity = severity
        self.explanation = explanation
        self.evidence = evidence
    }
}

extension Array where Element == Finding {
    /// The finding with `code`, if raised.
    public func first(_ code: Finding.Code) -> Finding? { first { $0.code == code } }

    /// Whether a finding with `code` was raised.
    public func has(_ code: Finding.Code) -> Bool { contains { $0.code == code } }

    /// Whether any finding stops the flow (no plan).
    public var stopsPlan: Bool { contains { $0.severity == .stop } }
}

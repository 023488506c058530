/// Everything a person answers: profile, safety screen and self-tests (interchange format v1).
///
/// Decode one from JSON with ``Assessment/decode(_:)``, which rejects unknown fields and names
/// the path of every bad value; ``AssessmentEngine`` turns it into findings and a plan.
public struct Assessment: Sendable, Equatable {
    /// The format version; only 1 exists.
    public var version: Int
    /// Who the person is and what they have.
    public var profile: Profile
    /// The safety screen.
    public var screening: Screening
    /// Self-test results; a missing test means "not tested".
    public var tests: SelfTests

    /// Creates an assessment from its parts.
    public init(version: Int = 1, profile: Profile, screening: Screening, tests: SelfTests) {
        self.version = version
        self.profile = profile
        self.screening = screening
        self.tests = tests
    }
}

/// Equipment a person may have; exercises list what they need.
public enum Equipment: String, Sendable, CaseIterable, Codable, Comparable {
    case band, dumbbells, kettlebell, barbell, bench, box

    /// Orders values as the format lists them.
    public static func < (lhs: Equipment, rhs: Equipment) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// Whether this implement adds external load (as opposed to support or bands).
    public var addsLoad: Bool { self == .dumbbells || self == .kettlebell || self == .barbell }
}

/// The person's main training aim.
public enum Goal: String, Sendable, CaseIterable, Codable {
    case stability, strength, hypertrophy
}

/// Training experience.
public enum Experience: String, Sendable, CaseIterable, Codable {
    case novice, intermediate, advanced
}

/// Self-reported sex; used only for context in explanations, never for a rule.
public enum Sex: String, Sendable, CaseIterable, Codable {
    case female, male, other
}

/// Femur length relative to the torso, as the person judges it.
public enum FemurLength: String, Sendable, CaseIterable, Codable {
    case long, average, short
}

/// Where a person felt a movement working most: in a self-test or in a logged set.
///
/// A field that the assessment format narrows validates a subset: the single-leg bridge test
/// takes ``bridgeTestCases`` (no `quads`), a logged set takes every case.
public enum FeltIn: String, Sendable, CaseIterable, Codable, Hashable {
    /// In the glutes: the aim.
    case glutes
    /// In the hamstrings.
    case hamstrings
    /// In the lower back.
    case lowerBack
    /// In the front of the thighs.
    case quads
    /// Nowhere in particular.
    case nowhere

    /// The answers the single-leg bridge test accepts.
    public static let bridgeTestCases: [FeltIn] = [.glutes, .hamstrings, .lowerBack, .nowhere]

    /// Whether the work went where it should (the glutes).
    public var isGlutes: Bool { self == .glutes }
}

/// How steady a person was on one leg: in the single-leg deadlift test or during a logged set.
public enum Balance: String, Sendable, CaseIterable, Codable, Hashable {
    /// Steady throughout.
    case steady
    /// Wobbled but kept balance.
    case wobble
    /// Lost balance at least once (a foot went down, a hand grabbed support).
    case lost
}

/// Self-test results. Each test is optional ("not tested"); tests with sides hold both.
public struct SelfTests: Sendable, Equatable {
    public var singleLegBridge: PerSide<BridgeResult>?
    public var gluteSqueeze: PerSide<SqueezeResult>?
    public var singleLegStance: PerSide<StanceResult>?
    public var singleLegSquat: PerSide<SquatResult>?
    public var singleLegDeadlift: PerSide<DeadliftReachResult>?
    /// Hip-hinge wall test: passed or not.
    public var hipHingePass: Bool?
    public var pelvicTilt: PelvicTilt?
    public var bodyweightSquatFeltIn: SquatFeel?

    /// Creates results, none tested by default.
    public init() {}
}

/// Where a movement was felt most.
public enum FeltIn: String, Sendable, CaseIterable, Codable {
    case glutes, hamstrings, lowerBack, nowhere
}

/// One side of the single-leg glute bridge (Freckleton et al. 2014 protocol: reps to failure).
public struct BridgeResult: Sendable, Equatable {
    /// Reps with good form, 0...200.
    public var reps: Int
    /// Where it was felt, if noted.
    public var feltIn: FeltIn?
    /// Whether the pelvis stayed level, if noted.
    public var pelvisLevel: Bool?

    public init(reps: Int, feltIn: FeltIn? = nil, pelvisLevel: Bool? = nil) {
        self.reps = reps
        self.feltIn = feltIn
        self.pelvisLevel = pelvisLevel
    }
}

/// Whether one glute can contract on its own.
public enum Isolation: String, Sendable, CaseIterable, Codable {
    case yes, partly, no
}

/// One side of the isolated glute squeeze.
public struct SqueezeResult: Sendable, Equatable {
    public var isolated: Isolation
    /// Felt strength, 0...10, if rated.
    public var strength: Int?

    public init(isolated: Isolation, strength: Int? = nil) {
        self.isolated = isolated
        self.strength = strength
    }
}

/// One side of single-leg stance (Trendelenburg-style, Hardcastle & Nade 1985: a 30 s hold).
public struct StanceResult: Sendable, Equatable {
    /// Whether the opposite hip dropped.
    public var hipDrop: Bool
    /// Seconds held, 0...600, if timed.
    public var seconds: Int?

    public init(hipDrop: Bool, seconds: Int? = nil) {
        self.hipDrop = hipDrop
        self.seconds = seconds
    }
}

/// How far the knee caved in.
public enum KneeValgus: String, Sendable, CaseIterable, Codable {
    case none, slight, marked
}

/// One side of the single-leg squat or step-down.
public struct SquatResult: Sendable, Equatable {
    public var kneeValgus: KneeValgus

    public init(kneeValgus: KneeValgus) {
        self.kneeValgus = kneeValgus
    }
}

/// Balance on one leg.
public enum Balance: String, Sendable, CaseIterable, Codable {
    case steady, wobble, lost
}

/// One side of the single-leg deadlift reach.
public struct DeadliftReachResult: Sendable, Equatable {
    public var balance: Balance

    public init(balance: Balance) {
        self.balance = balance
    }
}

/// Resting pelvic posture.
public enum PelvicTilt: String, Sendable, CaseIterable, Codable {
    case anterior, neutral, posterior
}

/// Where a bodyweight squat was felt.
public enum SquatFeel: String, Sendable, CaseIterable, Codable {
    case quads, glutes, both, lowerBack
}

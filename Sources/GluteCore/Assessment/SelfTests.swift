/// Self-test results.
///
/// Each test is optional ("not tested"); tests with sides hold both.
public struct SelfTests: Sendable, Equatable {
    /// Single-leg glute bridge per side.
    public var singleLegBridge: PerSide<BridgeResult>?
    /// Isolated glute squeeze per side.
    public var gluteSqueeze: PerSide<SqueezeResult>?
    /// Single-leg stance (hip drop) per side.
    public var singleLegStance: PerSide<StanceResult>?
    /// Single-leg squat or step-down (knee valgus) per side.
    public var singleLegSquat: PerSide<SquatResult>?
    /// Single-leg deadlift reach (balance) per side.
    public var singleLegDeadlift: PerSide<DeadliftReachResult>?
    /// Hip-hinge wall test: passed or not.
    public var hipHingePass: Bool?
    /// Resting pelvic posture.
    public var pelvicTilt: PelvicTilt?
    /// Where a bodyweight squat is felt most.
    public var bodyweightSquatFeltIn: SquatFeel?

    /// Creates results, none tested by default.
    public init() {}
}

/// One side of the single-leg glute bridge.
///
/// The protocol of Freckleton et al. 2014: reps to failure.
public struct BridgeResult: Sendable, Equatable {
    /// Reps with good form, 0...200.
    public var reps: Int
    /// Where it was felt, if noted.
    public var feltIn: FeltIn?
    /// Whether the pelvis stayed level, if noted.
    public var pelvisLevel: Bool?

    /// Creates one side's result.
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
    /// Whether this side contracts on its own.
    public var isolated: Isolation
    /// Felt strength, 0...10, if rated.
    public var strength: Int?

    /// Creates one side's result.
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

    /// Creates one side's result.
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
    /// How far the knee caved in.
    public var kneeValgus: KneeValgus

    /// Creates one side's result.
    public init(kneeValgus: KneeValgus) {
        self.kneeValgus = kneeValgus
    }
}

/// One side of the single-leg deadlift reach.
public struct DeadliftReachResult: Sendable, Equatable {
    /// How steady the reach was.
    public var balance: Balance

    /// Creates one side's result.
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

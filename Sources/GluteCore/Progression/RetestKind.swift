public import GluteJSON

/// The self-tests a person can repeat on their own, by the name `glute retest` and the API use,
/// with the key the assessment format gives their result.
///
/// A retest's result has exactly the shape of that test in the assessment format (for example
/// `{"left":{"reps":20,"feltIn":"glutes"},"right":{...}}` for the single-leg bridge), so the
/// assessment decoder validates it and names any bad field.
public enum RetestKind: String, Sendable, CaseIterable, Hashable {
    /// The single-leg glute bridge (where it is felt; opens the loaded hinge).
    case singleLegBridge = "single-leg-bridge"
    /// The single-leg deadlift reach (balance; opens load on single-leg work).
    case singleLegDeadlift = "single-leg-deadlift"
    /// The hip-hinge wall test.
    case hipHinge = "hip-hinge"
    /// Single-leg stance (hip drop).
    case singleLegStance = "single-leg-stance"
    /// Single-leg squat or step-down (knee valgus).
    case singleLegSquat = "single-leg-squat"
    /// The isolated glute squeeze.
    case gluteSqueeze = "glute-squeeze"

    /// The test's key under `tests` in the assessment format.
    public var assessmentKey: String {
        switch self {
        case .singleLegBridge: "singleLegBridge"
        case .singleLegDeadlift: "singleLegDeadlift"
        case .hipHinge: "hipHinge"
        case .singleLegStance: "singleLegStance"
        case .singleLegSquat: "singleLegSquat"
        case .gluteSqueeze: "gluteSqueeze"
        }
    }

    /// The kind whose result sits under `key` in the assessment format.
    public init?(assessmentKey key: String) {
        guard let kind = Self.allCases.first(where: { $0.assessmentKey == key }) else { return nil }
        self = kind
    }

    /// Whether the test is recorded per side.
    public var hasSides: Bool { self != .hipHinge }

    /// What the gate evaluator reads from a stored result of this test taken on `date`; parts
    /// that are missing are left out.
    public func gateResult(_ value: JSONValue, date: CivilDate) -> RetestResult {
        let object = value.objectValue
        func side(_ side: Side, _ key: String) -> String? {
            object?[side.rawValue]?.objectValue?[key]?.stringValue
        }
        switch self {
        case .singleLegBridge:
            guard let left = side(.left, "feltIn").flatMap(FeltIn.init(rawValue:)),
                let right = side(.right, "feltIn").flatMap(FeltIn.init(rawValue:))
            else { return RetestResult(date: date) }
            return RetestResult(date: date, bridgeFeltIn: PerSide(left: left, right: right))
        case .singleLegDeadlift:
            guard let left = side(.left, "balance").flatMap(Balance.init(rawValue:)),
                let right = side(.right, "balance").flatMap(Balance.init(rawValue:))
            else { return RetestResult(date: date) }
            return RetestResult(date: date, deadliftBalance: PerSide(left: left, right: right))
        case .hipHinge:
            if case .bool(let pass)? = object?["pass"] { return RetestResult(date: date, hipHingePassed: pass) }
            return RetestResult(date: date)
        case .singleLegStance, .singleLegSquat, .gluteSqueeze:
            return RetestResult(date: date)
        }
    }

    /// The reps per side of a single-leg bridge result, when it has them.
    public static func bridgeReps(_ value: JSONValue) -> PerSide<Int>? {
        guard let object = value.objectValue,
            let left = object["left"]?.objectValue?["reps"]?.numberValue,
            let right = object["right"]?.objectValue?["reps"]?.numberValue
        else { return nil }
        return PerSide(left: Int(left), right: Int(right))
    }
}

/// The recorded tests the form analysis recognises.
public enum FormTest: String, Sendable, CaseIterable {
    /// Single-leg squat on one side (or each side in turn): knee FPPA, pelvic drop, trunk lean.
    case singleLegSquat = "single-leg-squat"
    /// Single-leg stance held: pelvic drop (Trendelenburg sign).
    case singleLegStance = "single-leg-stance"
    /// Single-leg glute bridge, filmed from the feet: is the pelvis kept level.
    case singleLegBridge = "single-leg-bridge"
    /// Hip hinge (good morning, Romanian deadlift pattern), filmed from the side.
    case hipHinge = "hip-hinge"
    /// Bodyweight squat on both legs: knee FPPA from the front, hinge or squat from the side.
    case bodyweightSquat = "bodyweight-squat"

    /// Whether one leg works while the other is free.
    public var isSingleLeg: Bool {
        switch self {
        case .singleLegSquat, .singleLegStance, .singleLegBridge: true
        case .hipHinge, .bodyweightSquat: false
        }
    }

    /// The view in which the test's main metric can be measured.
    public var preferredView: CameraView {
        self == .hipHinge ? .side : .front
    }

    /// A short name for people.
    public var title: String {
        switch self {
        case .singleLegSquat: "Single-leg squat"
        case .singleLegStance: "Single-leg stance"
        case .singleLegBridge: "Single-leg bridge"
        case .hipHinge: "Hip hinge"
        case .bodyweightSquat: "Bodyweight squat"
        }
    }
}

/// Whether a side-view bend was led by the hips or by the knees.
public enum MovementPattern: String, Sendable, CaseIterable {
    /// Mostly hip flexion, little knee bend.
    case hinge
    /// Hips and knees bend together.
    case squat
}

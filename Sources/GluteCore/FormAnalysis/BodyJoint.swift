/// The body points the form analysis measures with, whatever pose estimator produced them.
///
/// Every input format is reduced to these eight points on reading: the metrics never need the
/// face, arms or feet, and a small fixed set keeps the per-frame data flat and fast.
public enum BodyJoint: Int, Sendable, CaseIterable {
    /// The left shoulder.
    case leftShoulder = 0
    /// The right shoulder.
    case rightShoulder
    /// The left hip joint centre.
    case leftHip
    /// The right hip joint centre.
    case rightHip
    /// The left knee.
    case leftKnee
    /// The right knee.
    case rightKnee
    /// The left ankle.
    case leftAnkle
    /// The right ankle.
    case rightAnkle

    /// The number of joints kept per frame.
    public static let count = 8

    /// The shoulder on `side`.
    public static func shoulder(_ side: Side) -> BodyJoint { side == .left ? .leftShoulder : .rightShoulder }
    /// The hip on `side`.
    public static func hip(_ side: Side) -> BodyJoint { side == .left ? .leftHip : .rightHip }
    /// The knee on `side`.
    public static func knee(_ side: Side) -> BodyJoint { side == .left ? .leftKnee : .rightKnee }
    /// The ankle on `side`.
    public static func ankle(_ side: Side) -> BodyJoint { side == .left ? .leftAnkle : .rightAnkle }

    /// The joint's index in MediaPipe Pose's 33 landmarks.
    public var mediaPipeIndex: Int {
        switch self {
        case .leftShoulder: 11
        case .rightShoulder: 12
        case .leftHip: 23
        case .rightHip: 24
        case .leftKnee: 25
        case .rightKnee: 26
        case .leftAnkle: 27
        case .rightAnkle: 28
        }
    }

    /// The joint's index in the 17 COCO keypoints.
    public var cocoIndex: Int {
        switch self {
        case .leftShoulder: 5
        case .rightShoulder: 6
        case .leftHip: 11
        case .rightHip: 12
        case .leftKnee: 13
        case .rightKnee: 14
        case .leftAnkle: 15
        case .rightAnkle: 16
        }
    }

    /// The joint for a MediaPipe landmark index, or `nil` for a landmark the analysis ignores.
    public static func fromMediaPipe(_ index: Int) -> BodyJoint? {
        allCases.first { $0.mediaPipeIndex == index }
    }

    /// The joint for a COCO keypoint index, or `nil` for a keypoint the analysis ignores.
    public static func fromCOCO(_ index: Int) -> BodyJoint? {
        allCases.first { $0.cocoIndex == index }
    }
}

/// The input formats of landmark files (see `landmarks-format.md`).
public enum LandmarkFormat: String, Sendable, CaseIterable {
    /// MediaPipe Pose, 33 normalised landmarks per frame, as JSON.
    case mediaPipeJSON = "mediapipe-pose-33"
    /// MediaPipe Pose as CSV, one row per landmark.
    case mediaPipeCSV = "mediapipe-pose-33-csv"
    /// COCO 17 keypoints in pixels with confidences (OpenPose, MMPose).
    case coco17 = "coco-17"
    /// Apple Vision body-pose joint names, normalised with the origin at the bottom left.
    case appleVision = "apple-vision"
}

/// Where the camera stood relative to the person.
public enum CameraView: String, Sendable, CaseIterable {
    /// Facing the person (or their back): the frontal plane is in the image.
    case front
    /// From the person's side: the sagittal plane is in the image.
    case side
}

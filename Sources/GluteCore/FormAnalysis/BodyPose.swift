/// The eight ``BodyJoint``s of one frame, in image units with y down, each with a confidence,
/// held in SIMD vectors so that a frame is a plain value that never allocates.
///
/// ```swift
/// var pose = BodyPose()
/// pose.set(.leftHip, x: 540, y: 900, confidence: 0.9)
/// stream.push(time: 0.033, pose: pose)
/// ```
public struct BodyPose: Sendable, Equatable {
    /// Horizontal coordinates, indexed by `BodyJoint.rawValue`.
    public var xs: SIMD8<Float>
    /// Vertical coordinates (down), indexed by `BodyJoint.rawValue`.
    public var ys: SIMD8<Float>
    /// Confidences in 0...1 (0 for a point the estimator did not give).
    public var confidences: SIMD8<Float>

    /// A pose with every point missing.
    public init() {
        xs = .zero
        ys = .zero
        confidences = .zero
    }

    /// Frame `frame` of `sequence`.
    @inlinable
    public init(_ sequence: LandmarkSequence, frame: Int) {
        self.init()
        let base = frame * BodyJoint.count
        for joint in 0..<BodyJoint.count {
            xs[joint] = sequence.xs[base + joint]
            ys[joint] = sequence.ys[base + joint]
            confidences[joint] = sequence.confidences[base + joint]
        }
    }

    /// Sets one point.
    public mutating func set(_ joint: BodyJoint, x: Float, y: Float, confidence: Float) {
        xs[joint.rawValue] = x
        ys[joint.rawValue] = y
        confidences[joint.rawValue] = confidence
    }

    /// Whether every joint in `mask` (bit `joint.rawValue`) has at least `threshold` confidence.
    @inlinable
    public func isConfident(mask: UInt8, threshold: Float) -> Bool {
        let passing = confidences .>= SIMD8(repeating: threshold)
        var bits: UInt8 = 0
        for joint in 0..<BodyJoint.count where passing[joint] { bits |= 1 << UInt8(joint) }
        return bits & mask == mask
    }
}

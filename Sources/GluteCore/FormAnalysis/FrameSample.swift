/// The measurements of one frame, held in one SIMD vector so that smoothing adds and subtracts
/// whole frames at once without allocating.
///
/// All angles are in degrees, lengths in image units, y down. Per-side values are stored for
/// both sides; which one is reported depends on the test and on the standing leg.
public struct FrameSample: Sendable, Equatable {
    /// The raw channels; use the named accessors.
    public var channels: SIMD16<Double>

    /// A sample with every channel at zero.
    public init() { channels = .zero }

    /// Creates a sample from raw channels.
    public init(channels: SIMD16<Double>) { self.channels = channels }

    /// Knee frontal-plane projection angle on `side`, valgus positive.
    public func fppa(_ side: Side) -> Double { channels[side == .left ? 0 : 1] }
    /// Pelvic drop with `side` as the standing leg, positive when the free side's hip is lower.
    public func pelvicDrop(standing side: Side) -> Double { side == .left ? channels[2] : -channels[2] }
    /// Lateral trunk lean, positive towards `side`.
    public func trunkLean(towards side: Side) -> Double { side == .left ? channels[3] : -channels[3] }
    /// Hip flexion on `side` (trunk against thigh; meaningful in a side view).
    public func hipFlexion(_ side: Side) -> Double { channels[side == .left ? 4 : 5] }
    /// Knee flexion on `side` (thigh against shank; meaningful in a side view).
    public func kneeFlexion(_ side: Side) -> Double { channels[side == .left ? 6 : 7] }
    /// Vertical distance from hip down to ankle on `side`.
    public func legExtent(_ side: Side) -> Double { channels[side == .left ? 8 : 9] }
    /// Vertical distance from the mid-shoulder down to the mid-hip.
    public var trunkExtent: Double { channels[10] }
    /// Height of the mid-hip in the image (down positive).
    public var midHipY: Double { channels[11] }
    /// Horizontal distance between the hips.
    public var hipWidth: Double { channels[12] }
    /// Left ankle minus right ankle height (positive when the left foot is lower).
    public var ankleDifference: Double { channels[13] }

    /// The standing leg: the side whose ankle is lower in the image.
    public var lowerAnkleSide: Side { ankleDifference >= 0 ? .left : .right }

    /// Measures one pose.
    @inlinable
    public static func measure(_ pose: BodyPose) -> FrameSample {
        @inline(__always) func x(_ joint: BodyJoint) -> Double { Double(pose.xs[joint.rawValue]) }
        @inline(__always) func y(_ joint: BodyJoint) -> Double { Double(pose.ys[joint.rawValue]) }
        var c = SIMD16<Double>.zero
        // Medial is towards the other hip, whichever way the person faces the camera.
        let hipDX = x(.rightHip) - x(.leftHip)
        let medialLeft: Double = hipDX >= 0 ? 1 : -1
        c[0] =
            medialLeft
            * PlaneAngle.turn(
                x(.leftKnee) - x(.leftHip), y(.leftKnee) - y(.leftHip),
                x(.leftAnkle) - x(.leftKnee), y(.leftAnkle) - y(.leftKnee))
        c[1] =
            -medialLeft
            * PlaneAngle.turn(
                x(.rightKnee) - x(.rightHip), y(.rightKnee) - y(.rightHip),
                x(.rightAnkle) - x(.rightKnee), y(.rightAnkle) - y(.rightKnee))
        c[2] = PlaneAngle.atan2Degrees(y(.rightHip) - y(.leftHip), abs(hipDX))
        let midHipX = (x(.leftHip) + x(.rightHip)) / 2
        let midHipY = (y(.leftHip) + y(.rightHip)) / 2
        let midShoulderX = (x(.leftShoulder) + x(.rightShoulder)) / 2
        let midShoulderY = (y(.leftShoulder) + y(.rightShoulder)) / 2
        // Lean from vertical; the person's left is where the left hip lies from the right one.
        c[3] = -medialLeft * PlaneAngle.atan2Degrees(midShoulderX - midHipX, midHipY - midShoulderY)
        for side in Side.allCases {
            let offset = side == .left ? 0 : 1
            let hip = BodyJoint.hip(side), knee = BodyJoint.knee(side), ankle = BodyJoint.ankle(side)
            let shoulder = BodyJoint.shoulder(side)
            c[4 + offset] =
                180
                - PlaneAngle.between(
                    x(shoulder) - x(hip), y(shoulder) - y(hip),
                    x(knee) - x(hip), y(knee) - y(hip))
            c[6 + offset] =
                180
                - PlaneAngle.between(
                    x(hip) - x(knee), y(hip) - y(knee),
                    x(ankle) - x(knee), y(ankle) - y(knee))
            c[8 + offset] = y(ankle) - y(hip)
        }
        c[10] = midHipY - midShoulderY
        c[11] = midHipY
        c[12] = abs(hipDX)
        c[13] = y(.leftAnkle) - y(.rightAnkle)
        return FrameSample(channels: c)
    }
}

/// A quick look over a recording before the measurement: which way the camera faces, which side
/// is nearer to it, and which test the movement looks like.
///
/// It reads at most a few thousand evenly spread frames, so its cost does not grow with long
/// recordings.
public struct SequenceSurvey: Sendable, Equatable {
    /// Body width against body height above which the camera is judged to face the person:
    /// about 0.4 from the front (hips and shoulders side by side), near 0 from the side.
    ///
    /// Ours.
    public static let frontRatioThreshold = 0.2
    /// Around the threshold, within this distance, the judgement is reported as unsure.
    public static let unsureMargin = 0.08
    /// The most frames looked at.
    public static let maximumFrames = 4_000

    /// The view judged from the body's proportions, or `nil` when too few frames were confident.
    public var view: CameraView?
    /// Whether that judgement is clear.
    public var viewIsSure: Bool
    /// The side whose leg the estimator saw better (the one nearer the camera in a side view).
    public var nearSide: Side
    /// The test the movement looks like.
    public var recognisedTest: FormTest
    /// How many of the frames looked at showed the nearer side's points confidently.
    public var confidentFrames: Int

    /// Surveys `sequence`, trusting points of at least `threshold` confidence.
    public init(_ sequence: LandmarkSequence, threshold: Float) {
        let count = sequence.frameCount
        let step = max(1, count / Self.maximumFrames)
        var ratios = 0.0, ratioCount = 0
        var confidence = PerSide(left: 0.0, right: 0.0)
        var compressions: [Double] = [], trunks: [Double] = [], flexionRatios: [Double] = []
        var lifted = 0, lying = 0, upright = 0, nearConfident = 0
        var frame = 0
        while frame < count {
            defer { frame += step }
            for side in Side.allCases {
                for joint in [BodyJoint.shoulder(side), .hip(side), .knee(side), .ankle(side)] {
                    confidence[side] += Double(sequence.point(joint, frame: frame).confidence)
                }
            }
        }
        let near: Side = confidence.right > confidence.left + 0.01 * Double(count / step) ? .right : .left
        nearSide = near
        frame = 0
        while frame < count {
            defer { frame += step }
            let sample = FrameSample.measure(BodyPose(sequence, frame: frame))
            let nearJoints = [BodyJoint.shoulder(near), .hip(near), .knee(near), .ankle(near)]
            if nearJoints.allSatisfy({ sequence.point($0, frame: frame).confidence >= threshold }) {
                nearConfident += 1
                if sample.hipFlexion(near) > 30 {
                    flexionRatios.append(sample.hipFlexion(near) / max(sample.kneeFlexion(near), 1))
                }
            }
            let all = BodyJoint.allCases.allSatisfy { sequence.point($0, frame: frame).confidence >= threshold }
            guard all else { continue }
            let leg = max(sample.legExtent(.left), sample.legExtent(.right))
            let shoulders = abs(
                Double(
                    sequence.point(.leftShoulder, frame: frame).x
                        - sequence.point(.rightShoulder, frame: frame).x))
            let height = leg + sample.trunkExtent
            if height > 0 {
                ratios += (sample.hipWidth + shoulders) / height
                ratioCount += 1
            }
            let thigh =
                Self.length(sequence, .hip(.left), .knee(.left), frame)
                + Self.length(sequence, .knee(.left), .ankle(.left), frame)
            if thigh > 0, sample.legExtent(.left) / thigh < 0.5 { lying += 1 } else { upright += 1 }
            if leg > 0, abs(sample.ankleDifference) / leg > 0.08 { lifted += 1 }
            compressions.append(leg)
            trunks.append(sample.trunkExtent)
        }
        if ratioCount >= 3 {
            let ratio = ratios / Double(ratioCount)
            view = ratio >= Self.frontRatioThreshold ? .front : .side
            viewIsSure = abs(ratio - Self.frontRatioThreshold) >= Self.unsureMargin
        } else {
            // Hardly a frame shows both sides clearly: the far side is hidden, as from the side.
            view = count > 0 ? .side : nil
            viewIsSure = false
        }
        confidentFrames = nearConfident
        let legRange = Self.relativeRange(compressions)
        let trunkRange = Self.relativeRange(trunks)
        let looked = max(1, lying + upright)
        if lying * 2 > looked {
            recognisedTest = .singleLegBridge
        } else if lifted * 10 > looked * 3 {
            recognisedTest = legRange > 0.08 ? .singleLegSquat : .singleLegStance
        } else if view == .side {
            flexionRatios.sort()
            let typical = flexionRatios.isEmpty ? 0 : flexionRatios[flexionRatios.count / 2]
            recognisedTest = typical >= FormNorms.hingeRatioFrom ? .hipHinge : .bodyweightSquat
        } else {
            recognisedTest = legRange < 0.06 && trunkRange > 0.1 ? .hipHinge : .bodyweightSquat
        }
    }

    /// (95th percentile - 5th percentile) / 95th percentile of positive values.
    static func relativeRange(_ values: [Double]) -> Double {
        guard values.count >= 5 else { return 0 }
        let sorted = values.sorted()
        let high = sorted[sorted.count * 95 / 100], low = sorted[sorted.count * 5 / 100]
        return high > 0 ? (high - low) / high : 0
    }

    static func length(_ sequence: LandmarkSequence, _ a: BodyJoint, _ b: BodyJoint, _ frame: Int) -> Double {
        let p = sequence.point(a, frame: frame), q = sequence.point(b, frame: frame)
        let dx = Double(p.x - q.x), dy = Double(p.y - q.y)
        return (dx * dx + dy * dy).squareRoot()
    }
}

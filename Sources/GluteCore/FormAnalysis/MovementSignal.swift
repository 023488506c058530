/// Turns smoothed frames into one excursion signal (0 at rest, growing with the movement) for
/// the ``RepetitionDetector``, and keeps the running references the signal is measured against:
/// the standing leg heights, the lowest hip position, the smallest hip flexion.
///
/// References are running extremes of smoothed values, so the signal is available while the
/// recording streams in; a recording should start at rest, as the test instructions ask.
public struct MovementSignal: Sendable {
    /// What the signal follows.
    public enum Kind: Sendable, Equatable {
        /// The standing leg shortens in the image: `1 - height / standing height`. Single-leg
        /// squat (the longer leg) and front-view squat (both legs).
        case legCompression(singleLeg: Bool)
        /// Hip flexion of one side grows from its smallest value, per 90 degrees (side view).
        case hipFlexion(Side)
        /// The trunk shortens in the image as it tips forward (front-view hinge).
        case trunkCompression
        /// The hips rise from their lowest position, in hip widths (bridge from the feet).
        case hipRise
        /// One foot is lifted above the other, in standing leg heights (single-leg stance).
        case footLift
    }

    /// The kind of signal.
    public let kind: Kind
    /// The excursion at which a repetition begins.
    ///
    /// Ours, not from a study: each lies several
    /// times above the jitter a pose estimator leaves after smoothing (about 0.005 leg heights,
    /// 1 degree) and well under the smallest real movement of the test: a hip 5 % of the leg
    /// lower, hip flexion 22.5 degrees past standing, the trunk 10 % shorter, the hips a quarter
    /// of a hip width higher, a foot 5 % of the leg off the floor.
    public var enter: Double {
        switch kind {
        case .legCompression: 0.05
        case .hipFlexion: 0.25
        case .trunkCompression: 0.10
        case .hipRise: 0.25
        case .footLift: 0.05
        }
    }
    /// The excursion under which it ends: 40 % of the entry threshold, so that noise around
    /// either threshold cannot start or end a repetition twice (hysteresis).
    ///
    /// Ours.
    public var exit: Double { enter * 0.4 }

    /// Tallest smoothed hip-to-ankle height seen, per side.
    public private(set) var standingLeg = PerSide(left: 0.0, right: 0.0)
    /// Tallest smoothed shoulder-to-hip height seen.
    public private(set) var standingTrunk = 0.0
    /// Lowest smoothed hip position seen (largest y).
    public private(set) var restingHipY = -Double.infinity
    /// Widest smoothed hip distance seen.
    public private(set) var hipWidth = 0.0
    /// Smallest smoothed hip flexion seen, per side.
    public private(set) var leastHipFlexion = PerSide(left: Double.infinity, right: .infinity)

    /// Creates a signal of `kind` with no references yet.
    public init(kind: Kind) { self.kind = kind }

    /// Updates the references with `sample` and returns its excursion.
    public mutating func excursion(of sample: FrameSample) -> Double {
        let left = sample.legExtent(.left), right = sample.legExtent(.right)
        if left > standingLeg.left { standingLeg.left = left }
        if right > standingLeg.right { standingLeg.right = right }
        if sample.trunkExtent > standingTrunk { standingTrunk = sample.trunkExtent }
        if sample.midHipY > restingHipY { restingHipY = sample.midHipY }
        if sample.hipWidth > hipWidth { hipWidth = sample.hipWidth }
        for side in Side.allCases where sample.hipFlexion(side) < leastHipFlexion[side] {
            leastHipFlexion[side] = sample.hipFlexion(side)
        }
        switch kind {
        case .legCompression(let singleLeg):
            if singleLeg {
                return 1 - max(left, right) / max(standingLeg.left, standingLeg.right, 1e-9)
            }
            return 1 - (left + right) / max(standingLeg.left + standingLeg.right, 1e-9)
        case .hipFlexion(let side):
            return (sample.hipFlexion(side) - leastHipFlexion[side]) / 90
        case .trunkCompression:
            return 1 - sample.trunkExtent / max(standingTrunk, 1e-9)
        case .hipRise:
            return (restingHipY - sample.midHipY) / max(hipWidth, 1e-9)
        case .footLift:
            return abs(sample.ankleDifference) / max(standingLeg.left, standingLeg.right, 1e-9)
        }
    }

    /// How far `side`'s hip went down, as a fraction of that leg's standing height.
    public func compression(of sample: FrameSample, side: Side) -> Double {
        1 - sample.legExtent(side) / max(standingLeg[side], 1e-9)
    }

    /// How far the hips went down, both legs together.
    public func compressionOfBothLegs(_ sample: FrameSample) -> Double {
        1 - (sample.legExtent(.left) + sample.legExtent(.right)) / max(standingLeg.left + standingLeg.right, 1e-9)
    }

    /// How far the hips rose from their lowest position, in hip widths.
    public func hipRise(of sample: FrameSample) -> Double {
        (restingHipY - sample.midHipY) / max(hipWidth, 1e-9)
    }
}

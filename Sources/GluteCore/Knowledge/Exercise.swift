/// One exercise of the catalogue, with everything the planner and the progression rules need.
public struct Exercise: Sendable, Equatable, Identifiable {
    /// Movement patterns, as the interchange format names them.
    public enum Pattern: String, Sendable, CaseIterable {
        case hinge, squat, lunge, bridge, thrust, abduction, rotation, `extension`, isometric, stretch, drill
    }

    /// Whether the exercise is done one side at a time.
    public enum Laterality: String, Sendable, CaseIterable {
        case bilateral, unilateral
    }

    /// How an exercise is made harder by load.
    public enum LoadType: String, Sendable, CaseIterable {
        case bodyweight, band, external
    }

    /// How much balance an exercise asks for.
    public enum BalanceDemand: String, Sendable, CaseIterable {
        case low, medium, high
    }

    /// How the body is supported while doing it.
    public enum Position: String, Sendable, CaseIterable {
        /// On the feet (both, a split stance or one leg).
        case standing
        /// Kneeling on one knee, the other foot in front.
        case halfKneeling = "half-kneeling"
        /// Kneeling on both knees.
        case kneeling
        /// Lying on the back (or with the upper back on a bench).
        case supine
        /// Lying face down.
        case prone
        /// Lying on one side.
        case sideLying = "side-lying"
        /// On hands and knees.
        case quadruped
        /// Propped on one forearm and the side of the feet or knees.
        case sideSupport = "side-support"
        /// Propped on the forearms and toes.
        case frontSupport = "front-support"
    }

    /// Stable id, used in plans, logs and `glute explain`.
    public let id: String
    /// Display name.
    public let name: String
    /// Movement pattern.
    public let pattern: Pattern
    /// Bilateral or one side at a time.
    public let laterality: Laterality
    /// Equipment that must be at hand (all of it); empty for none.
    public let equipment: [Equipment]
    /// Implements that can add external load; empty when the exercise takes none.
    public let loadWith: [Equipment]
    /// Whether the exercise only makes sense with one of `loadWith` (a kettlebell swing).
    public let needsLoad: Bool
    /// How it is made harder: bodyweight, band or external load.
    public let loadType: LoadType
    /// 1 (easiest) to 5.
    public let difficulty: Int
    /// How much balance it asks for.
    public let balanceDemand: BalanceDemand
    /// How the body is supported.
    public let position: Position
    /// Muscle ids the exercise emphasises, main one first.
    public let muscles: [String]
    /// Published EMG measurements, each citing its study.
    public let emg: [EMGMeasurement]
    /// Coaching cues.
    public let cues: [String]
    /// Ids of easier and harder variants.
    public let easier: [String], harder: [String]
    /// Seconds one repetition takes, for session timing.
    public let secondsPerRep: Int
    /// For holds: the default hold in seconds; `nil` for repetitions.
    public let holdSeconds: Int?
    /// Whether the exercise can provoke sciatic-type symptoms: deep-rotator stretching, and
    /// hinges that lengthen the hamstrings with nearly straight knees (Romanian and single-leg
    /// deadlifts, good mornings, swings), which put the sciatic nerve on stretch as a
    /// straight-leg raise does.
    public let provokesNeuralSymptoms: Bool

    /// Whether external load can be added.
    public var loadable: Bool { !loadWith.isEmpty }
    /// Whether the exercise is done per side.
    public var isUnilateral: Bool { laterality == .unilateral }
    /// Whether the exercise is dosed as a hold rather than repetitions.
    public var isHold: Bool { holdSeconds != nil }
    /// Whether this is standing single-leg work: on the feet, one side at a time, with more than
    /// a low balance demand (split squats, step-ups, single-leg deadlifts; not a standing glute
    /// squeeze, a side-lying clamshell or a single-leg hip thrust).
    ///
    /// The balance gate (`no-load-single-leg`) holds back load on these only.
    public var isStandingSingleLeg: Bool { isUnilateral && position == .standing && balanceDemand != .low }

    /// Whether `other` is a direct easier or harder variant of this exercise (either way round).
    public func isVariant(of other: Exercise) -> Bool {
        easier.contains(other.id) || harder.contains(other.id) || other.easier.contains(id)
            || other.harder.contains(id)
    }

    /// Whether a person with `available` equipment can do it (with load when it needs load).
    public func isPossible(with available: [Equipment]) -> Bool {
        equipment.allSatisfy(available.contains) && (!needsLoad || loadWith.contains(where: available.contains))
    }
}

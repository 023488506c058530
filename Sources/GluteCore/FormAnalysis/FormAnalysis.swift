/// The result of analysing one recording: per side, the repetitions and their summary.
///
/// Turn it into the JSON of `landmarks-format.md` with ``jsonValue``, or into the assessment's
/// answers with ``answers``.
public struct FormAnalysis: Sendable, Equatable {
    /// The test analysed (given, or recognised from the movement).
    public var test: FormTest
    /// Whether the test was recognised rather than given.
    public var testWasRecognised: Bool
    /// The camera view (declared, or judged from the body's proportions).
    public var view: CameraView
    /// The number of frames in the file.
    public var frames: Int
    /// The frames whose needed points were confident enough to be used.
    public var framesUsed: Int
    /// The results for each side that was measured.
    public var sides: PerSide<SideResult?>
    /// Things the person should know about the recording or the numbers, in plain words.
    public var warnings: [String]
    /// The metrics this test and view give that were left `nil` because the image size is unknown
    /// (normalised coordinates with no width and height; see
    /// ``FormMetric/needsImageAspect(in:)``), in ``FormMetric`` order; empty when it is known.
    public var metricsNeedingImageSize: [FormMetric] = []

    /// The sides measured, left first.
    public var measuredSides: [SideResult] { Side.allCases.compactMap { sides[$0] } }
}

/// The repetitions of one side and their summary.
public struct SideResult: Sendable, Equatable {
    /// The working or standing leg.
    public var side: Side
    /// The repetitions (for a single-leg stance: the holds), in time order.
    public var reps: [RepetitionResult]
    /// Means, maxima, the assessment's answers and the interpretation.
    public var summary: SideSummary
}

/// The measurements of one repetition, taken at its bottom (for a hold: over the hold).
///
/// Values that the test or the camera view cannot give are `nil`.
public struct RepetitionResult: Sendable, Equatable {
    /// When the movement started, in seconds from the start of the file.
    public var start: Double
    /// When it was deepest (for a bridge: highest).
    public var bottom: Double
    /// When it was back at rest.
    public var end: Double
    /// Knee frontal-plane projection angle, valgus positive.
    public var fppaDegrees: Double?
    /// Contralateral pelvic drop, positive when the free side's hip is lower.
    public var pelvicDropDegrees: Double?
    /// Lateral trunk lean, positive towards the working side.
    public var trunkLeanDegrees: Double?
    /// Hip flexion (side view).
    public var hipFlexionDegrees: Double?
    /// Knee flexion (side view).
    public var kneeFlexionDegrees: Double?
    /// Hip flexion divided by knee flexion (side view).
    public var hipKneeRatio: Double?
    /// How far the hips went down, as a fraction of the standing leg's height in the image
    /// (for a bridge: how far they rose, in hip widths).
    public var depth: Double?

    /// Seconds from the start to the bottom (the lowering phase).
    public var descentSeconds: Double { bottom - start }
    /// Seconds from the bottom back to rest.
    public var ascentSeconds: Double { end - bottom }
}

/// A mean and a maximum over the repetitions of one side.
public struct Statistic: Sendable, Equatable {
    /// The mean.
    public var mean: Double
    /// The largest value.
    public var max: Double

    /// The statistic of `values`, or `nil` when there are none.
    public init?(_ values: [Double]) {
        guard let largest = values.max() else { return nil }
        mean = values.reduce(0, +) / Double(values.count)
        max = largest
    }
}

/// What the repetitions of one side add up to.
public struct SideSummary: Sendable, Equatable {
    /// The number of repetitions (or holds).
    public var reps: Int
    /// FPPA over the repetitions.
    public var fppaDegrees: Statistic?
    /// Pelvic drop over the repetitions.
    public var pelvicDropDegrees: Statistic?
    /// The knee-valgus answer this supports (single-leg squat from the front).
    public var kneeValgus: KneeValgus?
    /// The hip-drop answer this supports (single-leg tests from the front).
    public var hipDrop: Bool?
    /// Hinge or squat (side view of a hinge or squat).
    public var pattern: MovementPattern?
    /// Mean hip-to-knee flexion ratio (side view).
    public var hipKneeRatio: Double?
    /// The numbers in plain words, with their norms and limits.
    public var interpretation: String
}

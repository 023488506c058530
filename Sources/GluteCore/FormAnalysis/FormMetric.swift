/// A value the analysis measures for each repetition, named as in the JSON output
/// (`landmarks-format.md`).
///
/// Angles are in degrees, `hipKneeRatio` has no unit, and `depth` is a fraction of the standing
/// leg's height in the image (for a bridge: of the hip width).
///
/// ```swift
/// if analysis.metricsNeedingImageSize.contains(.fppaDegrees) { print("FPPA: give the image size") }
/// ```
public enum FormMetric: String, Sendable, CaseIterable {
    /// Knee frontal-plane projection angle (``RepetitionResult/fppaDegrees``).
    case fppaDegrees
    /// Contralateral pelvic drop (``RepetitionResult/pelvicDropDegrees``).
    case pelvicDropDegrees
    /// Lateral trunk lean (``RepetitionResult/trunkLeanDegrees``).
    case trunkLeanDegrees
    /// Hip flexion (``RepetitionResult/hipFlexionDegrees``).
    case hipFlexionDegrees
    /// Knee flexion (``RepetitionResult/kneeFlexionDegrees``).
    case kneeFlexionDegrees
    /// Hip flexion divided by knee flexion (``RepetitionResult/hipKneeRatio``).
    case hipKneeRatio
    /// How far the hips went down, or for a bridge rose (``RepetitionResult/depth``).
    case depth

    /// Whether the metric, in `test`, compares lengths across the image with lengths down it, so
    /// that it comes out wrong when normalised coordinates are not scaled by the image size.
    ///
    /// Every angle does (a 1080 x 1920 video squeezes normalised x against y by 1.78, and a 15°
    /// knee angle reads 26°), and so does their ratio. Depth is a vertical distance against the
    /// standing leg's vertical height, which the scaling cancels, except in a bridge, where it is
    /// a vertical rise in hip widths (across).
    public func needsImageAspect(in test: FormTest) -> Bool {
        switch self {
        case .depth: test == .singleLegBridge
        default: true
        }
    }

    /// Where the metric is kept in a ``RepetitionResult``.
    var keyPath: WritableKeyPath<RepetitionResult, Double?> {
        switch self {
        case .fppaDegrees: \.fppaDegrees
        case .pelvicDropDegrees: \.pelvicDropDegrees
        case .trunkLeanDegrees: \.trunkLeanDegrees
        case .hipFlexionDegrees: \.hipFlexionDegrees
        case .kneeFlexionDegrees: \.kneeFlexionDegrees
        case .hipKneeRatio: \.hipKneeRatio
        case .depth: \.depth
        }
    }
}

/// The answers of the self-assessment that an analysed recording supports, per side, ready to
/// replace the self-reported ones of the matching test.
///
/// The assessment model lives elsewhere; this small type is the bridge. A `nil` answer means
/// the recording could not say (wrong view, no repetitions, or a test that does not ask it).
///
/// ```swift
/// let answers = analysis.answers
/// if answers.test == .singleLegSquat, let left = answers.kneeValgus.left { ... }
/// ```
public struct AssessmentAnswers: Sendable, Equatable {
    /// The assessment test these answers belong to.
    public var test: FormTest
    /// "Did the knee cave in?" per side (single-leg squat).
    public var kneeValgus: PerSide<KneeValgus?>
    /// "Did the hip drop?" per side (single-leg stance, single-leg squat, single-leg bridge).
    public var hipDrop: PerSide<Bool?>

    /// Creates a set of answers.
    public init(test: FormTest, kneeValgus: PerSide<KneeValgus?>, hipDrop: PerSide<Bool?>) {
        self.test = test
        self.kneeValgus = kneeValgus
        self.hipDrop = hipDrop
    }

    /// Whether the recording answered anything at all.
    public var isEmpty: Bool {
        kneeValgus.left == nil && kneeValgus.right == nil && hipDrop.left == nil && hipDrop.right == nil
    }
}

extension FormAnalysis {
    /// The assessment answers this analysis supports.
    public var answers: AssessmentAnswers {
        AssessmentAnswers(
            test: test,
            kneeValgus: sides.map { $0?.summary.kneeValgus },
            hipDrop: sides.map { $0?.summary.hipDrop })
    }
}

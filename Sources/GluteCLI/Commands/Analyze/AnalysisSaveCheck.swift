internal import GluteCore

/// Decides, before the store is opened, whether `glute analyze --save` may keep a recording's
/// answers as a retest.
///
/// A recording in which nothing was measured must not become a retest: ``AnalysisRetest`` keeps
/// the latest assessment's answer for each side the recording did not measure, so saving an empty
/// analysis would record the old answers again as if they had been retested. That happens with no
/// usable frame, with no repetition, and when the repetitions gave no answer (angles withheld for
/// want of the image size, or a view that does not show them).
enum AnalysisSaveCheck {
    /// The error that refuses the save, or `nil` when the analysis may be saved.
    static func refusal(_ analysis: FormAnalysis) -> CLIError? {
        if analysis.framesUsed == 0 {
            return .failure(
                "no frame of the recording showed the points the test needs clearly (0 of \(analysis.frames) "
                    + "frames used), so nothing was saved; film in good light with the whole body in the picture")
        }
        if analysis.measuredSides.allSatisfy({ $0.reps.isEmpty }) {
            let what = analysis.test == .singleLegStance ? "hold" : "repetition"
            return .failure(
                "no \(what) was found in the recording, so nothing was saved; "
                    + (analysis.test == .singleLegStance
                        ? "lift one foot clearly off the floor and hold for a few seconds"
                        : "start at rest, move through the full range, and keep the whole body in the picture"))
        }
        if analysis.answers.isEmpty, selfTests.contains(analysis.test) {
            return .failure(
                analysis.metricsNeedingImageSize.isEmpty
                    ? "the recording did not measure what the self-test asks (see the warnings of 'glute analyze' "
                        + "without --save), so nothing was saved"
                    : "the recording's angles were not measured because the image size is unknown, so nothing was "
                        + "saved; give the video's size with --size WIDTHxHEIGHT, such as --size 1080x1920")
        }
        return nil
    }

    /// The tests whose answers ``AnalysisRetest`` keeps; it refuses the others itself, saying so.
    private static let selfTests: Set<FormTest> = [.singleLegSquat, .singleLegStance]
}

internal import GluteCore

/// Decides, before the store is opened, whether `glute analyze --save` may keep a recording's
/// answers as a retest.
///
/// A recording in which nothing was measured must not become a retest: ``AnalysisRetest`` keeps
/// the latest assessment's answer for each side the recording did not measure, so saving an empty
/// analysis would record the old answers again as if they had been retested.
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
        return nil
    }
}

extension FormAnalyzer {
    /// Decides the test, the view, the points needed and the signal before measuring.
    func makePlan(_ sequence: LandmarkSequence) -> AnalysisPlan {
        let survey = SequenceSurvey(sequence, threshold: Self.confidenceThreshold)
        var warnings: [String] = []
        let test = options.test ?? survey.recognisedTest
        if options.test == nil, survey.confidentFrames == 0 {
            warnings.append(
                "The test was not named and could not be recognised: no frame shows the body "
                    + "clearly. Taken as a \(test.title.lowercased()).")
        } else if options.test == nil {
            warnings.append(
                "The test was not named; the movement looks like a \(test.title.lowercased()) "
                    + "(--test \(test.rawValue)). Name the test to be sure.")
        }
        let view: CameraView
        if let given = options.view ?? sequence.declaredView {
            view = given
        } else if let judged = survey.view {
            view = judged
            warnings.append(
                "The camera view was not given; judged \(judged.rawValue) from the body's proportions"
                    + (survey.viewIsSure ? "." : ", but not surely: give \"view\" in the file."))
        } else {
            view = test.preferredView
            warnings.append("The camera view was not given and could not be judged; taken as \(view.rawValue).")
        }
        if sequence.needsImageSize {
            warnings.append(AnalysisPlan.unknownImageSizeWarning(format: sequence.format, test: test))
        }
        let measured = options.side ?? survey.nearSide
        if view == .side, !test.isSingleLeg, options.side == nil {
            warnings.append(
                "From the side, the \(measured.rawValue) leg was measured: the estimator saw it "
                    + "better. Use --side to choose.")
        }
        return AnalysisPlan(
            test: test, testWasRecognised: options.test == nil, view: view, measured: measured,
            onlySide: options.side, warnings: warnings)
    }
}

extension FormAnalyzer {
    /// Decides the test, the view, the points needed and the signal before measuring.
    func makePlan(_ sequence: LandmarkSequence) -> Plan {
        let survey = SequenceSurvey(sequence, threshold: Self.confidenceThreshold)
        var warnings: [String] = []
        let test = options.test ?? survey.recognisedTest
        if options.test == nil, survey.confidentFrames == 0 {
            warnings.append("The test was not named and could not be recognised: no frame shows the body "
                + "clearly. Taken as a \(test.title.lowercased()).")
        } else if options.test == nil {
            warnings.append("The test was not named; the movement looks like a \(test.title.lowercased()) "
                + "(--test \(test.rawValue)). Name the test to be sure.")
        }
        let view: CameraView
        if let given = options.view ?? sequence.declaredView {
            view = given
        } else if let judged = survey.view {
            view = judged
            warnings.append("The camera view was not given; judged \(judged.rawValue) from the body's proportions"
                + (survey.viewIsSure ? "." : ", but not surely: give \"view\" in the file."))
        } else {
            view = test.preferredView
            warnings.append("The camera view was not given and could not be judged; taken as \(view.rawValue).")
        }
        if !sequence.hasSquareUnits {
            warnings.append("The file gives no image size, so angles assume a square image; on a portrait or "
                + "landscape video they are wrong. Give width and height.")
        }
        if let message = Self.viewMessage(test: test, view: view) { warnings.append(message) }
        let measured = options.side ?? survey.nearSide
        let mask: UInt8
        if view == .front {
            mask = 0xFF
        } else {
            var bits = Self.bit(.shoulder(measured)) | Self.bit(.hip(measured)) | Self.bit(.knee(measured))
                | Self.bit(.ankle(measured))
            if test.isSingleLeg { bits |= Self.bit(.ankle(measured.opposite)) }
            mask = bits
            if !test.isSingleLeg, options.side == nil {
                warnings.append("From the side, the \(measured.rawValue) leg was measured: the estimator saw it "
                    + "better. Use --side to choose.")
            }
        }
        let signal: MovementSignal.Kind
        switch (test, view) {
        case (.singleLegSquat, _): signal = .legCompression(singleLeg: true)
        case (.singleLegStance, _): signal = .footLift
        case (.singleLegBridge, _): signal = .hipRise
        case (.hipHinge, .side), (.bodyweightSquat, .side): signal = .hipFlexion(measured)
        case (.hipHinge, .front): signal = .trunkCompression
        case (.bodyweightSquat, .front): signal = .legCompression(singleLeg: false)
        }
        return Plan(test: test, testWasRecognised: options.test == nil, view: view, nearSide: measured,
                    mask: mask, signal: signal, warnings: warnings)
    }

    static func bit(_ joint: BodyJoint) -> UInt8 { 1 << UInt8(joint.rawValue) }

    /// The message when the view does not suit the test's metrics, or `nil`.
    static func viewMessage(test: FormTest, view: CameraView) -> String? {
        switch (test, view) {
        case (.singleLegSquat, .side), (.singleLegStance, .side), (.singleLegBridge, .side):
            "Knee FPPA and pelvic drop need a front view (camera facing the person, at hip height, whole body "
                + "in the picture); this recording is from the side, so they are not reported."
        case (.hipHinge, .front):
            "Hip and knee flexion, and so hinge or squat, need a side view (camera at hip height, square to "
                + "the person's side); this recording is from the front, so they are not reported."
        default:
            nil
        }
    }
}

/// What one measurement pass does, decided before it: the test, the view, the leg measured from
/// the side, the points every used frame must show, and the signal the repetitions follow.
struct AnalysisPlan: Sendable {
    var test: FormTest
    var testWasRecognised: Bool
    var view: CameraView
    /// In a side view, the leg measured; otherwise the side listed when nothing is found.
    var nearSide: Side
    /// The side the caller asked for, if any.
    var onlySide: Side?
    /// Bit `joint.rawValue` set for each joint a used frame must show confidently.
    var mask: UInt8
    var signal: MovementSignal.Kind
    var warnings: [String]

    init(
        test: FormTest, testWasRecognised: Bool, view: CameraView, measured: Side, onlySide: Side?,
        warnings: [String]
    ) {
        self.test = test
        self.testWasRecognised = testWasRecognised
        self.view = view
        nearSide = measured
        self.onlySide = onlySide
        self.warnings = warnings
        if let message = Self.viewMessage(test: test, view: view) { self.warnings.append(message) }
        if view == .front {
            mask = 0xFF
        } else {
            var bits =
                Self.bit(.shoulder(measured)) | Self.bit(.hip(measured)) | Self.bit(.knee(measured))
                | Self.bit(.ankle(measured))
            if test.isSingleLeg { bits |= Self.bit(.ankle(measured.opposite)) }
            mask = bits
        }
        switch (test, view) {
        case (.singleLegSquat, _): signal = .legCompression(singleLeg: true)
        case (.singleLegStance, _): signal = .footLift
        case (.singleLegBridge, _): signal = .hipRise
        case (.hipHinge, .side), (.bodyweightSquat, .side): signal = .hipFlexion(measured)
        case (.hipHinge, .front): signal = .trunkCompression
        case (.bodyweightSquat, .front): signal = .legCompression(singleLeg: false)
        }
    }

    static func bit(_ joint: BodyJoint) -> UInt8 { 1 << UInt8(joint.rawValue) }

    /// The warning when coordinates are normalised and the image size is unknown, saying how to
    /// give it for `format` (`nil`: poses pushed by code).
    static func unknownImageSizeWarning(format: LandmarkFormat?, test: FormTest) -> String {
        let kept =
            FormMetric.depth.needsImageAspect(in: test) ? "Repetitions and tempo" : "Repetitions, tempo and depth"
        let why = "Angles are not reported: x and y are fractions of the image width and height, and without "
        let how: String
        switch format {
        case .mediaPipeCSV:
            how =
                why + "the image size angles come out wrong on a video that is not square. MediaPipe CSV "
                + "cannot carry the size: give it in pixels with --size WIDTHxHEIGHT, e.g. --size 1080x1920."
        case .mediaPipeJSON, .appleVision:
            how =
                why + "the image size angles come out wrong on a video that is not square. The file gives no "
                + "\"width\" and \"height\": add them, or give the size in pixels with --size WIDTHxHEIGHT, "
                + "e.g. --size 1080x1920."
        case .coco17, nil:
            how =
                "Angles are not reported: the coordinates are not in square units, and angles come out wrong "
                + "on an image that is not square; scale x by the image width and y by its height."
        }
        return how + " \(kept) do not need it."
    }

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

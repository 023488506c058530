/// The measurement as a state machine fed one frame at a time, for a live camera or a file read
/// piece by piece: each pushed pose is checked for confidence, measured, smoothed and fed to the
/// repetition detector; ``finish()`` turns what was found into a ``FormAnalysis``.
///
/// State stays bounded (a smoothing window and the frames of the current repetition), and a
/// frame allocates nothing. ``FormAnalyzer`` runs the same stream over a whole recording after
/// recognising the test and the view; a live caller names them.
///
/// ```swift
/// var stream = FormAnalysisStream(test: .singleLegSquat, view: .front, frameRate: 30)
/// for (time, pose) in camera { stream.push(time: time, pose: pose) }
/// let analysis = stream.finish()
/// ```
public struct FormAnalysisStream: Sendable {
    let plan: AnalysisPlan
    private var window: SmoothingWindow
    private var signal: MovementSignal
    private var detector: RepetitionDetector
    private var found: [DetectedRepetition] = []
    private var hasSquareUnits: Bool
    /// The frames pushed so far.
    public private(set) var frames = 0
    /// The frames confident enough to be used so far.
    public private(set) var framesUsed = 0
    /// The repetitions completed so far.
    public var repetitionsFound: Int { found.count }

    /// Creates a stream for a named test and view.
    /// - Parameters:
    ///   - side: only report this side; in a side view, the leg measured (default: left).
    ///   - frameRate: frames per second, for the smoothing window.
    ///   - squareUnits: whether coordinates are pixels (or scaled to them); when `false`, angles
    ///     are not reported (see ``FormAnalysis/metricsNeedingImageSize``) and a warning says so.
    public init(test: FormTest, view: CameraView, side: Side? = nil, frameRate: Double, squareUnits: Bool = true) {
        self.init(
            plan: AnalysisPlan(
                test: test, testWasRecognised: false, view: view, measured: side ?? .left,
                onlySide: side,
                warnings: squareUnits ? [] : [AnalysisPlan.unknownImageSizeWarning(format: nil, test: test)]),
            frameRate: frameRate, hasSquareUnits: squareUnits)
    }

    init(plan: AnalysisPlan, frameRate: Double, hasSquareUnits: Bool) {
        self.plan = plan
        self.hasSquareUnits = hasSquareUnits
        window = SmoothingWindow(
            width: SmoothingWindow.width(
                seconds: FormAnalyzer.smoothingSeconds,
                frameRate: frameRate))
        signal = MovementSignal(kind: plan.signal)
        detector = RepetitionDetector(
            enter: signal.enter, exit: signal.exit,
            minimumDuration: FormAnalyzer.minimumRepetitionSeconds)
    }

    /// Feeds the pose seen at `time` (seconds, increasing).
    public mutating func push(time: Double, pose: BodyPose) {
        frames += 1
        guard pose.isConfident(mask: plan.mask, threshold: FormAnalyzer.confidenceThreshold) else { return }
        framesUsed += 1
        guard let smoothed = window.push(FrameSample.measure(pose), time: time) else { return }
        let excursion = signal.excursion(of: smoothed.sample)
        if let rep = detector.push(time: smoothed.time, excursion: excursion, sample: smoothed.sample) {
            found.append(rep)
        }
    }

    /// Ends the input and returns the analysis of everything pushed.
    public func finish() -> FormAnalysis {
        var detector = detector
        var found = found
        var warnings = plan.warnings
        let wasActive = detector.isActive
        if let rep = detector.finish(closeOpen: plan.test == .singleLegStance) {
            found.append(rep)
        } else if wasActive {
            warnings.append("The recording ends in the middle of a repetition; that repetition is not counted.")
        }
        if frames > 0, Double(frames - framesUsed) / Double(frames) > FormAnalyzer.unusedFramesWarningShare {
            warnings.append(
                "\(frames - framesUsed) of \(frames) frames had points of low confidence and were not "
                    + "used; film in good light with the whole body in the picture.")
        }
        var analysis = FormAnalysis(
            test: plan.test, testWasRecognised: plan.testWasRecognised, view: plan.view, frames: frames,
            framesUsed: framesUsed, sides: PerSide(left: nil, right: nil), warnings: warnings)
        ResultBuilder(plan: plan, signal: signal, aspectIsKnown: hasSquareUnits).fill(&analysis, with: found)
        return analysis
    }
}

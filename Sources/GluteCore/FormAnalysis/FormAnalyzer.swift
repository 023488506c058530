/// Measures a recorded test: finds the repetitions and takes the knee FPPA, pelvic drop, trunk
/// lean, hip and knee flexion and depth of each, per side.
///
/// The measurement streams over the frames once (a ``FormAnalysisStream``): each frame whose
/// needed points are confident is measured into a ``FrameSample``, smoothed by a
/// ``SmoothingWindow``, turned into one excursion by a ``MovementSignal`` and fed to a
/// ``RepetitionDetector``. No frame allocates. Before that, a ``SequenceSurvey`` recognises the
/// test and the view when they are not given.
///
/// ```swift
/// let analyzer = FormAnalyzer(options: .init(test: .singleLegSquat, side: .left))
/// let analysis = analyzer.analyze(try LandmarkReader.read(text))
/// print(analysis.sides.left?.summary.kneeValgus as Any)
/// ```
public struct FormAnalyzer: Sendable {
    /// What the caller knows about the recording.
    public struct Options: Sendable, Equatable {
        /// The test performed; recognised from the movement when `nil`.
        public var test: FormTest?
        /// Only report this side (the working or standing leg; in a side view, the leg measured).
        public var side: Side?
        /// The camera view; taken from the file, else judged from the body, when `nil`.
        public var view: CameraView?

        /// Creates options.
        public init(test: FormTest? = nil, side: Side? = nil, view: CameraView? = nil) {
            self.test = test
            self.side = side
            self.view = view
        }
    }

    /// Points under this confidence are never used: MediaPipe's own examples draw landmarks
    /// from a visibility of 0.5, and OpenPose marks missing keypoints with confidence 0.
    ///
    /// Ours.
    public static let confidenceThreshold: Float = 0.5
    /// The smoothing window, in seconds: long enough to average out jitter, short against a
    /// repetition of one to three seconds.
    ///
    /// Ours.
    public static let smoothingSeconds = 0.1
    /// Repetitions shorter than this are noise, not movement.
    ///
    /// Ours.
    public static let minimumRepetitionSeconds = 0.4
    /// More unused frames than this share earns a warning.
    public static let unusedFramesWarningShare = 0.2

    /// The options.
    public var options: Options

    /// Creates an analyzer.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Analyses `sequence`; `progress` is told the share of frames done now and then.
    public func analyze(_ sequence: LandmarkSequence, progress: ((Double) -> Void)? = nil) -> FormAnalysis {
        var stream = FormAnalysisStream(
            plan: makePlan(sequence), frameRate: sequence.estimatedFrameRate ?? 30,
            hasSquareUnits: sequence.hasSquareUnits)
        let count = sequence.frameCount
        for frame in 0..<count {
            if let progress, frame & 0x3FFF == 0 { progress(Double(frame) / Double(count)) }
            stream.push(time: sequence.times[frame], pose: BodyPose(sequence, frame: frame))
        }
        progress?(1)
        return stream.finish()
    }
}

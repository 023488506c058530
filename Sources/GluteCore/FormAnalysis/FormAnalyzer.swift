/// Measures a recorded test: finds the repetitions and takes the knee FPPA, pelvic drop, trunk
/// lean, hip and knee flexion and depth of each, per side.
///
/// The measurement streams over the frames once: each frame whose needed points are confident
/// is measured into a ``FrameSample``, smoothed by a ``SmoothingWindow``, turned into one
/// excursion by a ``MovementSignal`` and fed to a ``RepetitionDetector``. No frame allocates.
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
    /// from a visibility of 0.5, and OpenPose marks missing keypoints with confidence 0. Ours.
    public static let confidenceThreshold: Float = 0.5
    /// The smoothing window, in seconds: long enough to average out jitter, short against a
    /// repetition of one to three seconds. Ours.
    public static let smoothingSeconds = 0.1
    /// Repetitions shorter than this are noise, not movement. Ours.
    public static let minimumRepetitionSeconds = 0.4
    /// More unused frames than this share earns a warning.
    public static let unusedFramesWarningShare = 0.2

    /// The options.
    public var options: Options

    /// Creates an analyzer.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// The plan of one measurement pass, decided before it.
    struct Plan {
        var test: FormTest
        var testWasRecognised: Bool
        var view: CameraView
        var nearSide: Side
        var mask: UInt8
        var signal: MovementSignal.Kind
        var warnings: [String]
    }

    /// Analyses `sequence`; `progress` is told the share of frames done now and then.
    public func analyze(_ sequence: LandmarkSequence, progress: ((Double) -> Void)? = nil) -> FormAnalysis {
        let plan = makePlan(sequence)
        let frameRate = sequence.estimatedFrameRate ?? 30
        var window = SmoothingWindow(width: SmoothingWindow.width(seconds: Self.smoothingSeconds, frameRate: frameRate))
        var signal = MovementSignal(kind: plan.signal)
        var detector = RepetitionDetector(enter: signal.enter, exit: signal.exit,
                                          minimumDuration: Self.minimumRepetitionSeconds)
        var found: [DetectedRepetition] = []
        var used = 0
        let count = sequence.frameCount
        let threshold = Self.confidenceThreshold
        sequence.xs.withUnsafeBufferPointer { xs in
            sequence.ys.withUnsafeBufferPointer { ys in
                sequence.confidences.withUnsafeBufferPointer { confidences in
                    sequence.times.withUnsafeBufferPointer { times in
                        for frame in 0..<count {
                            if let progress, frame & 0x3FFF == 0 { progress(Double(frame) / Double(count)) }
                            guard FrameSample.isConfident(confidences, frame: frame, mask: plan.mask,
                                                          threshold: threshold) else { continue }
                            used += 1
                            let sample = FrameSample.measure(xs: xs, ys: ys, frame: frame)
                            guard let smoothed = window.push(sample, time: times[frame]) else { continue }
                            let excursion = signal.excursion(of: smoothed.sample)
                            if let rep = detector.push(time: smoothed.time, excursion: excursion,
                                                       sample: smoothed.sample) {
                                found.append(rep)
                            }
                        }
                    }
                }
            }
        }
        var warnings = plan.warnings
        let wasActive = detector.isActive
        if let rep = detector.finish(closeOpen: plan.test == .singleLegStance) {
            found.append(rep)
        } else if wasActive {
            warnings.append("The recording ends in the middle of a repetition; that repetition is not counted.")
        }
        progress?(1)
        if count > 0, Double(count - used) / Double(count) > Self.unusedFramesWarningShare {
            warnings.append("\(count - used) of \(count) frames had points of low confidence and were not used; "
                + "film in good light with the whole body in the picture.")
        }
        var analysis = FormAnalysis(
            test: plan.test, testWasRecognised: plan.testWasRecognised, view: plan.view, frames: count,
            framesUsed: used, sides: PerSide(left: nil, right: nil), warnings: warnings)
        ResultBuilder(plan: plan, signal: signal, side: options.side).fill(&analysis, with: found)
        return analysis
    }
}

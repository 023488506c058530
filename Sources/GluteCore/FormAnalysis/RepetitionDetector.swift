/// One repetition (or one hold) found in a movement signal.
public struct DetectedRepetition: Sendable, Equatable {
    /// When the movement left the resting position (seconds).
    public var start: Double
    /// When the movement was furthest from rest.
    public var bottom: Double
    /// When it came back to rest.
    public var end: Double
    /// The excursion at the bottom, in the signal's units.
    public var peak: Double
    /// The smoothed measurements at the bottom, read from a parabola fitted through the frames
    /// within ``RepetitionDetector/peakFitSeconds`` of it (see `PeakFit`).
    public var bottomSample: FrameSample
    /// The mean of the smoothed measurements over the frames at least
    /// ``RepetitionDetector/holdShare`` of the peak excursion: the steady part of a hold,
    /// without the lifting and lowering around it.
    public var meanSample: FrameSample
}

/// Finds repetitions in a smoothed excursion signal (0 at rest) with hysteresis: a repetition
/// starts when the signal rises past `enter` and ends only when it falls back under `exit`, so
/// noise around one threshold cannot count twice.
///
/// Excursions shorter than `minimumDuration` are
/// ignored.
///
/// The detector is a state machine fed one sample at a time; it keeps no history.
public struct RepetitionDetector: Sendable {
    /// The excursion at which a repetition begins.
    public let enter: Double
    /// The excursion under which it ends (less than `enter`).
    public let exit: Double
    /// The shortest repetition counted, in seconds.
    public let minimumDuration: Double

    private var active = false
    private var quietTime: Double?
    private var current = DetectedRepetition(
        start: 0, bottom: 0, end: 0, peak: -.infinity,
        bottomSample: FrameSample(), meanSample: FrameSample())
    /// Half the span of frames around the bottom through which the measurements are fitted:
    /// long enough to average the jitter of several frames, short against a repetition.
    ///
    /// Ours.
    public static let peakFitSeconds = 0.25
    /// The channel that carries the excursion in the stored samples (unused by ``FrameSample``).
    static let excursionChannel = 15

    private var repSamples: [SIMD16<Double>] = []
    private var repTimes: [Double] = []
    private var peakIndex = 0
    /// The share of the peak excursion from which frames count as the steady part of a hold.
    ///
    /// Ours.
    public static let holdShare = 0.8

    private var lastTime = 0.0

    /// Creates a detector with its thresholds.
    public init(enter: Double, exit: Double, minimumDuration: Double) {
        precondition(exit < enter, "the exit threshold must lie under the entry threshold")
        self.enter = enter
        self.exit = exit
        self.minimumDuration = minimumDuration
        repSamples.reserveCapacity(1024)
        repTimes.reserveCapacity(1024)
    }

    /// Feeds one smoothed sample; returns a repetition when one has just ended.
    public mutating func push(time: Double, excursion: Double, sample: FrameSample) -> DetectedRepetition? {
        lastTime = time
        if !active {
            if excursion < exit || quietTime == nil { quietTime = time }
            guard excursion >= enter else { return nil }
            active = true
            current = DetectedRepetition(
                start: quietTime ?? time, bottom: time, end: time, peak: excursion,
                bottomSample: sample, meanSample: sample)
            repSamples.removeAll(keepingCapacity: true)
            repTimes.removeAll(keepingCapacity: true)
            peakIndex = 0
        }
        var stored = sample.channels
        stored[Self.excursionChannel] = excursion
        repSamples.append(stored)
        repTimes.append(time)
        if excursion > current.peak {
            current.peak = excursion
            current.bottom = time
            current.bottomSample = sample
            peakIndex = repSamples.count - 1
        }
        guard excursion < exit else { return nil }
        active = false
        quietTime = time
        current.end = time
        return finished()
    }

    /// Ends the input; a repetition still under way is returned when `closeOpen` is set (a hold
    /// that lasts to the end of the recording), otherwise dropped.
    public mutating func finish(closeOpen: Bool) -> DetectedRepetition? {
        guard active else { return nil }
        active = false
        guard closeOpen else { return nil }
        current.end = lastTime
        return finished()
    }

    /// Whether a repetition had started but not ended when the input stopped.
    public var isActive: Bool { active }

    private func finished() -> DetectedRepetition? {
        guard current.end - current.start >= minimumDuration else { return nil }
        var result = current
        var bottom = PeakFit.bottom(
            samples: repSamples, times: repTimes, peakIndex: peakIndex,
            halfSpan: Self.peakFitSeconds, signalChannel: Self.excursionChannel)
        bottom[Self.excursionChannel] = 0
        result.bottomSample = FrameSample(channels: bottom)
        let holdFloor = current.peak * Self.holdShare
        var holdSum = SIMD16<Double>.zero
        var holdCount = 0
        for stored in repSamples where stored[Self.excursionChannel] >= holdFloor {
            holdSum += stored
            holdCount += 1
        }
        if holdCount > 0 {
            holdSum[Self.excursionChannel] = 0
            result.meanSample = FrameSample(channels: holdSum / Double(holdCount))
        }
        return result
    }
}

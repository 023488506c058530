/// A centred moving average over the last few used frames, kept as a ring buffer with a running
/// sum: pushing a frame costs two vector additions and never allocates.
///
/// The average of the last `width` samples is reported at the time of the middle one, so the
/// smoothing does not shift events in time.
public struct SmoothingWindow: Sendable {
    /// The number of samples averaged (odd).
    public let width: Int
    private var samples: [SIMD16<Double>]
    private var times: [Double]
    private var sum = SIMD16<Double>.zero
    private var next = 0
    private var filled = 0
    private var pushesSinceResum = 0

    /// Creates a window of `width` samples (rounded up to an odd number, at least 1).
    public init(width: Int) {
        let odd = max(1, width | 1)
        self.width = odd
        samples = Array(repeating: .zero, count: odd)
        times = Array(repeating: 0, count: odd)
    }

    /// A width covering about `seconds` at `frameRate`.
    public static func width(seconds: Double, frameRate: Double) -> Int {
        max(1, Int((seconds * frameRate).rounded()) | 1)
    }

    /// Adds a sample; returns the smoothed sample and its centre time once the window is full.
    public mutating func push(_ sample: FrameSample, time: Double) -> (sample: FrameSample, time: Double)? {
        if filled == width { sum -= samples[next] } else { filled += 1 }
        samples[next] = sample.channels
        times[next] = time
        sum += sample.channels
        next = next + 1 == width ? 0 : next + 1
        pushesSinceResum += 1
        if pushesSinceResum >= 65_536 { resum() }
        guard filled == width else { return nil }
        // `next` is now the oldest sample; the middle one is half a window later.
        var middle = next + width / 2
        if middle >= width { middle -= width }
        return (FrameSample(channels: sum / Double(width)), times[middle])
    }

    /// Recomputes the running sum so that rounding cannot build up over very long recordings.
    private mutating func resum() {
        pushesSinceResum = 0
        sum = .zero
        for index in 0..<filled { sum += samples[index] }
    }
}

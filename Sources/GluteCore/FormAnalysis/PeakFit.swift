/// Reads the measurements at the bottom of a repetition by fitting a parabola through the
/// frames around it, channel by channel, and taking its value at the signal's own vertex.
///
/// Taking one frame keeps its noise; averaging frames around a rounded bottom pulls the value
/// towards the shoulders of the curve. A least-squares parabola does neither: it averages the
/// noise of every frame in the span and still follows the curve to its peak.
enum PeakFit {
    /// Fits each channel over the frames within `halfSpan` seconds of `peakIndex` and returns
    /// the channels at the vertex of the `signalChannel` fit (or at the peak frame when the
    /// fit has no maximum inside the span).
    ///
    /// Too few frames give the peak frame unchanged.
    static func bottom(
        samples: [SIMD16<Double>], times: [Double], peakIndex: Int, halfSpan: Double,
        signalChannel: Int
    ) -> SIMD16<Double> {
        let peakTime = times[peakIndex]
        var s = [Double](repeating: 0, count: 5)
        var y0 = SIMD16<Double>.zero, y1 = SIMD16<Double>.zero, y2 = SIMD16<Double>.zero
        var count = 0
        var index = peakIndex
        while index > 0, peakTime - times[index - 1] <= halfSpan { index -= 1 }
        while index < samples.count, times[index] - peakTime <= halfSpan {
            let x = times[index] - peakTime
            let x2 = x * x
            s[0] += 1; s[1] += x; s[2] += x2; s[3] += x2 * x; s[4] += x2 * x2
            y0 += samples[index]
            y1 += samples[index] * x
            y2 += samples[index] * x2
            count += 1
            index += 1
        }
        guard count >= 5 else { return samples[peakIndex] }
        // Cramer's rule on the 3x3 normal equations [s0 s1 s2; s1 s2 s3; s2 s3 s4] (a, b, c) = (y0, y1, y2).
        let determinant =
            s[0] * (s[2] * s[4] - s[3] * s[3]) - s[1] * (s[1] * s[4] - s[3] * s[2])
            + s[2] * (s[1] * s[3] - s[2] * s[2])
        guard abs(determinant) > 1e-18 else { return samples[peakIndex] }
        let a =
            (y0 * (s[2] * s[4] - s[3] * s[3]) - y1 * (s[1] * s[4] - s[2] * s[3])
                + y2 * (s[1] * s[3] - s[2] * s[2])) / determinant
        let b =
            (y1 * (s[0] * s[4] - s[2] * s[2]) - y0 * (s[1] * s[4] - s[3] * s[2])
                - y2 * (s[0] * s[3] - s[1] * s[2])) / determinant
        let c =
            (y2 * (s[0] * s[2] - s[1] * s[1]) - y1 * (s[0] * s[3] - s[2] * s[1])
                + y0 * (s[1] * s[3] - s[2] * s[2])) / determinant
        var vertex = 0.0
        if c[signalChannel] < 0 {
            vertex = min(halfSpan, max(-halfSpan, -b[signalChannel] / (2 * c[signalChannel])))
        }
        return a + b * vertex + c * (vertex * vertex)
    }
}

import Foundation
import GluteCore

/// Times the form-analysis pipeline (metrics, smoothing, repetitions) over one hour of 60 fps
/// landmarks generated in memory, against a trivial loop over the same arrays in the same run.
///
/// The machine is shared and noisy, so the ratio to the reference loop matters more than the
/// absolute figure; each measurement is the best of several runs.
@main
struct FormBench {
    static let frameRate = 60.0
    static let frameCount = 216_000
    static let runs = 7

    static func main() {
        let sequence = makeSequence()
        var repCount = 0
        let pipeline = best(of: runs) {
            let analysis = FormAnalyzer(options: .init(test: .singleLegSquat, view: .front)).analyze(sequence)
            repCount = analysis.sides.left?.reps.count ?? -1
        }
        var checksum: Float = 0
        let reference = best(of: runs) { checksum = referenceLoop(sequence) }
        let pipelineRate = Double(frameCount) / pipeline
        let referenceRate = Double(frameCount) / reference
        print("frames: \(frameCount) (one hour at 60 fps), reps found: \(repCount), checksum \(checksum)")
        print("pipeline:  \(format(pipelineRate)) frames/s (\(format(pipeline * 1000)) ms per hour of video)")
        print("reference: \(format(referenceRate)) frames/s (sum of every coordinate and confidence)")
        print("ratio pipeline/reference: \(String(format: "%.3f", pipelineRate / referenceRate))")
        print("target 1,000,000 frames/s per core: \(pipelineRate >= 1_000_000 ? "met" : "NOT met")")
    }

    /// A single-leg squat every 3 s for an hour: 1,200 repetitions, with 1 px of jitter.
    static func makeSequence() -> LandmarkSequence {
        var sequence = LandmarkSequence(
            format: .coco17, declaredView: .front, imageWidth: 1080, imageHeight: 1920,
            reservingFrames: frameCount)
        var noise: UInt64 = 12345
        func jitter() -> Float {
            noise = noise &* 6364136223846793005 &+ 1442695040888963407
            return Float(Double(noise >> 40) / Double(1 << 24) - 0.5) * 2
        }
        for index in 0..<frameCount {
            let t = Double(index) / frameRate
            let cycle = t.truncatingRemainder(dividingBy: 3)
            let p = cycle < 2 ? (1 - cos(Double.pi * cycle)) / 2 : 0
            let half = 14 * p / 2 * Double.pi / 180
            let extent = 840 * (1 - 0.2 * p)
            let hipY = 1840 - extent
            let frame = sequence.appendFrame(time: t)
            let points: [(BodyJoint, Double, Double)] = [
                (.leftAnkle, 630, 1840), (.leftHip, 630, hipY),
                (.leftKnee, 630 - extent / 2 * tan(half), 1840 - extent / 2),
                (.rightHip, 450, hipY), (.rightKnee, 450, hipY + 280), (.rightAnkle, 450, hipY + 560),
                (.leftShoulder, 740, hipY - 550), (.rightShoulder, 340, hipY - 550),
            ]
            for (joint, x, y) in points {
                sequence.setPoint(joint, frame: frame, x: Float(x) + jitter(), y: Float(y) + jitter(), confidence: 0.9)
            }
        }
        return sequence
    }

    /// The reference: one pass that reads every coordinate and confidence once.
    @inline(never)
    static func referenceLoop(_ sequence: LandmarkSequence) -> Float {
        var sum: Float = 0
        sequence.xs.withUnsafeBufferPointer { xs in
            sequence.ys.withUnsafeBufferPointer { ys in
                sequence.confidences.withUnsafeBufferPointer { confidences in
                    for index in 0..<xs.count { sum += xs[index] + ys[index] * confidences[index] }
                }
            }
        }
        return sum
    }

    /// The shortest of `runs` timings of `body`, in seconds.
    static func best(of runs: Int, _ body: () -> Void) -> Double {
        var fastest = Double.infinity
        let clock = ContinuousClock()
        for _ in 0..<runs {
            let elapsed = clock.measure(body)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            fastest = min(fastest, seconds)
        }
        return fastest
    }

    static func format(_ value: Double) -> String {
        let whole = Int(value.rounded())
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        return digits + grouped
    }
}

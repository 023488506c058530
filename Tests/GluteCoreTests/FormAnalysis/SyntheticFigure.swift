import GluteCore
import GluteTestRandom

/// Noise for synthetic figures, from the shared seeded generator.
extension SeededGenerator {
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Roughly normal with standard deviation `sigma` (sum of uniforms).
    mutating func normal(_ sigma: Double) -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += unit() }
        return (sum - 6) * sigma
    }
}

/// One frame of a synthetic figure: the eight joints in pixels (y down) with confidences.
struct FigureFrame {
    var time: Double
    var points: [BodyJoint: (x: Double, y: Double)] = [:]
    var confidence: [BodyJoint: Double] = [:]
}

/// A jointed stick figure taken through a test with known geometry, in pixel coordinates.
struct SyntheticFigure {
    var width = 1080.0
    var height = 1920.0
    var fps = 30.0
    var frames: [FigureFrame] = []

    static let thigh = 420.0, shank = 420.0, trunk = 550.0
    static let hipHalfWidth = 90.0, shoulderHalfWidth = 200.0, groundY = 1840.0

    /// The movement phase at `t`: 0 at rest, rising to 1 at the bottom of each repetition.
    static func phase(_ t: Double, reps: Int, rest: Double = 1, period: Double = 2, pause: Double = 0.6) -> Double {
        let u = t - rest
        guard u >= 0 else { return 0 }
        let cycle = period + pause
        let index = Int(u / cycle)
        guard index < reps else { return 0 }
        let within = u - Double(index) * cycle
        guard within < period else { return 0 }
        return (1 - cosine(2 * .pi * within / period)) / 2
    }

    static func duration(reps: Int, rest: Double = 1, period: Double = 2, pause: Double = 0.6) -> Double {
        2 * rest + Double(reps) * (period + pause)
    }

    /// A front-view single-leg squat on `stance`: FPPA, pelvic drop and trunk lean reach the given
    /// values at the bottom, where the standing leg is `depth` shorter in the image.
    static func singleLegSquat(
        stance: Side, fppa: Double, drop: Double = 0, lean: Double = 0, depth: Double = 0.2,
        reps: Int = 5, fps: Double = 30
    ) -> SyntheticFigure {
        var figure = SyntheticFigure(fps: fps)
        let duration = duration(reps: reps)
        var t = 0.0
        while t < duration {
            let p = phase(t, reps: reps)
            figure.frames.append(
                frontFrame(
                    time: t, stance: stance, fppa: fppa * p, drop: drop * p, lean: lean * p,
                    compression: depth * p, freeLift: 240))
            t += 1 / fps
        }
        return figure
    }

    /// A front-view single-leg stance: the free foot is lifted for `hold` seconds with the given drop.
    static func singleLegStance(stance: Side, drop: Double, hold: Double = 4, holds: Int = 1) -> SyntheticFigure {
        var figure = SyntheticFigure()
        let ramp = 0.3, rest = 1.0, cycle = hold + 2 * ramp + rest
        let duration = rest + Double(holds) * cycle
        var t = 0.0
        while t < duration {
            let u = t - rest
            var p = 0.0
            if u > 0 {
                let within = u.truncatingRemainder(dividingBy: cycle)
                if within < ramp {
                    p = within / ramp
                } else if within < ramp + hold {
                    p = 1
                } else if within < 2 * ramp + hold {
                    p = 1 - (within - ramp - hold) / ramp
                }
            }
            figure.frames.append(
                frontFrame(
                    time: t, stance: stance, fppa: 2, drop: drop * p, lean: 0,
                    compression: 0, freeLift: 200 * p))
            t += 1 / figure.fps
        }
        return figure
    }

    /// A front-view two-leg squat with the same valgus on both knees.
    static func frontSquat(fppa: Double, depth: Double = 0.3, reps: Int = 4) -> SyntheticFigure {
        var figure = SyntheticFigure()
        var t = 0.0
        while t < duration(reps: reps) {
            let p = phase(t, reps: reps)
            var frame = FigureFrame(time: t)
            let extent = (thigh + shank) * (1 - depth * p)
            for side in Side.allCases {
                let toOther: Double = side == .left ? -1 : 1
                let ankleX = 540 - toOther * hipHalfWidth
                placeLeg(&frame, side: side, ankleX: ankleX, extent: extent, fppa: fppa * p, medial: toOther)
            }
            placeTrunk(&frame, lean: 0, towards: -1)
            figure.frames.append(frame)
            t += 1 / figure.fps
        }
        return figure
    }

    /// A side-view bend: knee and hip flexion reach `knee` and `hip` degrees at the bottom. The far
    /// side is half hidden (confidence 0.3), as a pose estimator reports it.
    static func sideBend(knee: Double, hip: Double, reps: Int = 5) -> SyntheticFigure {
        var figure = SyntheticFigure()
        var t = 0.0
        while t < duration(reps: reps) {
            let p = phase(t, reps: reps)
            let kappa = knee * p * .pi / 180, eta = hip * p * .pi / 180
            let s = kappa / 2, theta = kappa / 2, tau = eta - theta
            let ankle = (x: 540.0, y: groundY)
            let kneePoint = (x: ankle.x + shank * sine(s), y: ankle.y - shank * cosine(s))
            let hipPoint = (x: kneePoint.x - thigh * sine(theta), y: kneePoint.y - thigh * cosine(theta))
            let shoulder = (x: hipPoint.x + trunk * sine(tau), y: hipPoint.y - trunk * cosine(tau))
            var frame = FigureFrame(time: t)
            for side in Side.allCases {
                let shift = side == .left ? 0.0 : 6.0
                let confidence = side == .left ? 0.95 : 0.3
                frame.points[.ankle(side)] = (ankle.x + shift, ankle.y)
                frame.points[.knee(side)] = (kneePoint.x + shift, kneePoint.y)
                frame.points[.hip(side)] = (hipPoint.x + shift, hipPoint.y)
                frame.points[.shoulder(side)] = (shoulder.x + shift, shoulder.y)
                for joint in [BodyJoint.ankle(side), .knee(side), .hip(side), .shoulder(side)] {
                    frame.confidence[joint] = confidence
                }
            }
            figure.frames.append(frame)
            t += 1 / figure.fps
        }
        return figure
    }

    /// A single-leg bridge filmed from the feet: the hips rise `rise` pixels and the free side's hip
    /// drops by `drop` degrees at the top.
    static func bridge(working: Side, drop: Double, rise: Double = 110, reps: Int = 4) -> SyntheticFigure {
        var figure = SyntheticFigure()
        var t = 0.0
        while t < duration(reps: reps) {
            let p = phase(t, reps: reps)
            var frame = FigureFrame(time: t)
            let toOther: Double = working == .left ? -1 : 1
            let workingHip = (x: 540 - toOther * hipHalfWidth, y: 1100 - rise * p)
            let angle = drop * p * .pi / 180
            let freeHip = (
                x: workingHip.x + toOther * 2 * hipHalfWidth * cosine(angle),
                y: workingHip.y + 2 * hipHalfWidth * sine(angle)
            )
            frame.points[.hip(working)] = workingHip
            frame.points[.hip(working.opposite)] = freeHip
            frame.points[.knee(working)] = (workingHip.x - toOther * 30, 950 - rise * p)
            frame.points[.ankle(working)] = (workingHip.x - toOther * 50, 1700)
            frame.points[.knee(working.opposite)] = (freeHip.x, freeHip.y - 250)
            frame.points[.ankle(working.opposite)] = (freeHip.x, freeHip.y - 500)
            for side in Side.allCases {
                let hip = frame.points[.hip(side)]!
                frame.points[.shoulder(side)] = (hip.x + (side == .left ? 1 : -1) * 110, 800.0)
            }
            figure.frames.append(frame)
            t += 1 / figure.fps
        }
        return figure
    }
}

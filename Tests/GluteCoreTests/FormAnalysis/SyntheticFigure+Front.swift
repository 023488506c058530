import GluteCore
import GluteTestRandom

extension SyntheticFigure {
    /// One front-view frame of a person facing the camera (their left on the image's right)
    /// standing on `stance`, the free foot `freeLift` pixels off the floor.
    static func frontFrame(
        time: Double, stance: Side, fppa: Double, drop: Double, lean: Double,
        compression: Double, freeLift: Double
    ) -> FigureFrame {
        var frame = FigureFrame(time: time)
        let toOther: Double = stance == .left ? -1 : 1
        let ankleX = 540 - toOther * hipHalfWidth
        let extent = (thigh + shank) * (1 - compression)
        placeLeg(&frame, side: stance, ankleX: ankleX, extent: extent, fppa: fppa, medial: toOther)
        let hip = frame.points[.hip(stance)]!
        let angle = drop * .pi / 180
        let freeHip = (x: hip.x + toOther * 2 * hipHalfWidth * cosine(angle), y: hip.y + 2 * hipHalfWidth * sine(angle))
        frame.points[.hip(stance.opposite)] = freeHip
        let freeAnkleY = min(groundY - freeLift, freeHip.y + thigh + shank)
        frame.points[.knee(stance.opposite)] = (freeHip.x, (freeHip.y + freeAnkleY) / 2)
        frame.points[.ankle(stance.opposite)] = (freeHip.x, freeAnkleY)
        placeTrunk(&frame, lean: lean, towards: -toOther)
        return frame
    }

    /// Places hip, knee and ankle of `side`: the ankle on the floor, the hip straight above it
    /// `extent` pixels up, the knee off that line towards `medial` so that thigh and shank meet at
    /// the given FPPA.
    static func placeLeg(
        _ frame: inout FigureFrame, side: Side, ankleX: Double, extent: Double, fppa: Double,
        medial: Double
    ) {
        let half = fppa / 2 * .pi / 180
        let segment = extent / (2 * cosine(half))
        frame.points[.ankle(side)] = (ankleX, groundY)
        frame.points[.hip(side)] = (ankleX, groundY - extent)
        frame.points[.knee(side)] = (ankleX + medial * segment * sine(half), groundY - extent / 2)
    }

    /// Places the shoulders above the mid-hip, leaning `lean` degrees towards image direction `towards`.
    static func placeTrunk(_ frame: inout FigureFrame, lean: Double, towards: Double) {
        let left = frame.points[.leftHip]!, right = frame.points[.rightHip]!
        let mid = (x: (left.x + right.x) / 2, y: (left.y + right.y) / 2)
        let angle = lean * .pi / 180
        let shoulder = (x: mid.x + towards * trunk * sine(angle), y: mid.y - trunk * cosine(angle))
        frame.points[.leftShoulder] = (shoulder.x + shoulderHalfWidth, shoulder.y)
        frame.points[.rightShoulder] = (shoulder.x - shoulderHalfWidth, shoulder.y)
    }

    /// Adds Gaussian-like noise of `sigma` pixels to every point.
    func withNoise(sigma: Double, seed: UInt64 = 7) -> SyntheticFigure {
        var random = SeededGenerator(seed: seed)
        var copy = self
        for index in copy.frames.indices {
            for joint in BodyJoint.allCases {
                guard let point = copy.frames[index].points[joint] else { continue }
                copy.frames[index].points[joint] = (point.x + random.normal(sigma), point.y + random.normal(sigma))
            }
        }
        return copy
    }

    /// Drops points: each point of each frame, with probability `share`, is moved somewhere wrong
    /// and given confidence 0.1, as an estimator does with a point it cannot see.
    func withDroppedPoints(share: Double, seed: UInt64 = 11) -> SyntheticFigure {
        var random = SeededGenerator(seed: seed)
        var copy = self
        for index in copy.frames.indices {
            for joint in BodyJoint.allCases where random.unit() < share {
                copy.frames[index].points[joint] = (random.unit() * width, random.unit() * height)
                copy.frames[index].confidence[joint] = 0.1
            }
        }
        return copy
    }

    /// The confidence of `joint` in `frame` (0.95 unless set).
    func confidence(_ joint: BodyJoint, in frame: FigureFrame) -> Double { frame.confidence[joint] ?? 0.95 }
}

/// Cosine and sine for the generator, from the library's own arctangent-free series (tests only).
func cosine(_ x: Double) -> Double { sine(x + .pi / 2) }

func sine(_ x: Double) -> Double {
    var angle = x.truncatingRemainder(dividingBy: 2 * .pi)
    if angle > .pi { angle -= 2 * .pi }
    if angle < -.pi { angle += 2 * .pi }
    var term = angle, sum = angle
    for n in 1..<14 {
        term *= -angle * angle / Double((2 * n) * (2 * n + 1))
        sum += term
    }
    return sum
}

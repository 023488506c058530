/// A recorded movement: the eight ``BodyJoint``s of every frame, in flat arrays.
///
/// Coordinates are in image units with y pointing down. Readers scale normalised coordinates by
/// the image size when the file gives it, so that one unit is the same length across and down
/// and angles come out right on images that are not square. Points are stored frame by frame
/// (`frame * BodyJoint.count + joint`), each with the confidence the estimator gave it; a point
/// the file did not have is stored with confidence 0.
///
/// ```swift
/// var sequence = LandmarkSequence(format: .coco17)
/// let frame = sequence.appendFrame(time: 0)
/// sequence.setPoint(.leftHip, frame: frame, x: 540, y: 900, confidence: 0.9)
/// ```
public struct LandmarkSequence: Sendable {
    /// The format the landmarks were read from.
    public var format: LandmarkFormat
    /// The camera view the file declares, if any.
    public var declaredView: CameraView?
    /// The image size in pixels, when known.
    public var imageWidth: Double?
    /// The image size in pixels, when known.
    public var imageHeight: Double?
    /// Whether coordinates are in square units (pixels, or normalised ones scaled by a known size).
    public var hasSquareUnits: Bool
    /// The time of each frame in seconds, strictly increasing.
    public private(set) var times: [Double] = []
    /// Horizontal coordinates, `frame * BodyJoint.count + joint`.
    public private(set) var xs: [Float] = []
    /// Vertical coordinates (down), same layout as ``xs``.
    public private(set) var ys: [Float] = []
    /// Confidences in 0...1, same layout as ``xs``.
    public private(set) var confidences: [Float] = []

    /// Creates an empty sequence.
    public init(
        format: LandmarkFormat, declaredView: CameraView? = nil,
        imageWidth: Double? = nil, imageHeight: Double? = nil, hasSquareUnits: Bool = true,
        reservingFrames capacity: Int = 0
    ) {
        self.format = format
        self.declaredView = declaredView
        self.imageWidth = imageWidth
        self.imageHeight = imageHeight
        self.hasSquareUnits = hasSquareUnits
        times.reserveCapacity(capacity)
        xs.reserveCapacity(capacity * BodyJoint.count)
        ys.reserveCapacity(capacity * BodyJoint.count)
        confidences.reserveCapacity(capacity * BodyJoint.count)
    }

    /// The number of frames.
    public var frameCount: Int { times.count }

    /// Appends a frame whose points are all missing (confidence 0) and returns its index.
    @discardableResult
    public mutating func appendFrame(time: Double) -> Int {
        times.append(time)
        for _ in 0..<BodyJoint.count {
            xs.append(0)
            ys.append(0)
            confidences.append(0)
        }
        return times.count - 1
    }

    /// Sets one point of frame `frame`.
    public mutating func setPoint(_ joint: BodyJoint, frame: Int, x: Float, y: Float, confidence: Float) {
        let index = frame * BodyJoint.count + joint.rawValue
        xs[index] = x
        ys[index] = y
        confidences[index] = confidence
    }

    /// The point of `joint` in `frame`.
    public func point(_ joint: BodyJoint, frame: Int) -> (x: Float, y: Float, confidence: Float) {
        let index = frame * BodyJoint.count + joint.rawValue
        return (xs[index], ys[index], confidences[index])
    }

    /// The median frame rate, from the frame times; `nil` with fewer than two frames.
    public var estimatedFrameRate: Double? {
        guard times.count >= 2 else { return nil }
        var gaps: [Double] = []
        let stride = max(1, times.count / 1000)
        var index = stride
        while index < times.count {
            gaps.append(times[index] - times[index - 1])
            index += stride
        }
        gaps.sort()
        let median = gaps[gaps.count / 2]
        return median > 0 ? 1 / median : nil
    }
}

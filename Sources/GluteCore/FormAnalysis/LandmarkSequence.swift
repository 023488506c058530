/// A recorded movement: the eight ``BodyJoint``s of every frame, in flat arrays.
///
/// Coordinates are in image units with y pointing down. Readers scale normalised coordinates by
/// the image size when the file gives it, so that one unit is the same length across and down
/// and angles come out right on images that are not square; without it they stay normalised
/// (``needsImageSize``), the analysis reports no angles, and ``setImageSize(width:height:)``
/// scales them later. Points are stored frame by frame
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

    /// Whether the coordinates are still normalised to the image without its size, so that angles
    /// cannot be measured until ``setImageSize(width:height:)`` is called.
    ///
    /// MediaPipe CSV always needs the size; MediaPipe and Apple Vision JSON need it when the file
    /// gives no `width` and `height`; COCO gives pixels and never needs it.
    public var needsImageSize: Bool { !hasSquareUnits }

    /// Gives normalised coordinates the size of the image they were found in: scales every x by
    /// `width` and every y by `height`, so that one unit is one pixel across and down.
    ///
    /// A sequence already in square units (pixels, or scaled by a size the file gave) is left as
    /// it is: compare ``imageWidth`` and ``imageHeight`` first when a size from elsewhere might
    /// disagree with the file's.
    ///
    /// ```swift
    /// var sequence = try LandmarkReader.read(csv)
    /// sequence.setImageSize(width: 1080, height: 1920)
    /// ```
    ///
    /// - Parameters:
    ///   - width: the image width in pixels (positive).
    ///   - height: the image height in pixels (positive).
    public mutating func setImageSize(width: Double, height: Double) {
        precondition(width > 0 && height > 0, "the image size must be positive")
        guard needsImageSize else { return }
        let scaleX = Float(width), scaleY = Float(height)
        for index in xs.indices {
            xs[index] *= scaleX
            ys[index] *= scaleY
        }
        imageWidth = width
        imageHeight = height
        hasSquareUnits = true
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

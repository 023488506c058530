internal import GluteJSON

/// Reads MediaPipe Pose JSON: 33 landmarks per frame, `x` and `y` normalised to the image.
enum MediaPipeJSONReader {
    /// The number of landmarks MediaPipe Pose gives per frame.
    static let landmarkCount = 33

    static func read(_ object: JSONObject, frames: LandmarkFrames?) throws(FieldError) -> LandmarkSequence {
        let header = try LandmarkHeader(object, frames: frames, pixelCoordinates: false)
        var sequence = header.makeSequence(.mediaPipeJSON, pixelCoordinates: false)
        let scaleX = Float(header.width ?? 1)
        let scaleY = Float(header.height ?? 1)
        var previous: Double?
        for index in 0..<header.frames.count {
            let value = try header.frames.frame(index)
            let frame = try JSONObjectReader(value, path: "frames[\(index)]", allowedKeys: ["t", "landmarks"])
            let time = try header.time(of: frame, index: index, previous: previous)
            previous = time
            let listValue = try frame.required("landmarks")
            guard case .array(let landmarks) = listValue else {
                throw FieldError(
                    field: frame.field("landmarks"),
                    message:
                        "must be an array, not \(listValue.typeDescription)")
            }
            guard landmarks.count == landmarkCount else {
                throw FieldError(
                    field: frame.field("landmarks"),
                    message:
                        "must hold \(landmarkCount) landmarks, not \(landmarks.count)")
            }
            let frameIndex = sequence.appendFrame(time: time)
            for (landmarkIndex, landmarkValue) in landmarks.enumerated() {
                let path = frame.field("landmarks") + "[\(landmarkIndex)]"
                let landmark = try JSONObjectReader(
                    landmarkValue, path: path,
                    allowedKeys: ["x", "y", "z", "visibility", "presence"])
                let x = try landmark.requiredNumber("x", in: -1...2)
                let y = try landmark.requiredNumber("y", in: -1...2)
                _ = try landmark.number("z", in: -1e6...1e6)
                let visibility = try landmark.number("visibility", in: 0...1) ?? 1
                let presence = try landmark.number("presence", in: 0...1) ?? 1
                guard let joint = BodyJoint.fromMediaPipe(landmarkIndex) else { continue }
                sequence.setPoint(
                    joint, frame: frameIndex, x: Float(x) * scaleX, y: Float(y) * scaleY,
                    confidence: Float(min(visibility, presence)))
            }
        }
        return sequence
    }
}

internal import GluteJSON

/// Reads COCO 17-keypoint JSON (OpenPose and MMPose style): per frame a flat `keypoints` array
/// `[x0, y0, c0, x1, y1, c1, ...]` in pixels.
enum COCOReader {
    /// The number of COCO keypoints.
    static let keypointCount = 17

    static func read(_ object: JSONObject, frames: LandmarkFrames?) throws(FieldError) -> LandmarkSequence {
        let header = try LandmarkHeader(object, frames: frames, pixelCoordinates: true)
        var sequence = header.makeSequence(.coco17, pixelCoordinates: true)
        let limit = 4 * max(header.width ?? 1, header.height ?? 1)
        var previous: Double?
        for index in 0..<header.frames.count {
            let value = try header.frames.frame(index)
            let frame = try JSONObjectReader(value, path: "frames[\(index)]", allowedKeys: ["t", "keypoints"])
            let time = try header.time(of: frame, index: index, previous: previous)
            previous = time
            let listValue = try frame.required("keypoints")
            let path = frame.field("keypoints")
            guard case .array(let numbers) = listValue else {
                throw FieldError(field: path, message: "must be an array, not \(listValue.typeDescription)")
            }
            guard numbers.count == 3 * keypointCount else {
                throw FieldError(
                    field: path,
                    message:
                        "must hold \(3 * keypointCount) numbers (x, y, confidence for 17 keypoints), not \(numbers.count)"
                )
            }
            let frameIndex = sequence.appendFrame(time: time)
            for keypoint in 0..<keypointCount {
                let x = try JSONObjectReader.number(
                    numbers[3 * keypoint], field: "\(path)[\(3 * keypoint)]",
                    in: -limit...limit)
                let y = try JSONObjectReader.number(
                    numbers[3 * keypoint + 1], field: "\(path)[\(3 * keypoint + 1)]",
                    in: -limit...limit)
                let confidence = try JSONObjectReader.number(
                    numbers[3 * keypoint + 2], field: "\(path)[\(3 * keypoint + 2)]", in: 0...1)
                guard let joint = BodyJoint.fromCOCO(keypoint) else { continue }
                sequence.setPoint(joint, frame: frameIndex, x: Float(x), y: Float(y), confidence: Float(confidence))
            }
        }
        return sequence
    }
}

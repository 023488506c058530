import GluteCore
import GluteJSON

/// Writes a synthetic figure in each input format of `landmarks-format.md`.
extension SyntheticFigure {
    /// MediaPipe Pose JSON; landmarks the analysis ignores sit at the image centre.
    func mediaPipeJSON(withTimes: Bool = true, view: CameraView? = nil) -> String {
        var frameValues: [JSONValue] = []
        for frame in frames {
            var landmarks = [JSONValue](repeating: .object(["x": 0.5, "y": 0.5, "z": 0, "visibility": 0.9]), count: 33)
            for joint in BodyJoint.allCases {
                guard let point = frame.points[joint] else { continue }
                landmarks[joint.mediaPipeIndex] = .object([
                    "x": .number(point.x / width), "y": .number(point.y / height), "z": -0.1,
                    "visibility": .number(confidence(joint, in: frame)),
                ])
            }
            var object: JSONObject = [:]
            if withTimes { object["t"] = .number(frame.time) }
            object["landmarks"] = .array(landmarks)
            frameValues.append(.object(object))
        }
        var document: JSONObject = [
            "format": "mediapipe-pose-33", "fps": .number(fps),
            "width": .number(width), "height": .number(height),
        ]
        if let view { document["view"] = .string(view.rawValue) }
        document["frames"] = .array(frameValues)
        return JSONValue.object(document).serialized(.compact)
    }

    /// MediaPipe Pose CSV (normalised; the format carries no image size).
    func mediaPipeCSV() -> String {
        var lines = [MediaPipeCSVReader.header]
        for (index, frame) in frames.enumerated() {
            for landmark in 0..<33 {
                var x = 0.5, y = 0.5, visibility = 0.9
                if let joint = BodyJoint.fromMediaPipe(landmark), let point = frame.points[joint] {
                    x = point.x / width
                    y = point.y / height
                    visibility = confidence(joint, in: frame)
                }
                lines.append("\(index),\(frame.time),\(landmark),\(x),\(y),0,\(visibility)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// COCO 17 keypoints in pixels, timed by fps only.
    func cocoJSON() -> String {
        var frameValues: [JSONValue] = []
        for frame in frames {
            var numbers = [JSONValue](repeating: 0, count: 51)
            for keypoint in 0..<17 {
                numbers[3 * keypoint] = .number(width / 2)
                numbers[3 * keypoint + 1] = .number(height / 3)
                numbers[3 * keypoint + 2] = 0.8
            }
            for joint in BodyJoint.allCases {
                guard let point = frame.points[joint] else { continue }
                numbers[3 * joint.cocoIndex] = .number(point.x)
                numbers[3 * joint.cocoIndex + 1] = .number(point.y)
                numbers[3 * joint.cocoIndex + 2] = .number(confidence(joint, in: frame))
            }
            frameValues.append(.object(["keypoints": .array(numbers)]))
        }
        let document: JSONObject = [
            "format": "coco-17", "fps": .number(fps), "width": .number(width),
            "height": .number(height), "frames": .array(frameValues),
        ]
        return JSONValue.object(document).serialized(.compact)
    }

    /// Apple Vision joints, normalised with the origin at the bottom left; `visionNames` picks
    /// Vision's raw names (`left_upLeg_joint`) over the format page's (`left_hip_joint`).
    func appleVisionJSON(visionNames: Bool = false) -> String {
        let names: [BodyJoint: String] =
            visionNames
            ? [
                .leftShoulder: "left_shoulder_1_joint", .rightShoulder: "right_shoulder_1_joint",
                .leftHip: "left_upLeg_joint", .rightHip: "right_upLeg_joint", .leftKnee: "left_leg_joint",
                .rightKnee: "right_leg_joint", .leftAnkle: "left_foot_joint", .rightAnkle: "right_foot_joint",
            ]
            : [
                .leftShoulder: "left_shoulder_joint", .rightShoulder: "right_shoulder_joint",
                .leftHip: "left_hip_joint", .rightHip: "right_hip_joint", .leftKnee: "left_knee_joint",
                .rightKnee: "right_knee_joint", .leftAnkle: "left_ankle_joint", .rightAnkle: "right_ankle_joint",
            ]
        var frameValues: [JSONValue] = []
        for frame in frames {
            var joints: JSONObject = ["head_joint": .object(["x": 0.5, "y": 0.9, "confidence": 0.9])]
            for joint in BodyJoint.allCases {
                guard let point = frame.points[joint], let name = names[joint] else { continue }
                joints[name] = .object([
                    "x": .number(point.x / width), "y": .number(1 - point.y / height),
                    "confidence": .number(confidence(joint, in: frame)),
                ])
            }
            frameValues.append(.object(["t": .number(frame.time), "joints": .object(joints)]))
        }
        let document: JSONObject = [
            "format": "apple-vision", "width": .number(width), "height": .number(height),
            "frames": .array(frameValues),
        ]
        return JSONValue.object(document).serialized(.compact)
    }

    /// The figure as a sequence directly, without going through a file.
    func sequence() -> LandmarkSequence {
        var sequence = LandmarkSequence(format: .coco17, imageWidth: width, imageHeight: height)
        for frame in frames {
            let index = sequence.appendFrame(time: frame.time)
            for joint in BodyJoint.allCases {
                guard let point = frame.points[joint] else { continue }
                sequence.setPoint(
                    joint, frame: index, x: Float(point.x), y: Float(point.y),
                    confidence: Float(confidence(joint, in: frame)))
            }
        }
        return sequence
    }
}

internal import GluteJSON

/// Reads Apple Vision body-pose JSON: per frame a `joints` object keyed by the joint names of
/// `VNHumanBodyPoseObservation`, normalised with the origin at the bottom left (y up).
///
/// Vision's own raw names (`left_upLeg_joint` for the hip, `left_leg_joint` for the knee,
/// `left_foot_joint` for the ankle, `left_shoulder_1_joint`) and the plain names of the format
/// page (`left_hip_joint`, `left_knee_joint`, `left_ankle_joint`, `left_shoulder_joint`) are both
/// read. Other Vision joints are accepted and ignored; an unknown name is an error.
enum AppleVisionReader {
    /// The joints the analysis uses, under every name they may carry.
    static let jointNames: [String: BodyJoint] = [
        "left_shoulder_1_joint": .leftShoulder, "left_shoulder_joint": .leftShoulder,
        "right_shoulder_1_joint": .rightShoulder, "right_shoulder_joint": .rightShoulder,
        "left_upLeg_joint": .leftHip, "left_hip_joint": .leftHip,
        "right_upLeg_joint": .rightHip, "right_hip_joint": .rightHip,
        "left_leg_joint": .leftKnee, "left_knee_joint": .leftKnee,
        "right_leg_joint": .rightKnee, "right_knee_joint": .rightKnee,
        "left_foot_joint": .leftAnkle, "left_ankle_joint": .leftAnkle,
        "right_foot_joint": .rightAnkle, "right_ankle_joint": .rightAnkle,
    ]

    /// Vision joints the analysis does not use.
    static let ignoredNames: Set<String> = [
        "head_joint", "neck_1_joint", "root", "left_eye_joint", "right_eye_joint", "left_ear_joint",
        "right_ear_joint", "left_forearm_joint", "right_forearm_joint", "left_hand_joint", "right_hand_joint",
        "nose_joint", "left_elbow_joint", "right_elbow_joint", "left_wrist_joint", "right_wrist_joint",
    ]

    static func read(_ object: JSONObject, frames: LandmarkFrames?) throws(FieldError) -> LandmarkSequence {
        let header = try LandmarkHeader(object, frames: frames, pixelCoordinates: false)
        var sequence = header.makeSequence(.appleVision, pixelCoordinates: false)
        let scaleX = Float(header.width ?? 1)
        let scaleY = Float(header.height ?? 1)
        var previous: Double?
        for index in 0..<header.frames.count {
            let value = try header.frames.frame(index)
            let frame = try JSONObjectReader(value, path: "frames[\(index)]", allowedKeys: ["t", "joints"])
            let time = try header.time(of: frame, index: index, previous: previous)
            previous = time
            let jointsValue = try frame.required("joints")
            guard case .object(let joints) = jointsValue else {
                throw FieldError(
                    field: frame.field("joints"),
                    message:
                        "must be an object, not \(jointsValue.typeDescription)")
            }
            let frameIndex = sequence.appendFrame(time: time)
            var given: [BodyJoint] = []
            for (name, jointValue) in joints.members {
                let path = frame.field("joints") + ".\(name)"
                let joint = jointNames[name]
                if joint == nil, !ignoredNames.contains(name) {
                    throw FieldError(field: path, message: "is not a Vision body-pose joint name")
                }
                let reader = try JSONObjectReader(jointValue, path: path, allowedKeys: ["x", "y", "confidence"])
                let x = try reader.requiredNumber("x", in: -1...2)
                let y = try reader.requiredNumber("y", in: -1...2)
                let confidence = try reader.requiredNumber("confidence", in: 0...1)
                guard let joint else { continue }
                if given.contains(joint) {
                    throw FieldError(field: path, message: "names a joint already given under another name")
                }
                given.append(joint)
                sequence.setPoint(
                    joint, frame: frameIndex, x: Float(x) * scaleX, y: Float(1 - y) * scaleY,
                    confidence: Float(confidence))
            }
        }
        return sequence
    }
}

import GluteCore
import Testing

@Suite struct FormAnalysisStreamTests {
    @Test func aLiveStreamGivesWhatTheWholeRecordingGives() throws {
        let figure = SyntheticFigure.singleLegSquat(stance: .right, fppa: 11, drop: 3, reps: 4).withNoise(sigma: 1.5)
        let sequence = figure.sequence()
        var stream = FormAnalysisStream(test: .singleLegSquat, view: .front, frameRate: figure.fps)
        for frame in 0..<sequence.frameCount {
            stream.push(time: sequence.times[frame], pose: BodyPose(sequence, frame: frame))
        }
        #expect(stream.repetitionsFound == 4)
        let live = stream.finish()
        let whole = FormAnalyzer(options: .init(test: .singleLegSquat, view: .front)).analyze(sequence)
        #expect(live.sides == whole.sides)
        #expect(live.framesUsed == sequence.frameCount)
        let right = try #require(live.sides.right)
        #expect(abs((right.summary.fppaDegrees?.mean ?? .nan) - 11) < 1)
    }

    @Test func framesMissingANeededPointAreCountedButNotUsed() {
        var stream = FormAnalysisStream(test: .hipHinge, view: .side, side: .right, frameRate: 30)
        var pose = BodyPose()
        for joint in [BodyJoint.rightShoulder, .rightHip, .rightKnee] { pose.set(joint, x: 1, y: 1, confidence: 0.9) }
        pose.set(.rightAnkle, x: 1, y: 1, confidence: 0.2)
        stream.push(time: 0, pose: pose)
        pose.set(.rightAnkle, x: 1, y: 1, confidence: 0.9)
        stream.push(time: 0.1, pose: pose)
        #expect(stream.frames == 2)
        #expect(stream.framesUsed == 1)
    }
}

import Foundation
import GluteCore
import GluteJSON
import Testing

@Suite struct FormAnalysisReaderTests {
    /// The field of the error reading `text` throws, or `nil` when it reads.
    func errorField(_ text: String) -> String? {
        do {
            _ = try LandmarkReader.read(text)
            return nil
        } catch {
            return error.field
        }
    }

    /// A small valid MediaPipe document with `frameCount` frames; `edit` changes its text.
    func mediaPipe(frames frameCount: Int = 3) -> String {
        var figure = SyntheticFigure.singleLegSquat(stance: .left, fppa: 5, reps: 1)
        figure.frames = Array(figure.frames.prefix(frameCount))
        return figure.mediaPipeJSON()
    }

    @Test func documentLevelErrorsNameTheField() {
        #expect(errorField("{\"format\": ") == FieldError.documentField)
        #expect(errorField("{\"frames\": []}") == "format")
        #expect(errorField("{\"format\": \"openpose-25\", \"frames\": []}") == "format")
        #expect(errorField("{\"format\": \"coco-17\", \"height\": 10, \"frames\": []}") == "width")
        #expect(errorField("{\"format\": \"apple-vision\", \"fps\": 30, \"frames\": []}") == "frames")
        #expect(errorField("{\"format\": \"apple-vision\", \"fps\": 30, \"camera\": 1, \"frames\": []}") == "camera")
        #expect(errorField("{\"format\": \"apple-vision\", \"view\": \"top\", \"frames\": []}") == "view")
    }

    @Test func mediaPipeErrorsNameFrameAndLandmark() {
        let text = mediaPipe()
        #expect(errorField(text) == nil)
        var broken = JSONValueEditor(text)
        broken.set(["frames", 1, "landmarks", 25, "x"], to: "left")
        #expect(errorField(broken.text) == "frames[1].landmarks[25].x")
        broken = JSONValueEditor(text)
        broken.set(["frames", 2, "landmarks", 3, "visibility"], to: 1.5)
        #expect(errorField(broken.text) == "frames[2].landmarks[3].visibility")
        broken = JSONValueEditor(text)
        broken.removeLast(["frames", 0, "landmarks"])
        #expect(errorField(broken.text) == "frames[0].landmarks")
        broken = JSONValueEditor(text)
        broken.set(["frames", 2, "t"], to: 0)
        #expect(errorField(broken.text) == "frames[2].t")
        broken = JSONValueEditor(text)
        broken.set(["frames", 1, "score"], to: 1)
        #expect(errorField(broken.text) == "frames[1].score")
    }

    @Test func framesNeedATimeOrAFrameRate() {
        var figure = SyntheticFigure.singleLegSquat(stance: .left, fppa: 5, reps: 1)
        figure.frames = Array(figure.frames.prefix(2))
        var editor = JSONValueEditor(figure.mediaPipeJSON(withTimes: false))
        #expect(errorField(editor.text) == nil)
        editor.remove(["fps"])
        #expect(errorField(editor.text) == "frames[0].t")
    }

    @Test func cocoErrorsNameTheKeypointNumber() {
        var figure = SyntheticFigure.singleLegSquat(stance: .left, fppa: 5, reps: 1)
        figure.frames = Array(figure.frames.prefix(2))
        let text = figure.cocoJSON()
        #expect(errorField(text) == nil)
        var broken = JSONValueEditor(text)
        broken.set(["frames", 1, "keypoints", 38], to: "high")
        #expect(errorField(broken.text) == "frames[1].keypoints[38]")
        broken = JSONValueEditor(text)
        broken.removeLast(["frames", 0, "keypoints"])
        #expect(errorField(broken.text) == "frames[0].keypoints")
    }

    @Test func visionErrorsNameTheJoint() {
        var figure = SyntheticFigure.singleLegSquat(stance: .left, fppa: 5, reps: 1)
        figure.frames = Array(figure.frames.prefix(2))
        let text = figure.appleVisionJSON()
        #expect(errorField(text) == nil)
        var broken = JSONValueEditor(text)
        broken.set(["frames", 1, "joints", "left_hipp_joint"], to: .object(["x": 0, "y": 0, "confidence": 1]))
        #expect(errorField(broken.text) == "frames[1].joints.left_hipp_joint")
        broken = JSONValueEditor(text)
        broken.remove(["frames", 0, "joints", "left_knee_joint", "confidence"])
        #expect(errorField(broken.text) == "frames[0].joints.left_knee_joint.confidence")
        broken = JSONValueEditor(text)
        broken.set(["frames", 0, "joints", "left_upLeg_joint"], to: .object(["x": 0, "y": 0, "confidence": 1]))
        #expect(errorField(broken.text) == "frames[0].joints.left_upLeg_joint")
    }

    @Test func visionCoordinatesAreFlippedAndScaled() throws {
        let text = """
            {"format": "apple-vision", "fps": 30, "width": 1000, "height": 2000, "frames": [
              {"joints": {"left_hip_joint": {"x": 0.25, "y": 0.75, "confidence": 0.8}}}]}
            """
        let sequence = try LandmarkReader.read(text)
        let hip = sequence.point(.leftHip, frame: 0)
        #expect(hip.x == 250 && hip.y == 500 && hip.confidence == Float(0.8))
        #expect(sequence.point(.leftKnee, frame: 0).confidence == 0)
    }

    @Test func csvErrorsNameFrameLandmarkAndLine() {
        let good = "frame,t,landmark,x,y,z,visibility\n0,0.0,25,0.5,0.5,0,0.9\n1,0.033,25,0.5,0.5,0,0.9\n"
        #expect(errorField(good) == nil)
        #expect(errorField("frame,time,landmark\n0,0,0\n") == "(header)")
        #expect(
            errorField("frame,t,landmark,x,y,z,visibility\n0,0.0,25,abc,0.5,0,0.9\n")
                == "frames[0].landmarks[25].x")
        #expect(errorField("frame,t,landmark,x,y,z,visibility\n0,0.0,33,0.5,0.5,0,0.9\n") == "frames[0].landmark")
        #expect(
            errorField("frame,t,landmark,x,y,z,visibility\n1,0.1,0,0.5,0.5,0,0.9\n0,0.0,0,0.5,0.5,0,0.9\n")
                == "frames[0]")
        #expect(
            errorField("frame,t,landmark,x,y,z,visibility\n0,0.0,0,0.5,0.5,0,0.9\n0,0.1,1,0.5,0.5,0,0.9\n")
                == "frames[0].t")
        #expect(errorField("frame,t,landmark,x,y,z,visibility\n0,0.0,0,0.5,0.5,0\n") == "line 2")
        do {
            _ = try LandmarkReader.read("frame,t,landmark,x,y,z,visibility\n0,0.0,4,0.5,0.5,0,7\n")
            Issue.record("a visibility of 7 was accepted")
        } catch {
            #expect(error.field == "frames[0].landmarks[4].visibility")
            #expect(error.message.contains("line 2"))
        }
    }

    @Test func scannedAndParsedDocumentsReadAlike() throws {
        let figure = SyntheticFigure.singleLegSquat(stance: .left, fppa: 9, reps: 1).withNoise(sigma: 1)
        for text in [figure.mediaPipeJSON(), figure.cocoJSON(), figure.appleVisionJSON()] {
            let scanned = try LandmarkReader.read(text)
            let parsed = try LandmarkReader.read(try JSONValue.parse(text))
            #expect(scanned.times == parsed.times)
            #expect(scanned.xs == parsed.xs && scanned.ys == parsed.ys && scanned.confidences == parsed.confidences)
        }
    }

    @Test func syntaxErrorsInsideAFrameAreReportedWhereTheyAre() throws {
        var figure = SyntheticFigure.singleLegSquat(stance: .left, fppa: 9, reps: 1)
        figure.frames = Array(figure.frames.prefix(3))
        var text = try JSONValue.parse(figure.cocoJSON()).serialized(.pretty)
        let marker = try #require(text.range(of: "\"keypoints\": [", options: .backwards))
        text.insert(contentsOf: "1,,", at: marker.upperBound)
        var expected = ""
        do { _ = try JSONValue.parse(text) } catch { expected = error.description }
        do {
            _ = try LandmarkReader.read(text)
            Issue.record("a broken frame was read")
        } catch {
            #expect(error.field == FieldError.documentField)
            #expect(error.message == expected)
            #expect(!expected.contains("line 1,"))
        }
    }
}

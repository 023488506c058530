import Foundation
import GluteCLI
import GluteCore
import GluteJSON
import Synchronization
import Testing

/// Collects what a command writes.
final class CapturedOutput: Sendable {
    let output = Mutex("")
    let error = Mutex("")

    func io(terminal: Bool = false) -> CommandIO {
        CommandIO.test(
            write: { text in self.output.withLock { $0 += text } },
            error: { text in self.error.withLock { $0 += text } },
            outputIsTerminal: terminal, now: { Date(timeIntervalSince1970: 0) })
    }

    var stdout: String { output.withLock { $0 } }
    var stderr: String { error.withLock { $0 } }
}

@Suite struct FormAnalysisCommandTests {
    /// A front-view single-leg squat on the left leg, three reps, knee valgus reaching `fppa`, the
    /// leg `depth` shorter at the bottom (0: standing still): MediaPipe's 33 landmarks of each
    /// frame in pixels of a 1080 x 1920 (portrait) video.
    static func singleLegSquatFrames(fppa: Double, depth: Double) -> [(t: Double, points: [(x: Double, y: Double)])] {
        var frames: [(t: Double, points: [(x: Double, y: Double)])] = []
        for index in 0..<270 {
            let t = Double(index) / 30
            let cycle = (t - 1).truncatingRemainder(dividingBy: 2.5)
            let p = t < 1 || t > 8.5 || cycle > 2 ? 0 : (1 - cos(Double.pi * cycle)) / 2
            let half = fppa * p / 2 * Double.pi / 180
            let extent = 840 * (1 - depth * p)
            let hipY = 1840 - extent
            var points = [(x: Double, y: Double)](repeating: (540, 900), count: 33)
            points[27] = (630, 1840)  // left ankle, person facing the camera
            points[23] = (630, hipY)  // left hip
            points[25] = (630 - extent / 2 * tan(half), 1840 - extent / 2)  // left knee, towards the midline
            points[24] = (450, hipY)  // right hip
            points[26] = (450, hipY + 280)
            points[28] = (450, hipY + 560)  // right foot off the floor
            points[11] = (740, hipY - 550)
            points[12] = (340, hipY - 550)
            frames.append((t, points))
        }
        return frames
    }

    /// A left-leg bridge filmed from the feet, four reps, in MediaPipe's landmarks on a 1080 x 1920
    /// image: the hips rise 110 pixels and stay level.
    static func bridgeFrames() -> [(t: Double, points: [(x: Double, y: Double)])] {
        var frames: [(t: Double, points: [(x: Double, y: Double)])] = []
        for index in 0..<330 {
            let t = Double(index) / 30
            let cycle = (t - 1).truncatingRemainder(dividingBy: 2.5)
            let p = t < 1 || t > 11 || cycle > 2 ? 0 : (1 - cos(Double.pi * cycle)) / 2
            let hipY = 1100 - 110 * p
            var points = [(x: Double, y: Double)](repeating: (540, 900), count: 33)
            points[23] = (630, hipY)  // left (working) hip
            points[24] = (450, hipY)
            points[25] = (660, 950 - 110 * p)  // left knee, foot on the floor
            points[27] = (680, 1700)
            points[26] = (450, hipY - 250)  // right leg held up
            points[28] = (450, hipY - 500)
            points[11] = (740, 800)
            points[12] = (340, 800)
            frames.append((t, points))
        }
        return frames
    }

    /// The squat as MediaPipe JSON with the image size; every point has `visibility`.
    static func singleLegSquat(fppa: Double, depth: Double = 0.2, visibility: Double = 0.99) -> String {
        mediaPipeJSON(singleLegSquatFrames(fppa: fppa, depth: depth), visibility: visibility)
    }

    /// Frames of 1080 x 1920 pixels as MediaPipe JSON with the image size.
    static func mediaPipeJSON(
        _ frames: [(t: Double, points: [(x: Double, y: Double)])], visibility: Double = 0.99
    ) -> String {
        let frames = frames.map { frame -> JSONValue in
            let landmarks = frame.points.map { point -> JSONValue in
                .object([
                    "x": .number(point.x / 1080), "y": .number(point.y / 1920), "z": 0,
                    "visibility": .number(visibility),
                ])
            }
            return .object(["t": .number(frame.t), "landmarks": .array(landmarks)])
        }
        let document: JSONObject = [
            "format": "mediapipe-pose-33", "fps": 30, "width": 1080, "height": 1920,
            "view": "front", "frames": .array(frames),
        ]
        return JSONValue.object(document).serialized(.compact)
    }

    /// The squat as MediaPipe CSV: normalised, and without the image size.
    static func singleLegSquatCSV(fppa: Double) -> String {
        var lines = ["frame,t,landmark,x,y,z,visibility"]
        for (index, frame) in singleLegSquatFrames(fppa: fppa, depth: 0.2).enumerated() {
            for (landmark, point) in frame.points.enumerated() {
                lines.append("\(index),\(frame.t),\(landmark),\(point.x / 1080),\(point.y / 1920),0,0.99")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("glute-analyze-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func analyzeWritesTheSpecifiedJSON() async throws {
        let path = try write(Self.singleLegSquat(fppa: 16))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let captured = CapturedOutput()
        let status = await CommandRunner.run(
            ["analyze", path, "--test", "single-leg-squat", "--json"],
            io: captured.io())
        #expect(status == 0)
        let value = try JSONValue.parse(captured.stdout)
        let root = try #require(value.objectValue)
        #expect(root.keys == ["version", "test", "view", "frames", "framesUsed", "sides", "warnings"])
        #expect(root["test"] == "single-leg-squat")
        #expect(root["frames"] == 270)
        let left = try #require(root["sides"]?.objectValue?["left"]?.objectValue)
        let reps = try #require(left["reps"]?.arrayValue)
        #expect(reps.count == 3)
        let rep = try #require(reps.first?.objectValue)
        #expect(
            rep.keys == [
                "start", "bottom", "end", "fppaDegrees", "pelvicDropDegrees", "trunkLeanDegrees",
                "hipFlexionDegrees", "kneeFlexionDegrees", "hipKneeRatio", "depth",
            ])
        #expect(abs((rep["fppaDegrees"]?.numberValue ?? 0) - 16) < 1)
        let summary = try #require(left["summary"]?.objectValue)
        #expect(
            summary.keys == [
                "reps", "fppaDegrees", "pelvicDropDegrees", "kneeValgus", "hipDrop",
                "interpretation",
            ])
        #expect(summary["kneeValgus"] == "marked")
        #expect(summary["hipDrop"] == false)
        #expect(captured.stderr.isEmpty)
    }

    @Test func analyzeWritesReadableText() async throws {
        let path = try write(Self.singleLegSquat(fppa: 4))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let captured = CapturedOutput()
        let status = await CommandRunner.run(["analyze", path, "--side", "left"], io: captured.io())
        #expect(status == 0)
        #expect(captured.stdout.contains("Single-leg squat (recognised), front view"))
        #expect(captured.stdout.contains("Left leg (standing leg): 3 reps"))
        #expect(captured.stdout.contains("knee caves in: none"))
        #expect(captured.stdout.contains("Herrington 2014"))
    }

    @Test func everyColumnOfTheTableGivesItsUnit() throws {
        let squat = try GluteBinary.temporaryFile(Self.singleLegSquat(fppa: 10), name: "squat.json")
        let still = try GluteBinary.temporaryFile(Self.singleLegSquat(fppa: 0, depth: 0), name: "stance.json")
        let bridge = try GluteBinary.temporaryFile(Self.mediaPipeJSON(Self.bridgeFrames()), name: "bridge.json")
        /// The cells of a table line: text between runs of two or more spaces.
        func cells(_ line: Substring) -> [String] {
            line.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let times = [("start", "(s)"), ("bottom", "(s)"), ("end", "(s)")]
        for (file, test, columns) in [
            (
                squat, "single-leg-squat",
                [
                    ("FPPA", "(°)"), ("pelvic drop", "(°)"), ("trunk lean", "(°)"), ("depth", "(x leg length)"),
                    ("down/up", "(s)"),
                ]
            ),
            (still, "single-leg-stance", [("pelvic drop", "(°)"), ("trunk lean", "(°)"), ("hold", "(s)")]),
            (bridge, "single-leg-bridge", [("pelvic drop", "(°)"), ("rise", "(x hip width)"), ("down/up", "(s)")]),
        ] {
            let result = try GluteBinary.run(["analyze", file, "--test", test])
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n")
            let header = try #require(lines.firstIndex { $0.hasPrefix("  #") })
            #expect(cells(lines[header]) == ["#"] + (times + columns).map(\.0), "\(result.stdout)")
            #expect(cells(lines[header + 1]) == (times + columns).map(\.1), "\(result.stdout)")
            #expect(lines[header + 2].hasPrefix("  1 ") && !lines[header + 2].contains("°"))
            #expect(lines[header...(header + 2)].allSatisfy { $0.count <= 80 })
        }
    }

    @Test func aBadFileExits65NamingTheField() async throws {
        let text = Self.singleLegSquat(fppa: 4).replacingOccurrences(
            of: "\"visibility\":0.99}]}",
            with: "\"visibility\":\"high\"}]}")
        let path = try write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let captured = CapturedOutput()
        let status = await CommandRunner.run(["analyze", path, "--json"], io: captured.io())
        #expect(status == 65)
        #expect(captured.stderr.hasPrefix("Error: frames[0].landmarks[32].visibility: must be a number"))
        let error = try #require(try JSONValue.parse(captured.stdout).objectValue?["error"]?.objectValue)
        #expect(error["field"] == "frames[0].landmarks[32].visibility")
        #expect(error["message"]?.stringValue?.hasPrefix("must be a number") == true)
    }

    @Test func aWrongOptionIsAUsageError() async {
        let captured = CapturedOutput()
        let status = await CommandRunner.run(["analyze", "x.json", "--test", "plank"], io: captured.io())
        #expect(status == 64)
        #expect(captured.stderr.contains("Invalid value 'plank' for '--test <name>'"))
    }
}

/// An analysed recording fills the matching self-test of the stored assessment.
@Suite struct FormAnalysisSaveTests {
    /// A database holding one assessment, as the environment that names it.
    func assessedDatabase() throws -> [String: String] {
        let environment = ["GLUTE_DATABASE": try GluteBinary.temporaryFile("", name: "analyze.sqlite")]
        let desk = GluteBinary.fixtures.appendingPathComponent("cases/desk-worker-left-amnesia.json").path
        #expect(try GluteBinary.run(["assess", "--input", desk], environment: environment).status == 0)
        return environment
    }

    /// Every file in the database's folder with its bytes, to show that nothing was written.
    func databaseFiles(_ environment: [String: String]) throws -> [String: Data] {
        let folder = URL(fileURLWithPath: try #require(environment["GLUTE_DATABASE"])).deletingLastPathComponent()
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test func aRecordingWithoutRepetitionsIsNotSaved() throws {
        let environment = try assessedDatabase()
        let before = try databaseFiles(environment)
        let file = try GluteBinary.temporaryFile(
            FormAnalysisCommandTests.singleLegSquat(fppa: 24, depth: 0), name: "still.json")
        let result = try GluteBinary.run(
            ["analyze", file, "--test", "single-leg-squat", "--save"], environment: environment)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: no repetition was found in the recording, so nothing was saved"))
        #expect(result.stdout.isEmpty)
        #expect(try databaseFiles(environment) == before)
    }

    @Test func aRecordingWithNoUsableFrameIsNotSaved() throws {
        let environment = try assessedDatabase()
        let before = try databaseFiles(environment)
        let file = try GluteBinary.temporaryFile(
            FormAnalysisCommandTests.singleLegSquat(fppa: 24, visibility: 0.2), name: "dark.json")
        let result = try GluteBinary.run(
            ["analyze", file, "--test", "single-leg-squat", "--save"], environment: environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("(0 of 270 frames used), so nothing was saved"))
        #expect(result.stdout.isEmpty)
        #expect(try databaseFiles(environment) == before)
    }

    @Test func aRecordingWithoutTheImageSizeIsNotSaved() throws {
        let environment = try assessedDatabase()
        let before = try databaseFiles(environment)
        let file = try GluteBinary.temporaryFile(
            FormAnalysisCommandTests.singleLegSquatCSV(fppa: 24), name: "squat.csv")
        let refused = try GluteBinary.run(
            ["analyze", file, "--test", "single-leg-squat", "--save"], environment: environment)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the image size is unknown, so nothing was saved; give the video's size"))
        #expect(try databaseFiles(environment) == before)
        let saved = try GluteBinary.run(
            ["analyze", file, "--test", "single-leg-squat", "--size", "1080x1920", "--save"],
            environment: environment)
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(saved.stdout.contains("Saved as a retest of single-leg-squat."))
    }

    @Test func aRefusedSaveCreatesNoDatabase() throws {
        let database = try GluteBinary.temporaryFile("", name: "never.sqlite")
        let file = try GluteBinary.temporaryFile(
            FormAnalysisCommandTests.singleLegSquat(fppa: 24, depth: 0), name: "still.json")
        let result = try GluteBinary.run(
            ["analyze", file, "--test", "single-leg-squat", "--save"], environment: ["GLUTE_DATABASE": database])
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test func aMarkedValgusRecordingBecomesARetestAndChangesThePlan() throws {
        let environment = ["GLUTE_DATABASE": try GluteBinary.temporaryFile("", name: "analyze.sqlite")]
        let desk = GluteBinary.fixtures.appendingPathComponent("cases/desk-worker-left-amnesia.json").path
        #expect(try GluteBinary.run(["assess", "--input", desk], environment: environment).status == 0)
        let file = try GluteBinary.temporaryFile(FormAnalysisCommandTests.singleLegSquat(fppa: 24), name: "squat.json")
        let result = try GluteBinary.run(
            ["analyze", file, "--test", "single-leg-squat", "--save"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Saved as a retest of single-leg-squat."))
        #expect(result.stdout.contains("Your plan changed: version 2."))
        let history = try GluteBinary.run(["plan", "--history"], environment: environment)
        #expect(history.stdout.contains("found medius-weakness"))
    }

    @Test func aHingeRecordingAnswersNoSelfTest() throws {
        let environment = ["GLUTE_DATABASE": try GluteBinary.temporaryFile("", name: "analyze.sqlite")]
        let desk = GluteBinary.fixtures.appendingPathComponent("cases/desk-worker-left-amnesia.json").path
        #expect(try GluteBinary.run(["assess", "--input", desk], environment: environment).status == 0)
        let file = try GluteBinary.temporaryFile(FormAnalysisCommandTests.singleLegSquat(fppa: 24), name: "squat.json")
        let result = try GluteBinary.run(["analyze", file, "--test", "hip-hinge", "--save"], environment: environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("nothing was saved"))
    }
}

/// `--size` gives coordinates that are fractions of the image their aspect; without it, angles
/// are `null` and a warning says how to give it.
@Suite struct FormAnalysisSizeTests {
    /// The first repetition and the summary of the left leg in `analyze --json` output.
    func leftSide(_ stdout: String) throws -> (rep: JSONObject, summary: JSONObject, warnings: [String]) {
        let root = try #require(try JSONValue.parse(stdout).objectValue)
        let left = try #require(root["sides"]?.objectValue?["left"]?.objectValue)
        let reps = try #require(left["reps"]?.arrayValue)
        #expect(reps.count == 3)
        return (
            try #require(reps.first?.objectValue), try #require(left["summary"]?.objectValue),
            root["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        )
    }

    @Test func aPortraitCSVGivesTheRightAngleWithSizeAndNullWithout() throws {
        let file = try GluteBinary.temporaryFile(
            FormAnalysisCommandTests.singleLegSquatCSV(fppa: 15), name: "squat.csv")
        let sized = try GluteBinary.run(
            ["analyze", file, "--test", "single-leg-squat", "--size", "1080x1920", "--json"])
        #expect(sized.status == 0, "\(sized.stderr)")
        let withSize = try leftSide(sized.stdout)
        #expect(abs((withSize.rep["fppaDegrees"]?.numberValue ?? .nan) - 15) < 1)
        #expect(withSize.summary["kneeValgus"] == "marked")
        #expect(!withSize.warnings.contains { $0.contains("--size") })

        let unsized = try GluteBinary.run(["analyze", file, "--test", "single-leg-squat", "--json"])
        #expect(unsized.status == 0, "\(unsized.stderr)")
        let without = try leftSide(unsized.stdout)
        for key in ["fppaDegrees", "pelvicDropDegrees", "trunkLeanDegrees"] { #expect(without.rep[key] == .null) }
        #expect(abs((without.rep["depth"]?.numberValue ?? .nan) - 0.2) < 0.02)
        #expect(without.rep["bottom"] == withSize.rep["bottom"] && without.rep["end"] == withSize.rep["end"])
        #expect(without.summary["fppaDegrees"] == .null && without.summary["kneeValgus"] == .null)
        #expect(without.warnings.contains { $0.contains("give it in pixels with --size WIDTHxHEIGHT") })
    }

    @Test func withoutTheSizeTheTableSaysNotAvailable() throws {
        let file = try GluteBinary.temporaryFile(
            FormAnalysisCommandTests.singleLegSquatCSV(fppa: 15), name: "squat.csv")
        let result = try GluteBinary.run(["analyze", file, "--test", "single-leg-squat"])
        #expect(result.status == 0)
        let row = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("  1 ") })
        #expect(row.split(separator: " ").filter { $0 == "n/a" }.count == 3)
        let unwrapped = result.stdout.replacingOccurrences(of: "\n    ", with: " ")
        #expect(unwrapped.contains("--size WIDTHxHEIGHT, e.g. --size 1080x1920"))
    }

    @Test(arguments: ["1080", "1080x", "x1920", "0x1920", "1080x1920x3", "-1080x1920", "1080.5x1920", "wide"])
    func aMalformedSizeIsAUsageError(size: String) throws {
        let file = try GluteBinary.temporaryFile(
            FormAnalysisCommandTests.singleLegSquatCSV(fppa: 15), name: "squat.csv")
        let result = try GluteBinary.run(["analyze", file, "--size", size])
        #expect(result.status == 64)
        #expect(
            result.stderr.hasPrefix(
                "Error: Invalid value '\(size)' for '--size <WIDTHxHEIGHT>': expected WIDTHxHEIGHT in pixels"))
        #expect(result.stdout.isEmpty)
    }

    @Test func aSizeMustAgreeWithTheFilesOwn() throws {
        let file = try GluteBinary.temporaryFile(FormAnalysisCommandTests.singleLegSquat(fppa: 15), name: "squat.json")
        let wrong = try GluteBinary.run(["analyze", file, "--size", "1920x1080", "--json"])
        #expect(wrong.status == 64)
        #expect(
            wrong.stderr.hasPrefix(
                "Error: --size 1920x1080 disagrees with the file's own width and height (1080x1920)"))
        #expect(wrong.stdout.isEmpty)
        let same = try GluteBinary.run(["analyze", file, "--size", "1080X1920", "--json"])
        #expect(same.status == 0)
        #expect(abs((try leftSide(same.stdout).rep["fppaDegrees"]?.numberValue ?? .nan) - 15) < 1)
    }
}

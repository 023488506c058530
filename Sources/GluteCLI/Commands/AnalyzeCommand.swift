import Foundation
import GluteCore
internal import GluteJSON

/// `glute analyze FILE`: measures a recorded test from a landmark file.
struct AnalyzeCommand: ParsableCommand {
    static let test = Option<FormTest>(
        "test", value: "name",
        help: "The test recorded: " + FormTest.allCases.map(\.rawValue).joined(separator: ", ")
            + " (default: recognised).",
        expecting: "one of " + FormTest.allCases.map(\.rawValue).joined(separator: ", "),
        parse: FormTest.init(rawValue:))
    static let side = Option<Side>(
        "side", value: "side", help: "Only this side: left or right (the standing or working leg).",
        expecting: "left or right", parse: Side.init(rawValue:))
    static let view = Option<CameraView>(
        "view", value: "view", help: "The camera view, front or side (default: from the file, else judged).",
        expecting: "front or side", parse: CameraView.init(rawValue:))
    static let size = Option<ImageSize>(
        "size", value: "WIDTHxHEIGHT",
        help: "The video's size in pixels, such as 1080x1920, for coordinates given as fractions of it "
            + "(MediaPipe CSV, or JSON without width and height).",
        expecting: ImageSize.expected, parse: ImageSize.init)
    static let save = Flag(
        "save", help: "Keep the answers as a retest of the matching self-test; the plan follows when findings change.")

    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Measure a recorded test (knee FPPA, pelvic drop, hinge or squat) from body landmarks.",
        discussion: """
            FILE holds the landmarks a pose estimator found in the video: MediaPipe Pose
            (JSON or CSV), COCO 17 keypoints (JSON) or Apple Vision joints (JSON);
            scripts/video-to-landmarks.py makes one from a video. Film single-leg tests
            from the front and the hinge from the side. Angles need the video's size:
            MediaPipe CSV cannot carry it, so give --size (such as --size 1080x1920);
            without it, angles are not reported. See docs/form-analysis.md.
            """,
        arguments: [ArgumentDefinition("file", help: "The landmark file.")],
        options: [
            test.definition, side.definition, view.definition, size.definition, save.definition,
            CommonOptions.database.definition, CommonOptions.json.definition,
        ]
    )

    let path: String
    let options: FormAnalyzer.Options
    let size: ImageSize?
    let json: Bool
    let save: Bool
    let database: String?

    init(parsed: ParsedArguments) throws(CLIError) {
        path = parsed.positional(0) ?? ""
        save = parsed.isSet(Self.save)
        database = try parsed.value(CommonOptions.database)
        options = FormAnalyzer.Options(
            test: try parsed.value(Self.test), side: try parsed.value(Self.side), view: try parsed.value(Self.view))
        size = try parsed.value(Self.size)
        json = parsed.isSet(CommonOptions.json)
    }

    func run(_ io: CommandIO) async throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError.failure("cannot read '\(path)': \(error.localizedDescription)")
        }
        let progress = ProgressBar(io: io, enabled: io.outputIsTerminal && data.count > ProgressBar.minimumBytes)
        progress.update(0)
        var sequence: LandmarkSequence
        do {
            sequence = try LandmarkFileLoader.load(data, progress: { progress.update(0.5 * $0) })
        } catch {
            progress.clear()
            if json {
                let body: JSONValue = .object([
                    "error": .object([
                        "field": .string(error.field), "message": .string(error.message),
                    ])
                ])
                io.writeOutput(body.serialized(.pretty))
            }
            throw CLIError.data(field: error.field, error.message)
        }
        if let size {
            do {
                try size.apply(to: &sequence)
            } catch {
                progress.clear()
                throw error
            }
        }
        let analysis = FormAnalyzer(options: options).analyze(sequence, progress: { progress.update(0.5 + 0.5 * $0) })
        progress.clear()
        var saved: String?
        if save {
            if let refusal = AnalysisSaveCheck.refusal(analysis) { throw refusal }
            saved = try await AnalysisRetest.save(analysis.answers, database: database, io: io)
        }
        if json {
            io.writeOutput(analysis.jsonValue.serialized(.pretty))
        } else {
            io.writeOutput(AnalysisReport(analysis).text)
            if let saved { io.print(saved) }
        }
    }
}

import GluteCore
import GluteJSON
import Testing

/// Normalised coordinates without the image size: angles are withheld, never guessed as if the
/// image were square; the size, once given, brings them back right.
@Suite struct FormAnalysisImageSizeTests {
    /// A 1080 x 1920 (portrait) single-leg squat reaching 15° of FPPA.
    static let portrait = SyntheticFigure.singleLegSquat(stance: .left, fppa: 15, drop: 4, lean: 5, reps: 3)

    func analyse(_ sequence: LandmarkSequence, _ test: FormTest = .singleLegSquat) -> FormAnalysis {
        FormAnalyzer(options: .init(test: test)).analyze(sequence)
    }

    @Test func aPortraitCSVGivesNoAnglesWithoutItsSize() throws {
        #expect(Self.portrait.width == 1080 && Self.portrait.height == 1920)
        let sequence = try LandmarkReader.read(Self.portrait.mediaPipeCSV())
        #expect(sequence.needsImageSize)
        let analysis = analyse(sequence)
        let left = try #require(analysis.sides.left)
        #expect(left.reps.count == 3)
        for rep in left.reps {
            #expect(rep.fppaDegrees == nil && rep.pelvicDropDegrees == nil && rep.trunkLeanDegrees == nil)
            #expect(abs((rep.depth ?? .nan) - 0.2) < 0.02)  // vertical against vertical: no aspect needed
            #expect(rep.descentSeconds > 0.5 && rep.ascentSeconds > 0.5)
        }
        #expect(left.summary.fppaDegrees == nil && left.summary.kneeValgus == nil && left.summary.hipDrop == nil)
        #expect(analysis.answers.isEmpty)
        #expect(analysis.metricsNeedingImageSize == [.fppaDegrees, .pelvicDropDegrees, .trunkLeanDegrees])
        let warning = try #require(analysis.warnings.first { $0.hasPrefix("Angles are not reported") })
        #expect(warning.contains("--size WIDTHxHEIGHT, e.g. --size 1080x1920"))
        #expect(warning.contains("Repetitions, tempo and depth do not need it."))
        let rep = try #require(
            analysis.jsonValue.objectValue?["sides"]?.objectValue?["left"]?.objectValue?["reps"]?.arrayValue?
                .first?.objectValue)
        #expect(rep["fppaDegrees"] == .null && rep["pelvicDropDegrees"] == .null)
        #expect(rep["depth"]?.numberValue != nil)
    }

    @Test func aPortraitCSVGivesTheRightAngleWithItsSize() throws {
        var sequence = try LandmarkReader.read(Self.portrait.mediaPipeCSV())
        sequence.setImageSize(width: 1080, height: 1920)
        #expect(!sequence.needsImageSize)
        #expect(sequence.imageWidth == 1080 && sequence.imageHeight == 1920)
        let analysis = analyse(sequence)
        let left = try #require(analysis.sides.left)
        #expect(left.reps.count == 3)
        for rep in left.reps {
            #expect(abs((rep.fppaDegrees ?? .nan) - 15) < 1)
            #expect(abs((rep.pelvicDropDegrees ?? .nan) - 4) < 1)
            #expect(abs((rep.trunkLeanDegrees ?? .nan) - 5) < 1)
            #expect(abs((rep.depth ?? .nan) - 0.2) < 0.02)
        }
        #expect(left.summary.kneeValgus == .marked)
        #expect(analysis.metricsNeedingImageSize.isEmpty)
        #expect(!analysis.warnings.contains { $0.contains("image size") })
    }

    @Test func treatingNormalisedUnitsAsSquareGivesTheWrongAngle() throws {
        // What the analysis did before: a 15° knee on a portrait video read as about 26°.
        var sequence = try LandmarkReader.read(Self.portrait.mediaPipeCSV())
        sequence.setImageSize(width: 1, height: 1)
        let fppa = try #require(analyse(sequence).sides.left?.summary.fppaDegrees?.mean)
        #expect(abs(fppa - 26.4) < 1)
    }

    @Test func normalisedJSONWithoutWidthAndHeightNeedsTheSizeToo() throws {
        for text in [Self.portrait.mediaPipeJSON(), Self.portrait.appleVisionJSON()] {
            var editor = JSONValueEditor(text)
            editor.remove(["width"])
            editor.remove(["height"])
            var sequence = try LandmarkReader.read(editor.text)
            #expect(sequence.needsImageSize)
            let without = analyse(sequence)
            #expect(without.sides.left?.reps.count == 3)
            #expect(without.sides.left?.summary.fppaDegrees == nil)
            #expect(without.warnings.contains { $0.contains("The file gives no \"width\" and \"height\": add them") })
            sequence.setImageSize(width: 1080, height: 1920)
            let with = analyse(sequence)
            #expect(abs((with.sides.left?.summary.fppaDegrees?.mean ?? .nan) - 15) < 1)
        }
    }

    @Test func pixelsAndAGivenSizeNeedNothingMore() throws {
        let coco = try LandmarkReader.read(Self.portrait.cocoJSON())
        let json = try LandmarkReader.read(Self.portrait.mediaPipeJSON())
        for var sequence in [coco, json] {
            #expect(!sequence.needsImageSize)
            let xs = sequence.xs
            sequence.setImageSize(width: 500, height: 500)  // already in pixels: left as it is
            #expect(sequence.xs == xs && sequence.imageWidth == 1080)
            #expect(abs((analyse(sequence).sides.left?.summary.fppaDegrees?.mean ?? .nan) - 15) < 1)
        }
    }

    @Test func aSideViewWithoutTheSizeStillCountsRepetitionsAndDepth() throws {
        let figure = SyntheticFigure.sideBend(knee: 20, hip: 80).withNoise(sigma: 1.5)
        let analysis = analyse(try LandmarkReader.read(figure.mediaPipeCSV()), .hipHinge)
        let left = try #require(analysis.sides.left)
        #expect(left.reps.count == 5)
        #expect(left.reps.allSatisfy { $0.hipFlexionDegrees == nil && $0.kneeFlexionDegrees == nil })
        #expect(left.reps.allSatisfy { $0.hipKneeRatio == nil && $0.depth != nil })
        #expect(left.summary.pattern == nil && left.summary.hipKneeRatio == nil)
        #expect(left.summary.interpretation.contains("The angles need the image size"))
        #expect(analysis.metricsNeedingImageSize == [.hipFlexionDegrees, .kneeFlexionDegrees, .hipKneeRatio])
    }

    @Test func aBridgeRiseIsInHipWidthsAndNeedsTheSize() throws {
        let figure = SyntheticFigure.bridge(working: .left, drop: 6)
        let analysis = analyse(try LandmarkReader.read(figure.mediaPipeCSV()), .singleLegBridge)
        let left = try #require(analysis.sides.left)
        #expect(left.reps.count == 4)
        #expect(left.reps.allSatisfy { $0.depth == nil && $0.pelvicDropDegrees == nil })
        #expect(analysis.metricsNeedingImageSize == [.pelvicDropDegrees, .depth])
        #expect(analysis.warnings.contains { $0.contains("Repetitions and tempo do not need it.") })
    }

    @Test func aLiveStreamOutOfSquareUnitsWithholdsAnglesToo() throws {
        let sequence = try LandmarkReader.read(Self.portrait.mediaPipeCSV())
        var stream = FormAnalysisStream(test: .singleLegSquat, view: .front, frameRate: 30, squareUnits: false)
        for frame in 0..<sequence.frameCount {
            stream.push(time: sequence.times[frame], pose: BodyPose(sequence, frame: frame))
        }
        let analysis = stream.finish()
        #expect(analysis.sides.left?.reps.count == 3)
        #expect(analysis.sides.left?.summary.fppaDegrees == nil)
        #expect(analysis.warnings.contains { $0.contains("scale x by the image width and y by its height") })
    }
}

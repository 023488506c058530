import GluteCore
import GluteJSON
import Testing

@Suite struct FormAnalysisAnalyzerTests {
    /// Parses `text` and analyses it as `test`.
    func analyse(_ text: String, _ test: FormTest? = nil, side: Side? = nil) throws -> FormAnalysis {
        let sequence = try LandmarkReader.read(text)
        return FormAnalyzer(options: .init(test: test, side: side)).analyze(sequence)
    }

    @Test(arguments: [0.0, 6.0, 12.0, 18.0])
    func singleLegSquatGivesTheChosenValgusAndRepCount(fppa: Double) throws {
        let figure = SyntheticFigure.singleLegSquat(stance: .left, fppa: fppa, drop: 4, lean: 5, reps: 5)
        let analysis = try analyse(figure.mediaPipeJSON(), .singleLegSquat)
        let left = try #require(analysis.sides.left)
        #expect(analysis.sides.right == nil)
        #expect(left.reps.count == 5)
        for rep in left.reps {
            #expect(abs((rep.fppaDegrees ?? .nan) - fppa) < 1)
            #expect(abs((rep.pelvicDropDegrees ?? .nan) - 4) < 1)
            #expect(abs((rep.trunkLeanDegrees ?? .nan) - 5) < 1)
            #expect(abs((rep.depth ?? .nan) - 0.2) < 0.02)
        }
        #expect(left.summary.kneeValgus == FormNorms.kneeValgus(fppaDegrees: fppa))
        #expect(left.summary.hipDrop == false)
    }

    @Test func rightSideSquatWithNoiseAndDroppedPoints() throws {
        let figure = SyntheticFigure.singleLegSquat(stance: .right, fppa: 15, drop: 7, reps: 6, fps: 60)
            .withNoise(sigma: 2).withDroppedPoints(share: 0.04)
        let analysis = try analyse(figure.cocoJSON(), .singleLegSquat)
        let right = try #require(analysis.sides.right)
        #expect(right.reps.count == 6)
        for rep in right.reps {
            #expect(abs((rep.fppaDegrees ?? .nan) - 15) < 1)
            #expect(abs((rep.pelvicDropDegrees ?? .nan) - 7) < 1)
        }
        #expect(right.summary.kneeValgus == .marked)
        #expect(right.summary.hipDrop == true)
        #expect(analysis.framesUsed < analysis.frames)
    }

    @Test func everyFormatGivesTheSameAnswer() throws {
        let figure = SyntheticFigure.singleLegSquat(stance: .left, fppa: 10, reps: 3).withNoise(sigma: 1.5)
        for text in [
            figure.mediaPipeJSON(), figure.cocoJSON(), figure.appleVisionJSON(),
            figure.appleVisionJSON(visionNames: true), figure.mediaPipeCSV(),
        ] {
            var sequence = try LandmarkReader.read(text)
            sequence.setImageSize(width: figure.width, height: figure.height)  // CSV carries no size
            let analysis = FormAnalyzer(options: .init(test: .singleLegSquat)).analyze(sequence)
            let left = try #require(analysis.sides.left)
            #expect(left.reps.count == 3)
            #expect(abs((left.summary.fppaDegrees?.mean ?? .nan) - 10) < 1)
        }
    }

    @Test(arguments: [0.0, 4.0, 8.0])
    func singleLegStanceMeasuresTheDropOverTheHold(drop: Double) throws {
        let figure = SyntheticFigure.singleLegStance(stance: .right, drop: drop, holds: 2)
            .withNoise(sigma: 2).withDroppedPoints(share: 0.03)
        let analysis = try analyse(figure.mediaPipeJSON(), .singleLegStance)
        let right = try #require(analysis.sides.right)
        #expect(right.reps.count == 2)
        #expect(abs((right.summary.pelvicDropDegrees?.mean ?? .nan) - drop) < 1)
        #expect(right.summary.hipDrop == (drop >= FormNorms.hipDropFromDegrees))
    }

    @Test func sideViewHingeAndSquatAreToldApart() throws {
        let hinge = try analyse(
            SyntheticFigure.sideBend(knee: 20, hip: 80).withNoise(sigma: 1.5).mediaPipeJSON(),
            .hipHinge)
        let hingeSide = try #require(hinge.sides.left)
        #expect(hinge.view == .side)
        #expect(hingeSide.reps.count == 5)
        for rep in hingeSide.reps {
            #expect(abs((rep.hipFlexionDegrees ?? .nan) - 80) < 1)
            #expect(abs((rep.kneeFlexionDegrees ?? .nan) - 20) < 1)
        }
        #expect(hingeSide.summary.pattern == .hinge)

        let squat = try analyse(
            SyntheticFigure.sideBend(knee: 100, hip: 95).withNoise(sigma: 1.5).cocoJSON(),
            .bodyweightSquat)
        let squatSide = try #require(squat.sides.left)
        #expect(squatSide.reps.count == 5)
        for rep in squatSide.reps {
            #expect(abs((rep.hipFlexionDegrees ?? .nan) - 95) < 1)
            #expect(abs((rep.kneeFlexionDegrees ?? .nan) - 100) < 1)
        }
        #expect(squatSide.summary.pattern == .squat)
    }

    @Test func frontSquatMeasuresBothKnees() throws {
        let analysis = try analyse(
            SyntheticFigure.frontSquat(fppa: 9, reps: 4).withNoise(sigma: 2).mediaPipeJSON(),
            .bodyweightSquat)
        for side in Side.allCases {
            let result = try #require(analysis.sides[side])
            #expect(result.reps.count == 4)
            #expect(abs((result.summary.fppaDegrees?.mean ?? .nan) - 9) < 1)
            #expect(result.summary.kneeValgus == nil)
        }
    }

    @Test func bridgeMeasuresThePelvisOfTheWorkingSide() throws {
        let analysis = try analyse(
            SyntheticFigure.bridge(working: .left, drop: 6).withNoise(sigma: 1.5).cocoJSON(),
            .singleLegBridge)
        let left = try #require(analysis.sides.left)
        #expect(left.reps.count == 4)
        #expect(abs((left.summary.pelvicDropDegrees?.mean ?? .nan) - 6) < 1)
        #expect(left.summary.hipDrop == true)
    }

    @Test func theViewMustSuitTheMetric() throws {
        let analysis = try analyse(
            SyntheticFigure.sideBend(knee: 60, hip: 60).mediaPipeJSON(view: .side),
            .singleLegSquat)
        #expect(analysis.warnings.contains { $0.contains("need a front view") })
        #expect(analysis.measuredSides.allSatisfy { $0.summary.kneeValgus == nil })

        let hinge = try analyse(SyntheticFigure.frontSquat(fppa: 0).mediaPipeJSON(), .hipHinge)
        #expect(hinge.view == .front)
        #expect(hinge.warnings.contains { $0.contains("need a side view") })
        #expect(hinge.measuredSides.allSatisfy { $0.summary.pattern == nil })
    }

    @Test func testsAreRecognisedFromTheMovement() throws {
        #expect(
            try analyse(SyntheticFigure.singleLegSquat(stance: .left, fppa: 8).mediaPipeJSON()).test
                == .singleLegSquat)
        #expect(
            try analyse(SyntheticFigure.singleLegStance(stance: .left, drop: 3).mediaPipeJSON()).test
                == .singleLegStance)
        #expect(try analyse(SyntheticFigure.sideBend(knee: 20, hip: 80).mediaPipeJSON()).test == .hipHinge)
        #expect(try analyse(SyntheticFigure.sideBend(knee: 100, hip: 95).mediaPipeJSON()).test == .bodyweightSquat)
        #expect(try analyse(SyntheticFigure.frontSquat(fppa: 5).mediaPipeJSON()).test == .bodyweightSquat)
        #expect(
            try analyse(SyntheticFigure.bridge(working: .right, drop: 2).mediaPipeJSON()).test
                == .singleLegBridge)
    }

    @Test func sideOptionKeepsOneLeg() throws {
        var figure = SyntheticFigure.singleLegSquat(stance: .left, fppa: 5, reps: 2)
        let right = SyntheticFigure.singleLegSquat(stance: .right, fppa: 17, reps: 3)
        let offset = (figure.frames.last?.time ?? 0) + 1 / figure.fps
        figure.frames += right.frames.map {
            var frame = $0; frame.time += offset; return frame
        }
        let both = try analyse(figure.mediaPipeJSON(), .singleLegSquat)
        #expect(both.sides.left?.reps.count == 2)
        #expect(both.sides.right?.reps.count == 3)
        #expect(both.answers.kneeValgus == PerSide(left: KneeValgus.none, right: .marked))
        #expect(both.sides.left?.summary.interpretation.contains("Munro 2012") == true)
        let onlyRight = try analyse(figure.mediaPipeJSON(), .singleLegSquat, side: .right)
        #expect(onlyRight.sides.left == nil)
        #expect(onlyRight.sides.right?.reps.count == 3)
    }

    @Test func aPersonFacingAwayGivesTheSameAngles() throws {
        var figure = SyntheticFigure.singleLegSquat(stance: .left, fppa: 12, drop: 6, lean: 4, reps: 3)
        for index in figure.frames.indices {
            for joint in BodyJoint.allCases {
                if let point = figure.frames[index].points[joint] {
                    figure.frames[index].points[joint] = (figure.width - point.x, point.y)
                }
            }
        }
        let analysis = try analyse(figure.cocoJSON(), .singleLegSquat)
        let left = try #require(analysis.sides.left)
        #expect(left.reps.count == 3)
        #expect(abs((left.summary.fppaDegrees?.mean ?? .nan) - 12) < 1)
        #expect(abs((left.summary.pelvicDropDegrees?.mean ?? .nan) - 6) < 1)
        #expect(left.reps.allSatisfy { abs(($0.trunkLeanDegrees ?? .nan) - 4) < 1 })
    }

    @Test func sideViewWithDroppedPointsStillCountsEveryRep() throws {
        let figure = SyntheticFigure.sideBend(knee: 25, hip: 85, reps: 7).withNoise(sigma: 2)
            .withDroppedPoints(share: 0.05)
        let analysis = try analyse(figure.appleVisionJSON(visionNames: true), .hipHinge)
        let left = try #require(analysis.sides.left)
        #expect(left.reps.count == 7)
        #expect(abs((left.summary.hipKneeRatio ?? .nan) - 85.0 / 25.0) < 0.25)
        #expect(left.reps.allSatisfy { abs(($0.hipFlexionDegrees ?? .nan) - 85) < 1 })
        let summary = try #require(
            analysis.jsonValue.objectValue?["sides"]?.objectValue?["left"]?
                .objectValue?["summary"]?.objectValue)
        #expect(summary["pattern"] == "hinge")
        #expect(summary["kneeValgus"] == .null)
    }
}

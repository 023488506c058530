import GluteJSON
import Testing

@testable import GluteCore

@Suite struct KnowledgeBaseTests {
    @Test func catalogueHasEnoughCompleteExercises() throws {
        let knowledge = try Fixtures.knowledge()
        #expect(knowledge.exercises.count >= 30)
        for exercise in knowledge.exercises {
            #expect(!exercise.cues.isEmpty, "\(exercise.id) has no cues")
            #expect(!exercise.muscles.isEmpty, "\(exercise.id) emphasises no muscle")
            #expect(
                exercise.equipment.allSatisfy { !$0.addsLoad }
                    || exercise.loadWith.contains(where: exercise.equipment.contains),
                "\(exercise.id) needs a loading implement it cannot be loaded with")
        }
        let required = [
            "glute-bridge", "single-leg-glute-bridge", "hip-thrust", "clamshell", "lateral-band-walk", "fire-hydrant",
            "side-lying-hip-abduction", "quadruped-hip-extension", "hip-hinge-wall-drill", "romanian-deadlift",
            "single-leg-romanian-deadlift", "kettlebell-swing", "reverse-lunge", "bulgarian-split-squat", "step-up",
            "bodyweight-squat", "standing-glute-squeeze", "half-kneeling-hip-flexor-stretch",
            "posterior-pelvic-tilt-drill",
        ]
        for id in required { #expect(knowledge.exercise(id) != nil, "missing \(id)") }
    }

    @Test func variantsLinkBothWays() throws {
        let knowledge = try Fixtures.knowledge()
        for exercise in knowledge.exercises {
            for harder in exercise.harder { #expect(knowledge.exercise(harder) != nil) }
            for easier in exercise.easier { #expect(knowledge.exercise(easier) != nil) }
        }
    }

    @Test func everyEMGFigureComesFromACitedRowOfTheReferenceFile() throws {
        let knowledge = try Fixtures.knowledge()
        let bundle = KnowledgeBaseTests.referenceRows()
        var count = 0
        for exercise in knowledge.exercises {
            for figure in exercise.emg {
                count += 1
                // People see the row's citation and exercise name without the reference's notes.
                let row = bundle.first {
                    EMGMeasurement.citation($0.objectValue?["exercise"]?.stringValue ?? "") == figure.measuredExercise
                        && $0.objectValue?["muscle"]?.stringValue == figure.measuredMuscle
                        && EMGMeasurement.citation($0.objectValue?["study"]?.stringValue ?? "") == figure.study
                        && $0.objectValue?["meanMVIC"]?.numberValue == figure.percentMVIC
                }
                #expect(row != nil, "\(exercise.id): \(figure.measuredExercise) has no row of emg.json")
                #expect(row?.objectValue?["metric"]?.stringValue == figure.metric)
                #expect(row?.objectValue?["sd"]?.numberValue == figure.sd)
                #expect(!figure.study.isEmpty)
                #expect(["primary-abstract", "primary-table", "secondary"].contains(figure.verification))
                let tag = row?.objectValue?["verification"]?.stringValue ?? ""
                #expect(tag != "secondary-unvetted-dataset" && tag != "unverified")
            }
        }
        #expect(count >= 25)
    }

    static func referenceRows() -> [JSONValue] {
        BundledResource.bytes("emg").flatMap { try? JSONValue.parse($0) }?.arrayValue ?? []
    }

    @Test func musclesCoverTheNineGlutesAndTheirNeighbours() throws {
        let knowledge = try Fixtures.knowledge()
        #expect(knowledge.muscles.filter { $0.group == .bigThree }.count == 3)
        #expect(knowledge.muscles.filter { $0.group == .deepSix }.count == 6)
        for id in ["hip-flexors", "hamstrings", "quadriceps", "erector-spinae", "tensor-fasciae-latae"] {
            #expect(knowledge.muscle(named: id) != nil)
        }
        #expect(knowledge.muscle(named: "gmed")?.id == "gluteus-medius")
        #expect(!knowledge.exercises(training: "gluteus-medius").isEmpty)
        for muscle in knowledge.muscles { #expect(!muscle.actions.isEmpty && !muscle.failureSigns.isEmpty) }
    }

    @Test func educationCardsCarryGradesAndTheWeakSittingClaimSaysSo() throws {
        let knowledge = try Fixtures.knowledge()
        for id in [
            "gluteal-amnesia", "reciprocal-inhibition", "hinge-vs-squat", "stability-vs-size", "squat-myth",
            "spot-reduction", "mind-muscle-connection",
        ] {
            #expect(knowledge.card(named: id) != nil, "missing card \(id)")
        }
        let amnesia = try #require(knowledge.card(named: "gluteal-amnesia"))
        #expect(amnesia.evidenceGrade == .weak)
        #expect(amnesia.body.joined().contains("weak"))
    }

    @Test func damagedDataIsRejectedWithItsField() {
        #expect(throws: FieldError.self) {
            try KnowledgeBase.load { name in
                name == "exercises"
                    ? Array(#"{"version":1,"exercises":[{"id":"x"}]}"#.utf8) : BundledResource.bytes(name)
            }
        }
    }
}

import GluteJSON
import Testing

@testable import GluteCore

@Suite struct ExercisesAndExplainTests {
    @Test func exercisesListsTheCatalogueAsJSON() throws {
        let result = try GluteBinary.run(["exercises", "--json"])
        #expect(result.status == 0)
        let list = try #require(try JSONValue.parse(result.stdout).arrayValue)
        #expect(list.count >= 30)
        for entry in list {
            let object = try #require(entry.objectValue)
            for key in ["id", "name", "pattern", "laterality", "equipment", "loadable", "targets", "easier", "harder"] {
                #expect(object[key] != nil, "missing \(key)")
            }
        }
        let hipThrust = list.first { $0.objectValue?["id"] == "hip-thrust" }?.objectValue
        let emg = hipThrust?["targets"]?.arrayValue?.first?.objectValue?["emg"]?.arrayValue?.first?.objectValue
        #expect(emg?["study"]?.stringValue?.contains("Contreras") == true)
    }

    @Test func exercisesPrintsATable() throws {
        let result = try GluteBinary.run(["exercises"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("clamshell"))
    }

    @Test(arguments: [
        ("asymmetry", "weaker side"), ("gluteus-medius", "Gluteus medius"), ("gmed", "pelvis level"),
        ("clamshell", "Distefano"), ("gluteal-amnesia", "Evidence: weak"), ("hinge-first", "Principle"),
        ("topics", "Exercises:"),
    ])
    func explainAnswers(topic: String, expected: String) throws {
        let result = try GluteBinary.run(["explain", topic])
        #expect(result.status == 0)
        #expect(result.stdout.contains(expected), "\(topic): \(result.stdout.prefix(200))")
    }

    @Test func explainRejectsUnknownTopics() throws {
        let result = try GluteBinary.run(["explain", "banana"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: Unknown topic 'banana'"))
        #expect(try GluteBinary.run(["explain"]).status == 64)
    }
}

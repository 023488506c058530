import Foundation
import GluteJSON
import Testing

@testable import GluteCore

@Suite struct AssessCommandTests {
    static let desk = GluteBinary.fixtures.appendingPathComponent("cases/desk-worker-left-amnesia.json").path

    @Test func deskWorkerFindingsPrintAsJSON() throws {
        let result = try GluteBinary.run(["assess", "--input", Self.desk, "--json"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let output = try JSONValue.parse(result.stdout).objectValue
        let codes = output?["findings"]?.arrayValue?.compactMap { $0.objectValue?["code"]?.stringValue } ?? []
        #expect(codes.contains("recruitment-deficit") && codes.contains("asymmetry"))
        #expect(output?["plan"]?.objectValue?["reassessOn"] == "2026-12-24")
    }

    @Test func textOutputShowsFindingsAndPlan() throws {
        let result = try GluteBinary.run(["assess", "--input", Self.desk])
        #expect(result.status == 0)
        #expect(result.stdout.contains("FINDINGS"))
        #expect(result.stdout.contains("recruitment-deficit (left)"))
        #expect(result.stdout.contains("YOUR PLAN"))
    }

    static let badDocuments: [(String, String)] = [
        (#"{"version":1}"#, "profile"),
        ("{not json", "(document)"),
        (#"{"version":1,"profile":{},"bogus":1}"#, "bogus"),
    ]

    @Test(arguments: badDocuments.indices)
    func badInputPrintsOnlyTheErrorAndExits65(index: Int) throws {
        let (document, field) = Self.badDocuments[index]
        let path = try GluteBinary.temporaryFile(document)
        let plain = try GluteBinary.run(["assess", "--input", path])
        #expect(plain.status == 65)
        #expect(plain.stdout.isEmpty)
        #expect(plain.stderr.hasPrefix("Error: \(field): "))
        #expect(plain.stderr.split(separator: "\n").count == 1)
        let json = try GluteBinary.run(["assess", "--input", path, "--json"])
        #expect(json.status == 65)
        let error = try JSONValue.parse(json.stdout).objectValue?["error"]?.objectValue
        #expect(error?["field"] == .string(field))
        #expect(error?["message"]?.stringValue?.isEmpty == false)
    }

    @Test func negativeRepsNameTheExactField() throws {
        let path = GluteBinary.fixtures.appendingPathComponent("cases/invalid-negative-reps.json").path
        let result = try GluteBinary.run(["assess", "--input", path])
        #expect(result.status == 65)
        #expect(result.stderr == "Error: tests.singleLegBridge.left.reps: must be between 0 and 200\n")
    }

    @Test func aMissingFileFailsWithStatusOne() throws {
        let result = try GluteBinary.run(["assess", "--input", "/nonexistent/file.json"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: cannot read '/nonexistent/file.json'"))
    }

    @Test func withoutATerminalOrInputItIsAUsageError() throws {
        let result = try GluteBinary.run(["assess"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Usage: glute assess"))
    }

    @Test func readsStandardInputWithADash() throws {
        let text = try String(contentsOfFile: Self.desk, encoding: .utf8)
        let result = try GluteBinary.run(["assess", "--input", "-", "--json"], input: text)
        #expect(result.status == 0)
    }
}

import Foundation
import Testing
@testable import GluteCore

/// The example assessments of the shared cases folder, checked against their expected.json with
/// the same vocabulary as the shared checker (cases/README.md), through the built binary.
@Suite struct CasesTests {
    static let casesFolder = GluteBinary.fixtures.appendingPathComponent("cases")

    static var names: [String] {
        guard let data = try? Data(contentsOf: casesFolder.appendingPathComponent("expected.json")),
              let object = try? JSONValue.parse([UInt8](data)).objectValue
        else { return [] }
        return object.keys
    }

    @Test func thereAreCases() { #expect(Self.names.count >= 4) }

    @Test(arguments: names)
    func caseMatchesExpectations(name: String) throws {
        let expectedData = try Data(contentsOf: Self.casesFolder.appendingPathComponent("expected.json"))
        let expected = try #require(try JSONValue.parse([UInt8](expectedData)).objectValue?[name]?.objectValue)
        let path = Self.casesFolder.appendingPathComponent("\(name).json").path
        let input = try JSONValue.parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        let result = try GluteBinary.run(["assess", "--input", path, "--json"])
        let output = try JSONValue.parse(result.stdout).objectValue ?? JSONObject()
        let catalog = try KnowledgeBase.bundled()
        var found: [String: Set<String>] = [:]
        for finding in output["findings"]?.arrayValue ?? [] {
            let object = finding.objectValue
            found[object?["code"]?.stringValue ?? "", default: []]
                .formUnion(object?["sides"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        }
        for must in expected["must"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
            let parts = must.split(separator: ":").map(String.init)
            #expect(found[parts[0]] != nil, "\(name): missing \(parts[0])")
            if parts.count == 2 { #expect(found[parts[0]]?.contains(parts[1]) == true, "\(name): \(must)") }
        }
        for mustNot in expected["mustNot"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
            #expect(found[mustNot] == nil, "\(name): unexpected \(mustNot)")
        }
        for property in expected["props"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
            let problem = CaseProperty.check(property, output: output, status: result.status, stderr: result.stderr,
                                             input: input.objectValue ?? JSONObject(), catalog: catalog)
            #expect(problem == nil, "\(name): \(property): \(problem ?? "")")
        }
    }
}

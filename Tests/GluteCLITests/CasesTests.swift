import Foundation
import GluteJSON
import Testing

@testable import GluteCore

/// The example assessments of the shared cases folder (`cases/`, copied as they are) and our own
/// further cases in the same vocabulary (`more-cases/`), checked against their expected.json as
/// the shared checker does (cases/README.md), through the built binary.
@Suite struct CasesTests {
    static let folders = ["cases", "more-cases"]

    /// Every case as "folder/name".
    static var names: [String] {
        folders.flatMap { folder -> [String] in
            let url = GluteBinary.fixtures.appendingPathComponent(folder).appendingPathComponent("expected.json")
            guard let data = try? Data(contentsOf: url), let object = try? JSONValue.parse([UInt8](data)).objectValue
            else { return [] }
            return object.keys.map { "\(folder)/\($0)" }
        }
    }

    @Test func thereAreCases() { #expect(Self.names.count >= 16) }

    @Test(arguments: names)
    func caseMatchesExpectations(name qualified: String) throws {
        let parts = qualified.split(separator: "/").map(String.init)
        let folder = GluteBinary.fixtures.appendingPathComponent(parts[0])
        let name = parts[1]
        let expectedData = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        let expected = try #require(try JSONValue.parse([UInt8](expectedData)).objectValue?[name]?.objectValue)
        let path = folder.appendingPathComponent("\(name).json").path
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
            let problem = CaseProperty.check(
                property, output: output, status: result.status, stderr: result.stderr,
                input: input.objectValue ?? JSONObject(), catalog: catalog)
            #expect(problem == nil, "\(name): \(property): \(problem ?? "")")
        }
    }
}

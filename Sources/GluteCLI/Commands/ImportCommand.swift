internal import Foundation
internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// `glute import json FILE`: reads a full export back.
///
/// The whole file is checked before anything
/// is written, and it is written in one transaction: a bad file changes nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a full JSON export; nothing is written unless all of it is valid.",
        arguments: [
            ArgumentDefinition("format", help: "json"),
            ArgumentDefinition("file", help: "The export file ('-' for standard input)."),
        ],
        options: [CommonOptions.database, CommonOptions.json]
    )

    let file: String
    let database: String?
    let json: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        guard parsed.positional(0) == "json" else {
            throw CLIError.usage("Only 'json' can be imported: glute import json FILE")
        }
        file = parsed.positional(1) ?? ""
        database = parsed.option("database")
        json = parsed.flag("json")
    }

    func run(_ io: CommandIO) async throws {
        let (_, text) = try AssessCommand.readDocument(file, io: io, json: json)
        let path = try SQLiteStoreOpener.path(database: database, io: io)
        let store = try SQLiteStoreOpener.open(path, io: io)
        let summary: ImportSummary
        do {
            summary = try await store.importDocument(text)
        } catch let error as StoreError {
            if let field = error.field {
                throw AssessCommand.dataError(FieldError(field: field, message: error.message), io: io, json: json)
            }
            throw CLIError.failure("import failed, nothing was changed: \(error)")
        }
        let counts: [(String, Int)] = [
            ("people", summary.people), ("assessments", summary.assessments), ("plans", summary.plans),
            ("loggedSets", summary.loggedSets), ("wakeUpCalls", summary.wakeUpCalls), ("retests", summary.retests),
        ]
        if json {
            io.writeOutput(
                JSONValue.object([
                    "imported": .object(JSONObject(counts.map { (key: $0.0, value: JSONValue.int($0.1)) }))
                ]).serialized())
        } else {
            io.print("Imported " + counts.map { "\($0.1) \(ImportCommand.words($0.0))" }.joined(separator: ", ") + ".")
        }
    }

    /// `loggedSets` becomes "logged sets".
    static func words(_ key: String) -> String {
        key.reduce(into: "") { text, character in
            if character.isUppercase { text += " " + character.lowercased() } else { text.append(character) }
        }
    }
}

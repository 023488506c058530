internal import Foundation
internal import GluteApp
internal import GluteCore
internal import GluteJSON
internal import GluteSQLite
internal import GluteStore

/// `glute import json FILE`: reads a full export back (format version 1 or 2).
///
/// The whole file is checked before anything is written, and it is written in one transaction:
/// a bad file changes nothing, and a database that did not exist before is not left behind.
struct ImportCommand: ParsableCommand {
    static let asNewPerson = Flag(
        "as-new-person",
        help: "Import into a database that already holds someone, as a new person with new identifiers.")

    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a full JSON export; nothing is written unless all of it is valid.",
        discussion: """
            Into an empty database the file's person becomes the command line's person. A database that \\
            already holds someone refuses the import unless --as-new-person is given: the command line's \\
            person stays who it was.
            """,
        arguments: [
            ArgumentDefinition("format", help: "json"),
            ArgumentDefinition("file", help: "The export file ('-' for standard input)."),
        ],
        options: [asNewPerson.definition, CommonOptions.database.definition, CommonOptions.json.definition]
    )

    let file: String
    let asNewPerson: Bool
    let database: String?
    let json: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        guard parsed.positional(0) == "json" else {
            throw CLIError.usage("Only 'json' can be imported: glute import json FILE")
        }
        file = parsed.positional(1) ?? ""
        asNewPerson = parsed.isSet(Self.asNewPerson)
        database = try parsed.value(CommonOptions.database)
        json = parsed.isSet(CommonOptions.json)
    }

    func run(_ io: CommandIO) async throws {
        let text = try AssessCommand.readDocument(file, io: io, json: json)
        let path = try SQLiteLocation.path(database: database, io: io)
        let existed = FileManager.default.fileExists(atPath: path)
        let cli = try CLIApplication.open(database: database, io: io, access: .write)
        let summary: ImportSummary
        do {
            summary = try await cli.app.importDocument(text, policy: asNewPerson ? .asNewPerson : .refuseIntoNonEmpty)
        } catch let error as AppError {
            await cli.store.close()
            if !existed { SQLiteLocation.remove(path) }
            if error.code == .invalidInput { throw AssessCommand.dataError(error, io: io, json: json) }
            throw CLIError.failure("\(error.message); nothing was changed")
        }
        let counts: [(String, Int)] = [
            ("people", summary.people), ("assessments", summary.assessments), ("plans", summary.plans),
            ("loggedSets", summary.loggedSets), ("wakeUpCalls", summary.wakeUpCalls), ("retests", summary.retests),
            ("deletions", summary.deletions),
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

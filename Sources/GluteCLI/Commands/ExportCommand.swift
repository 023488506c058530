internal import Foundation
internal import GluteApp
internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// `glute export ics|csv|json`: the plan as a calendar, the logs as CSV, or everything as JSON.
struct ExportCommand: ParsableCommand {
    enum Format: String, CaseIterable { case ics, csv, json }

    static let output = Option<String>(
        "output", short: "o", value: "file", help: "Write to this file instead of standard output.")
    static let sessionTime = Option<ClockTime>(
        "session-time", value: "HH:MM", help: "When sessions start in the calendar (default 18:00).",
        expecting: "a time like 18:00"
    ) { ClockTime($0) }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the plan as iCalendar, the logs as CSV, or everything as JSON.",
        discussion: """
            ics: recurring wake-up calls in working hours and sessions on their days, each with an alarm, \\
            until the reassessment date (after a stop: only the advice to see a clinician). csv: every logged \\
            set. json: everything in the database, format version 2; 'glute import json' reads it back.
            """,
        arguments: [ArgumentDefinition("format", help: "ics, csv or json.")],
        options: [output.definition, sessionTime.definition, CommonOptions.database.definition]
    )

    let format: Format
    let output: String?
    let sessionTime: ClockTime
    let database: String?

    init(parsed: ParsedArguments) throws(CLIError) {
        guard let format = Format(rawValue: parsed.positional(0) ?? "") else {
            throw CLIError.usage("Unknown format '\(parsed.positional(0) ?? "")': use ics, csv or json.")
        }
        self.format = format
        output = try parsed.value(Self.output)
        sessionTime = try parsed.value(Self.sessionTime) ?? ClockTime(minutes: 18 * 60) ?? .midnight
        database = try parsed.value(CommonOptions.database)
    }

    func run(_ io: CommandIO) async throws {
        let cli = try CLIApplication.open(database: database, io: io, access: .read)
        let text: String
        switch format {
        case .ics:
            let person = try await cli.person(.read)
            text = try await cli.run { try await cli.app.calendar(person.id, sessionTime: sessionTime) }
        case .csv:
            let person = try await cli.person(.read)
            text = try await cli.run { try await cli.app.setsCSV(person.id) }
        case .json:
            text = try await cli.run { try await cli.app.exportDatabase() }.serialized()
        }
        guard let output else { return io.writeOutput(text) }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CLIError.failure("cannot write '\(output)': \(error.localizedDescription)")
        }
    }
}

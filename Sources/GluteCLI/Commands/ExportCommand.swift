internal import Foundation
internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// `glute export ics|csv|json`: the plan as a calendar, the logs as CSV, or everything as JSON.
struct ExportCommand: ParsableCommand {
    enum Format: String, CaseIterable { case ics, csv, json }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the plan as iCalendar, the logs as CSV, or everything as JSON.",
        discussion: """
            ics: recurring wake-up calls in working hours and sessions on their days, each with an alarm, \
            until the reassessment date. csv: every logged set. json: everything, versioned; 'glute import json' \
            reads it back.
            """,
        arguments: [ArgumentDefinition("format", help: "ics, csv or json.")],
        options: [
            .option("output", short: "o", value: "file", help: "Write to this file instead of standard output."),
            .option("session-time", value: "HH:MM", help: "When sessions start in the calendar (default 18:00)."),
            CommonOptions.database,
        ]
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
        output = parsed.option("output")
        sessionTime =
            try parsed.option("session-time", expecting: "a time like 18:00") { ClockTime($0) }
            ?? ClockTime(minutes: 18 * 60) ?? .midnight
        database = parsed.option("database")
    }

    func run(_ io: CommandIO) async throws {
        let access = try await StoreAccess.open(database: database, io: io)
        let text: String
        switch format {
        case .ics:
            let (plan, _) = try await access.requirePlan()
            text = PlanCalendar(
                plan: plan, calendarID: access.person.id.description, timeZone: .current,
                sessionTime: sessionTime
            ).render(now: io.now())
        case .csv:
            text = LogCSV.render(try await access.allSets(), io: io)
        case .json:
            text = try await access.store.exportDocument()
        }
        guard let output else {
            io.writeOutput(text)
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CLIError.failure("cannot write '\(output)': \(error.localizedDescription)")
        }
    }
}

/// The logged sets as CSV (RFC 4180): one row per logged entry, local date and time.
enum LogCSV {
    static let header = [
        "date", "time", "exercise", "side", "sets", "reps", "seconds", "load", "unit", "felt", "balance", "rpe", "pain",
        "note",
    ]

    static func render(_ sets: [LoggedSet], io: CommandIO) -> String {
        var rows = [header]
        for set in sets {
            let instant = Date(timeIntervalSince1970: Double(set.performedAt.millisecondsSince1970) / 1000)
            let parts = Calendar.current.dateComponents([.hour, .minute], from: instant)
            let time = ClockTime(minutes: (parts.hour ?? 0) * 60 + (parts.minute ?? 0))?.description ?? ""
            rows.append([
                io.localDate(set.performedAt).description, time, set.exerciseID, Side.name(of: set.side),
                String(set.setCount),
                set.reps.map(String.init).joined(separator: " "), set.durationSeconds.map(String.init) ?? "",
                set.load.map { JSONValue.format($0.value) } ?? "", set.load?.unit.rawValue ?? "", set.felt.rawValue,
                set.balance.rawValue, set.rpe.map(String.init) ?? "", String(set.pain), set.note ?? "",
            ])
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes a field when it holds a comma, a quote or a line break; doubles inner quotes.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

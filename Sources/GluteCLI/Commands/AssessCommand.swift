internal import Foundation
internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// `glute assess`: the safety screen and self-tests, from a file or asked interactively, turned
/// into findings and a plan.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Run the safety screen and self-assessment, then show findings and a plan.",
        discussion: """
            With --input, reads an assessment in the interchange format (see docs/assessment-format.md). \
            Without it, on a terminal, walks you through the safety screen and each self-test.
            """,
        options: [
            .option(
                "input", short: "i", value: "file",
                help: "Read the assessment from a JSON file ('-' for standard input)."),
            .option("save", value: "file", help: "Also write the answers given interactively to this JSON file."),
            .flag("no-store", help: "Do not keep the assessment and plan in the database."),
            CommonOptions.database,
            CommonOptions.json,
        ]
    )

    let input: String?
    let savePath: String?
    let json: Bool
    let keep: Bool
    let database: String?

    init(parsed: ParsedArguments) throws(CLIError) {
        input = parsed.option("input")
        savePath = parsed.option("save")
        json = parsed.flag("json")
        keep = !parsed.flag("no-store")
        database = parsed.option("database")
        if input != nil, savePath != nil {
            throw CLIError.usage(
                "'--save <file>' only applies to an interactive assessment, not with '--input <file>'.")
        }
    }

    func run(_ io: CommandIO) async throws {
        let document: JSONValue
        var inputText: String
        if let input {
            (document, inputText) = try Self.readDocument(input, io: io, json: json)
        } else {
            guard io.isInteractive else {
                throw CLIError.usage(
                    "Give an assessment with '--input <file>', or run 'glute assess' on a terminal to answer the questions."
                )
            }
            let outcome = try AssessmentInterview(io: io).run()
            let screening: Screening?
            switch outcome {
            case .complete(let complete): document = complete; screening = nil
            case .stopped(let partial, let stopped): document = partial; screening = stopped
            }
            inputText = document.serialized()
            if let savePath {
                try Data(inputText.utf8).write(to: URL(fileURLWithPath: savePath))
            }
            if let screening {
                try await finish(
                    AssessmentResult(findings: FindingRules.screeningFindings(for: screening), plan: nil),
                    input: inputText, io: io)
                return
            }
        }
        let assessment: Assessment
        do {
            assessment = try Assessment.decode(document)
        } catch {
            throw Self.dataError(error, io: io, json: json)
        }
        let result = AssessmentEngine.evaluate(assessment, knowledge: try KnowledgeBase.bundled(), startingOn: io.today)
        try await finish(result, input: inputText, io: io)
    }

    /// Keeps the result (unless `--no-store`) and prints it.
    private func finish(_ result: AssessmentResult, input: String, io: CommandIO) async throws {
        let output = result.jsonValue.serialized()
        var saved: String?
        if keep {
            saved = try await Self.keep(input: input, output: output, result: result, io: io, database: database)
        }
        if json {
            io.writeOutput(output)
        } else {
            io.writeOutput(ResultRenderer(knowledge: try KnowledgeBase.bundled()).render(result))
            if let saved { io.print("\n" + saved) }
        }
    }

    /// Keeps the assessment and, when there is one, the plan as a new version; says what was kept.
    ///
    /// A finding that stops the flow also ends the plan in force: a version without a plan is
    /// kept, so 'glute today' and 'glute next' send the person to a clinician rather than to
    /// yesterday's exercises.
    static func keep(input: String, output: String, result: AssessmentResult, io: CommandIO, database: String?)
        async throws -> String
    {
        let access = try await StoreAccess.open(database: database, io: io)
        let isFirst = try await access.store.latestAssessment(for: access.person.id) == nil
        let plan: (json: String, reason: String)
        if let made = result.plan {
            plan = (
                made.jsonValue.serialized(),
                isFirst ? "first assessment on \(io.today)" : "reassessment on \(io.today)"
            )
        } else {
            let codes = result.findings.filter { $0.severity == .stop }.map(\.code.rawValue).joined(separator: ", ")
            plan = ("null", "\(StoreAccess.stoppedReason) on \(io.today) (\(codes))")
        }
        // The assessment and its plan version are written in one transaction: both or neither.
        let saved = try await access.store.recordAssessment(
            for: access.person.id, inputJSON: input, outputJSON: output, takenAt: io.timestamp, plan: plan)
        guard result.plan != nil, let version = saved.plan else {
            return "Assessment saved. No plan is active until a clinician has seen you; then run 'glute assess' again."
        }
        return "Saved: assessment and plan version \(version.version). Next: 'glute today'."
    }

    /// Reads and parses a JSON file, turning every failure into a data error naming the field.
    static func readDocument(_ path: String, io: CommandIO, json: Bool) throws -> (JSONValue, String) {
        let bytes: [UInt8]
        do {
            if path == "-" {
                bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            } else {
                bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            }
        } catch {
            throw CLIError.failure("cannot read '\(path)': \(error.localizedDescription)")
        }
        do {
            return (try JSONValue.parse(bytes), String(decoding: bytes, as: UTF8.self))
        } catch {
            throw dataError(FieldError.syntax(error), io: io, json: json)
        }
    }

    /// A data error (exit 65); with `--json`, the error object also goes to standard output.
    static func dataError(_ error: FieldError, io: CommandIO, json: Bool) -> CLIError {
        if json {
            let body: JSONValue = .object([
                "error": .object(["field": .string(error.field), "message": .string(error.message)])
            ])
            io.writeOutput(body.serialized())
        }
        return CLIError.data(field: error.field, error.message)
    }
}

extension CommandIO {
    /// Today's date in the local time zone, from the injected clock.
    var today: CivilDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: now())
        return CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CivilDate(daysSinceEpoch: 0)
    }
}

internal import Foundation
internal import GluteApp
internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// `glute assess`: the safety screen and self-tests, from a file or asked interactively, turned
/// into findings and a plan.
struct AssessCommand: ParsableCommand {
    static let input = Option<String>(
        "input", short: "i", value: "file", help: "Read the assessment from a JSON file ('-' for standard input).")
    static let save = Option<String>(
        "save", value: "file", help: "Also write the answers given interactively to this JSON file.")
    static let noStore = Flag("no-store", help: "Do not keep the assessment and plan in the database.")

    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Run the safety screen and self-assessment, then show findings and a plan.",
        discussion: """
            With --input, reads an assessment in the interchange format (see docs/assessment-format.md). \
            Without it, on a terminal, walks you through the safety screen and each self-test.
            """,
        options: [
            input.definition, save.definition, noStore.definition, CommonOptions.database.definition,
            CommonOptions.json.definition,
        ]
    )

    let input: String?
    let savePath: String?
    let json: Bool
    let keep: Bool
    let database: String?

    init(parsed: ParsedArguments) throws(CLIError) {
        input = try parsed.value(Self.input)
        savePath = try parsed.value(Self.save)
        json = parsed.isSet(CommonOptions.json)
        keep = !parsed.isSet(Self.noStore)
        database = try parsed.value(CommonOptions.database)
        if input != nil, savePath != nil {
            throw CLIError.usage(
                "'--save <file>' only applies to an interactive assessment, not with '--input <file>'.")
        }
    }

    func run(_ io: CommandIO) async throws {
        var inputText: String
        var stopped: Screening?
        if let input {
            inputText = try Self.readDocument(input, io: io, json: json)
        } else {
            guard io.isInteractive else {
                throw CLIError.usage(
                    "Give an assessment with '--input <file>', or run 'glute assess' on a terminal to answer the questions."
                )
            }
            let document: JSONValue
            switch try AssessmentInterview(io: io).run() {
            case .complete(let complete): document = complete
            case .stopped(let partial, let screening): document = partial; stopped = screening
            }
            inputText = document.serialized()
            if let savePath {
                try Data(inputText.utf8).write(to: URL(fileURLWithPath: savePath))
            }
        }
        let knowledge = try KnowledgeBase.bundled()
        guard keep else {
            let result: AssessmentResult
            if let stopped {
                result = AssessmentResult(findings: FindingRules.screeningFindings(for: stopped), plan: nil)
            } else {
                do {
                    result = try GluteApp.evaluate(
                        inputText: inputText, knowledge: knowledge, startingOn: Self.startDate(inputText, io: io))
                } catch let error as AppError {
                    throw Self.dataError(error, io: io, json: json)
                }
            }
            return print(result, saved: nil, io: io, knowledge: knowledge)
        }
        let cli = try CLIApplication.open(database: database, io: io, access: .write)
        let person = try await cli.person(.write)
        let outcome: AssessOutcome
        do {
            if let stopped {
                outcome = try await cli.app.keep(
                    person.id, inputText: inputText,
                    result: AssessmentResult(findings: FindingRules.screeningFindings(for: stopped), plan: nil))
            } else {
                outcome = try await cli.app.assess(person.id, inputText: inputText)
            }
        } catch let error as AppError where error.code == .invalidInput {
            throw Self.dataError(error, io: io, json: json)
        } catch let error as AppError {
            throw CLIApplication.failure(error)
        }
        let saved =
            outcome.result.plan == nil
            ? "Assessment saved. No plan is active until a clinician has seen you; then run 'glute assess' again."
            : "Saved: assessment and plan version \(outcome.version.version). Next: 'glute today'."
        print(outcome.result, saved: saved, io: io, knowledge: knowledge)
    }

    private func print(_ result: AssessmentResult, saved: String?, io: CommandIO, knowledge: KnowledgeBase) {
        if json {
            io.writeOutput(result.jsonValue.serialized())
        } else {
            io.writeOutput(ResultRenderer(knowledge: knowledge, width: io.width).render(result))
            if let saved { io.print("\n" + saved) }
        }
    }

    /// The day the plan starts when nothing is kept: today in the document's zone, else the machine's.
    static func startDate(_ text: String, io: CommandIO) -> CivilDate {
        let zone = (try? Assessment.decode(text)).flatMap { $0.profile.timeZone }.flatMap(
            TimeZoneRules.init(identifier:))
        return (zone ?? io.zone).localDate(io.clock.now())
    }

    /// Reads a JSON file, turning every failure into an error naming the file or the field.
    static func readDocument(_ path: String, io: CommandIO, json: Bool) throws -> String {
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
            _ = try JSONValue.parse(bytes)
        } catch {
            throw dataError(AppError.invalid(FieldError.syntax(error)), io: io, json: json)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A data error (exit 65); with `--json`, the error object also goes to standard output.
    static func dataError(_ error: AppError, io: CommandIO, json: Bool) -> CLIError {
        if json { io.writeOutput(error.jsonValue.serialized()) }
        return CLIError.data(field: error.field ?? FieldError.documentField, error.message)
    }
}

internal import GluteApp
internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// `glute retest TEST`: repeats one self-test.
///
/// The result is kept, the gates are re-evaluated, and when the findings change a new plan
/// version is made from the latest assessment with this test replaced, with the reason recorded.
struct RetestCommand: ParsableCommand {
    /// One answer of a retest: its flag, the key in the assessment format and how its text reads.
    struct Field: Sendable {
        let key: String
        let option: Option<JSONValue>
        let isRequired: Bool
    }

    /// The flags of each test, declared once; their values are checked by the assessment decoder.
    static let fields: [RetestKind: [Field]] = {
        func int(_ flag: String, _ key: String, required: Bool) -> Field {
            Field(
                key: key,
                option: Option(flag, value: "n", help: "An answer of the test.", expecting: "a whole number") {
                    Int($0).map(JSONValue.int)
                }, isRequired: required)
        }
        func bool(_ flag: String, _ key: String, required: Bool) -> Field {
            Field(
                key: key,
                option: Option(flag, value: "yes|no", help: "An answer of the test.", expecting: "yes or no") {
                    ["yes": JSONValue.bool(true), "no": .bool(false)][$0.lowercased()]
                }, isRequired: required)
        }
        func choice(_ flag: String, _ key: String, _ options: [String], required: Bool) -> Field {
            Field(
                key: key,
                option: Option(
                    flag, value: options.joined(separator: "|"), help: "An answer of the test.",
                    expecting: options.joined(separator: ", ")
                ) { text in options.first { Prompter.words($0) == Prompter.words(text) }.map(JSONValue.string) },
                isRequired: required)
        }
        func sides(_ make: (String) -> [Field]) -> [Field] { make("left") + make("right") }
        return [
            .singleLegBridge: sides { side in
                [
                    int("\(side)-reps", "\(side).reps", required: true),
                    choice("\(side)-felt", "\(side).feltIn", FeltIn.bridgeTestCases.map(\.rawValue), required: true),
                    bool("\(side)-level", "\(side).pelvisLevel", required: false),
                ]
            },
            .singleLegDeadlift: sides { side in
                [choice("\(side)-balance", "\(side).balance", Balance.allCases.map(\.rawValue), required: true)]
            },
            .singleLegStance: sides { side in
                [
                    bool("\(side)-drop", "\(side).hipDrop", required: true),
                    int("\(side)-seconds", "\(side).seconds", required: false),
                ]
            },
            .singleLegSquat: sides { side in
                [choice("\(side)-valgus", "\(side).kneeValgus", KneeValgus.allCases.map(\.rawValue), required: true)]
            },
            .gluteSqueeze: sides { side in
                [
                    choice("\(side)-isolated", "\(side).isolated", Isolation.allCases.map(\.rawValue), required: true),
                    int("\(side)-strength", "\(side).strength", required: false),
                ]
            },
            .hipHinge: [bool("pass", "pass", required: true)],
        ]
    }()

    /// Every flag of every test, once, for help.
    static let allOptions: [OptionDefinition] = {
        var seen: Set<String> = []
        return RetestKind.allCases.flatMap { fields[$0] ?? [] }.map(\.option.definition)
            .filter { seen.insert($0.name).inserted }
    }()

    static let configuration = CommandConfiguration(
        commandName: "retest",
        abstract: "Repeat a self-test; passed retests unlock gated work.",
        discussion: """
            Tests: single-leg-bridge (--left-reps --left-felt [--left-level] and the same for right), \\
            single-leg-deadlift (--left-balance --right-balance), single-leg-stance (--left-drop --right-drop), \\
            single-leg-squat (--left-valgus --right-valgus), glute-squeeze (--left-isolated [--left-strength] ...), \\
            hip-hinge (--pass yes|no).
            """,
        arguments: [ArgumentDefinition("test", help: "The test to repeat.")],
        options: allOptions + [CommonOptions.database.definition, CommonOptions.json.definition]
    )

    let kind: RetestKind
    let result: JSONValue
    let database: String?
    let json: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        guard let kind = RetestKind(rawValue: parsed.positional(0) ?? "") else {
            throw CLIError.usage(
                "Unknown test '\(parsed.positional(0) ?? "")'. Tests: "
                    + RetestKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        self.kind = kind
        database = try parsed.value(CommonOptions.database)
        json = parsed.isSet(CommonOptions.json)
        let mine = Self.fields[kind] ?? []
        for option in Self.allOptions where !mine.contains(where: { $0.option.definition.name == option.name }) {
            if parsed.values[option.name] != nil {
                throw CLIError.usage("'--\(option.name)' is not an answer of \(kind.rawValue)")
            }
        }
        var object = JSONObject()
        for field in mine {
            let value = field.isRequired ? try parsed.required(field.option) : try parsed.value(field.option)
            guard let value else { continue }
            let path = field.key.split(separator: ".").map(String.init)
            if path.count == 2 {
                var side = object[path[0]]?.objectValue ?? JSONObject()
                side[path[1]] = value
                object[path[0]] = .object(side)
            } else {
                object[field.key] = value
            }
        }
        result = .object(object)
    }

    /// The flag of each field path the assessment decoder may name.
    var flags: [String: String] {
        Dictionary(
            (Self.fields[kind] ?? []).map { ("tests.\(kind.assessmentKey).\($0.key)", $0.option.definition.usage) },
            uniquingKeysWith: { first, _ in first })
    }

    func run(_ io: CommandIO) async throws {
        let cli = try CLIApplication.open(database: database, io: io, access: .write)
        let person = try await cli.person(.read)
        let outcome = try await cli.run(flags: flags) {
            try await cli.app.retest(person.id, kind: kind, result: result)
        }
        if json { return io.writeOutput(outcome.jsonValue.serialized()) }
        io.print("Retest of \(kind.rawValue) saved.")
        if outcome.stopped {
            return io.print("Your plan is stopped: see a clinician; a new assessment starts it again.")
        }
        if !outcome.answered.isEmpty { io.print("That answers the retest your logs asked for.") }
        if !outcome.resolved.isEmpty { io.print("Resolved: \(outcome.resolved.joined(separator: ", ")).") }
        if !outcome.unlocked.isEmpty { io.print("Unlocked: \(outcome.unlocked.joined(separator: ", ")).") }
        if let version = outcome.version {
            io.print("Your plan changed: version \(version.version). See 'glute plan'.")
        } else {
            io.print("Your plan stays as it is.")
        }
    }
}

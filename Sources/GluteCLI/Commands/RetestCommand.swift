internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// `glute retest TEST`: repeats one self-test.
///
/// The result is kept, the gates are re-evaluated,
/// and when the findings change a new plan version is made from the latest assessment with this
/// test replaced, with the reason recorded.
struct RetestCommand: ParsableCommand {
    /// One answer of a retest: the flag suffix, the key in the assessment format and its kind.
    struct Field {
        enum Kind { case int(ClosedRange<Int>), bool, choice([String]) }
        let flag: String
        let key: String
        let kind: Kind
    }

    static let fields: [String: (perSide: Bool, fields: [Field])] = [
        "single-leg-bridge": (
            true,
            [
                Field(flag: "reps", key: "reps", kind: .int(Assessment.Limits.bridgeReps)),
                Field(flag: "felt", key: "feltIn", kind: .choice(FeltIn.allCases.map(\.rawValue))),
                Field(flag: "level", key: "pelvisLevel", kind: .bool),
            ]
        ),
        "single-leg-deadlift": (
            true, [Field(flag: "balance", key: "balance", kind: .choice(Balance.allCases.map(\.rawValue)))]
        ),
        "single-leg-stance": (true, [Field(flag: "drop", key: "hipDrop", kind: .bool)]),
        "single-leg-squat": (
            true, [Field(flag: "valgus", key: "kneeValgus", kind: .choice(KneeValgus.allCases.map(\.rawValue)))]
        ),
        "glute-squeeze": (
            true,
            [
                Field(flag: "isolated", key: "isolated", kind: .choice(Isolation.allCases.map(\.rawValue))),
                Field(flag: "strength", key: "strength", kind: .int(Assessment.Limits.squeezeStrength)),
            ]
        ),
        "hip-hinge": (false, [Field(flag: "pass", key: "pass", kind: .bool)]),
    ]

    static let configuration = CommandConfiguration(
        commandName: "retest",
        abstract: "Repeat a self-test; passed retests unlock gated work.",
        discussion: """
            Tests: single-leg-bridge (--left-reps --left-felt [--left-level] and the same for right), \
            single-leg-deadlift (--left-balance --right-balance), single-leg-stance (--left-drop --right-drop), \
            single-leg-squat (--left-valgus --right-valgus), glute-squeeze (--left-isolated [--left-strength] ...), \
            hip-hinge (--pass yes|no).
            """,
        arguments: [ArgumentDefinition("test", help: "The test to repeat.")],
        options: Array(
            Set(
                fields.values.flatMap { entry in
                    entry.perSide
                        ? entry.fields.flatMap { ["left-\($0.flag)", "right-\($0.flag)"] } : entry.fields.map(\.flag)
                })
        ).sorted().map { OptionDefinition.option($0, value: "value", help: "An answer of the test.") }
            + [CommonOptions.database, CommonOptions.json]
    )

    let test: String
    let result: JSONValue
    let database: String?
    let json: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        test = parsed.positional(0) ?? ""
        guard let spec = Self.fields[test] else {
            throw CLIError.usage("Unknown test '\(test)'. Tests: \(Self.fields.keys.sorted().joined(separator: ", ")).")
        }
        database = parsed.option("database")
        json = parsed.flag("json")
        var object = JSONObject()
        if spec.perSide {
            for side in ["left", "right"] {
                var sideObject = JSONObject()
                for (index, field) in spec.fields.enumerated() {
                    sideObject[field.key] = try Self.read(
                        parsed, "\(side)-\(field.flag)", field, required: index == 0, test: test)
                }
                object[side] = .object(sideObject)
            }
        } else {
            for field in spec.fields {
                object[field.key] = try Self.read(parsed, field.flag, field, required: true, test: test)
            }
        }
        result = .object(object)
    }

    static func read(_ parsed: ParsedArguments, _ flag: String, _ field: Field, required: Bool, test: String)
        throws(CLIError) -> JSONValue?
    {
        let value: JSONValue?
        switch field.kind {
        case .int(let range):
            value = try parsed.option(flag, expecting: "a whole number from \(range.lowerBound) to \(range.upperBound)")
            {
                Int($0).flatMap { range.contains($0) ? JSONValue.int($0) : nil }
            }
        case .bool:
            value = try parsed.option(flag, expecting: "yes or no") {
                ["yes": JSONValue.bool(true), "no": .bool(false)][$0]
            }
        case .choice(let options):
            value = try parsed.option(flag, expecting: options.joined(separator: ", ")) {
                options.contains($0) ? .string($0) : nil
            }
        }
        if value == nil, required { throw CLIError.usage("Missing expected argument '--\(flag) <value>' for \(test)") }
        return value
    }

    func run(_ io: CommandIO) async throws {
        let access = try await StoreAccess.open(database: database, io: io)
        let outcome = try await RetestFlow.apply(test: test, result: result, access: access)
        let resolved = outcome.resolved, unlocked = outcome.unlocked, newVersion = outcome.planVersion
        let gatesAfter = outcome.openGates
        if json {
            io.writeOutput(
                JSONValue.object([
                    "test": .string(test), "result": result, "resolved": .strings(resolved),
                    "unlocked": .strings(unlocked),
                    "openGates": .strings(gatesAfter), "planVersion": .optional(newVersion, JSONValue.int),
                ]).serialized())
            return
        }
        io.print("Retest of \(test) saved.")
        if !resolved.isEmpty { io.print("Resolved: \(resolved.joined(separator: ", ")).") }
        if !unlocked.isEmpty { io.print("Unlocked: \(unlocked.joined(separator: ", ")).") }
        if let newVersion {
            io.print("Your plan changed: version \(newVersion). See 'glute plan'.")
        } else {
            io.print("Your plan stays as it is.")
        }
    }
}

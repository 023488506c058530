internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// What happens when a test is repeated: the result is kept, the gates are re-evaluated, and
/// when the findings or the gates change, a new plan version is made from the latest assessment
/// with this test replaced, its reason recorded.
enum RetestFlow {
    struct Outcome {
        var resolved: [String]
        var unlocked: [String]
        var openGates: [String]
        var planVersion: Int?
    }

    /// Applies a retest whose `result` has the shape of the assessment format's test.
    static func apply(test: String, result: JSONValue, access: StoreAccess) async throws -> Outcome {
        let io = access.io
        let knowledge = try KnowledgeBase.bundled()
        let before = try await access.requirePlan()
        let (input, latest) = try await latestInput(access)
        let key = RetestRecord.tests.first { $0.name == test }?.key ?? test
        var edited = input
        var tests = edited["tests"]?.objectValue ?? JSONObject()
        tests[key] = result
        edited["tests"] = .object(tests)
        let assessment: Assessment
        do { assessment = try Assessment.decode(.object(edited)) } catch {
            throw CLIError.usage("Invalid retest: \(error)")
        }
        let gatesBefore = GateEvaluator().openGates(from: try await access.retestResults())
        _ = try await access.store.recordRetest(
            for: access.person.id, testName: test, side: nil,
            resultJSON: result.serialized(.compact), takenAt: io.timestamp)
        let gatesAfter = GateEvaluator().openGates(from: try await access.retestResults())
        let evaluated = AssessmentEngine.evaluate(assessment, knowledge: knowledge, startingOn: before.plan.startsOn)
        let oldCodes = Set(
            (try? JSONValue.parse(latest.outputJSON))?.objectValue?["findings"]?.arrayValue?
                .compactMap { $0.objectValue?["code"]?.stringValue } ?? [])
        let newCodes = Set(evaluated.findings.map(\.code.rawValue))
        let resolved = oldCodes.subtracting(newCodes).sorted()
        let raised = newCodes.subtracting(oldCodes).sorted()
        let unlocked = gatesAfter.subtracting(gatesBefore).map(\.rawValue).sorted()
        var version: Int?
        if let plan = evaluated.plan, !resolved.isEmpty || !unlocked.isEmpty || !raised.isEmpty {
            var reason = "retest of \(test) on \(io.today)"
            if !resolved.isEmpty { reason += "; resolved \(resolved.joined(separator: ", "))" }
            if !raised.isEmpty { reason += "; found \(raised.joined(separator: ", "))" }
            if !unlocked.isEmpty { reason += "; unlocked \(unlocked.joined(separator: ", "))" }
            version = try await access.store.recordAssessment(
                for: access.person.id, inputJSON: JSONValue.object(edited).serialized(),
                outputJSON: evaluated.jsonValue.serialized(), takenAt: io.timestamp,
                plan: (plan.jsonValue.serialized(), reason)
            ).plan?.version
        }
        return Outcome(
            resolved: resolved, unlocked: unlocked, openGates: gatesAfter.map(\.rawValue).sorted(), planVersion: version
        )
    }

    /// The latest assessment's input document.
    static func latestInput(_ access: StoreAccess) async throws -> (JSONObject, AssessmentRecord) {
        guard let latest = try await access.store.latestAssessment(for: access.person.id),
            case .object(let input)? = try? JSONValue.parse(latest.inputJSON)
        else { throw CLIError.failure("there is no assessment yet: run 'glute assess' first") }
        return (input, latest)
    }
}

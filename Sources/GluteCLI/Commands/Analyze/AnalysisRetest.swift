internal import GluteCore
internal import GluteJSON

/// Fills the matching self-test of the latest assessment with what a recording measured, and
/// keeps it as a retest: the single-leg squat's knee valgus, the single-leg stance's hip drop.
///
/// A side the recording did not measure keeps its answer from the latest assessment.
enum AnalysisRetest {
    static func save(_ answers: AssessmentAnswers, access: StoreAccess) async throws -> String {
        let mapping: (name: String, key: String, field: String)
        switch answers.test {
        case .singleLegSquat: mapping = ("single-leg-squat", "singleLegSquat", "kneeValgus")
        case .singleLegStance: mapping = ("single-leg-stance", "singleLegStance", "hipDrop")
        default:
            throw CLIError.failure(
                "a \(answers.test.rawValue) recording does not answer a self-test, so nothing was saved")
        }
        let (input, _) = try await RetestFlow.latestInput(access)
        let previous = input["tests"]?.objectValue?[mapping.key]?.objectValue
        var result = JSONObject()
        for side in Side.allCases {
            let measured: JSONValue? =
                answers.test == .singleLegSquat
                ? answers.kneeValgus[side].map { .string($0.rawValue) }
                : answers.hipDrop[side].map { .bool($0) }
            var sideObject = previous?[side.rawValue]?.objectValue ?? JSONObject()
            if let measured { sideObject[mapping.field] = measured }
            guard sideObject[mapping.field] != nil else {
                throw CLIError.failure(
                    "the recording did not measure the \(side.rawValue) side and the assessment has no answer for it; record that side too"
                )
            }
            result[side.rawValue] = .object(sideObject)
        }
        let outcome = try await RetestFlow.apply(test: mapping.name, result: .object(result), access: access)
        var text = "Saved as a retest of \(mapping.name)."
        if !outcome.resolved.isEmpty { text += " Resolved: \(outcome.resolved.joined(separator: ", "))." }
        if let version = outcome.planVersion { text += " Your plan changed: version \(version)." }
        return text
    }
}

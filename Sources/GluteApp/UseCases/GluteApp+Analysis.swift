public import GluteCore
internal import GluteJSON
public import GluteStore

extension GluteApp {
    /// Keeps what a recording measured as a retest of the matching self-test (the single-leg
    /// squat's knee valgus, the single-leg stance's hip drop) and applies it like any retest.
    ///
    /// A side the recording did not measure keeps its answer from the latest assessment.
    ///
    /// - Throws: ``AppError`` (``AppError/Code/precondition``) for a recording that answers no
    ///   self-test, or a side that neither the recording nor the assessment answers.
    public func saveAnalysis(_ person: Person.ID, answers: AssessmentAnswers) async throws -> RetestDone {
        let mapping: (kind: RetestKind, field: String)
        switch answers.test {
        case .singleLegSquat: mapping = (.singleLegSquat, "kneeValgus")
        case .singleLegStance: mapping = (.singleLegStance, "hipDrop")
        default:
            throw AppError(
                code: .precondition,
                message: "a \(answers.test.rawValue) recording does not answer a self-test, so nothing was saved")
        }
        let latest = try await reading(person) { tx, _ in try tx.latestAssessment(for: person) }
        guard let latest else { throw AppError.noAssessment() }
        let previous = latest.input.objectValue?["tests"]?.objectValue?[mapping.kind.assessmentKey]?.objectValue
        var result = JSONObject()
        for side in Side.allCases {
            let measured: JSONValue? =
                answers.test == .singleLegSquat
                ? answers.kneeValgus[side].map { .string($0.rawValue) } : answers.hipDrop[side].map { .bool($0) }
            var sideObject = previous?[side.rawValue]?.objectValue ?? JSONObject()
            if let measured { sideObject[mapping.field] = measured }
            guard sideObject[mapping.field] != nil else {
                throw AppError(
                    code: .precondition,
                    message:
                        "the recording did not measure the \(side.rawValue) side and the assessment has no answer for it; record that side too"
                )
            }
            result[side.rawValue] = .object(sideObject)
        }
        return try await retest(person, kind: mapping.kind, result: .object(result))
    }
}

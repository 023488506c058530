public import GluteJSON

/// A validated retest result: the kind of test and its answers, in the shape the assessment
/// format gives that test.
///
/// Validation is the assessment decoder's own, so a bad answer names its field as an assessment
/// would (`tests.singleLegBridge.left.reps: must be between 0 and 200`).
///
/// ```swift
/// let outcome = try RetestOutcome(kind: .singleLegBridge, result: [
///     "left": ["reps": 18, "feltIn": "glutes"], "right": ["reps": 19, "feltIn": "glutes"]])
/// let edited = outcome.replacingTest(in: latestInput)   // the assessment with this test retaken
/// ```
public struct RetestOutcome: Sendable, Equatable {
    /// Which test.
    public let kind: RetestKind
    /// The answers, as given.
    public let result: JSONValue
    /// The answers decoded: only this test is set.
    public let tests: SelfTests

    /// Validates `result` as the answers of `kind`.
    ///
    /// - Throws: ``FieldError`` naming the field under `tests.<key>`.
    public init(kind: RetestKind, result: JSONValue) throws(FieldError) {
        let reader = try JSONObjectReader(
            .object([kind.assessmentKey: result]), path: "tests", allowedKeys: SelfTests.keys)
        self.kind = kind
        self.result = result
        self.tests = try SelfTests.decode(reader)
    }

    /// What the gate evaluator reads from this result, dated `date`.
    public func gateResult(on date: CivilDate) -> RetestResult { kind.gateResult(result, date: date) }

    /// The assessment input document `input` with this test replaced by the retaken one.
    public func replacingTest(in input: JSONValue) -> JSONValue {
        guard var document = input.objectValue else { return input }
        var tests = document["tests"]?.objectValue ?? JSONObject()
        tests[kind.assessmentKey] = result
        document["tests"] = .object(tests)
        return .object(document)
    }
}

public import GluteJSON

/// The engine's front door: an assessment in, findings and a plan out.
///
/// ```swift
/// let result = try AssessmentEngine.evaluate(json: text, startingOn: CivilDate("2026-11-26")!)
/// print(result.jsonValue.serialized())
/// ```
public enum AssessmentEngine {
    /// Findings and plan for a decoded assessment.
    public static func evaluate(_ assessment: Assessment, knowledge: KnowledgeBase, startingOn start: CivilDate)
        -> AssessmentResult
    {
        let findings = FindingRules.findings(for: assessment)
        let plan = PlanGenerator.plan(for: assessment, findings: findings, knowledge: knowledge, startingOn: start)
        return AssessmentResult(findings: findings, plan: plan)
    }

    /// Decodes `json` strictly, then evaluates it with the bundled knowledge base.
    /// - Throws: ``FieldError`` naming the field of the first problem.
    public static func evaluate(json: String, startingOn start: CivilDate) throws(FieldError) -> AssessmentResult {
        let assessment = try Assessment.decode(json)
        return evaluate(assessment, knowledge: try KnowledgeBase.bundled(), startingOn: start)
    }
}

/// What an assessment produced.
public struct AssessmentResult: Sendable, Equatable {
    /// The findings, safety first, in the order of the format's table.
    public var findings: [Finding]
    /// `nil` when a finding has severity `stop`.
    public var plan: Plan?

    /// Creates a result.
    public init(findings: [Finding], plan: Plan?) {
        self.findings = findings
        self.plan = plan
    }
}

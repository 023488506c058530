internal import GluteCore
public import GluteJSON
public import GluteStore

/// The plan version in force: an active plan or a stop.
public struct PlanView: Sendable {
    /// The version.
    public var version: PlanVersion

    /// `{ "version", "status", "reason", "createdAt", "plan", "stop" }`: `plan` is `null` for a stop,
    /// `stop` is `null` for an active plan.
    public var jsonValue: JSONValue {
        .object([
            "version": .int(version.version),
            "status": .string(version.plan == nil ? "stopped" : "active"),
            "reason": .string(version.reason),
            "createdAt": .string(version.createdAt.description),
            "plan": .optional(version.plan, \.jsonValue),
            "stop": .optional(version.stopReason) { StopNotice(reason: $0).jsonValue },
        ])
    }
}

/// What every daily view shows instead of training when the plan is stopped.
public struct StopNotice: Sendable, Equatable {
    /// Why the plan stopped.
    public var reason: String

    /// Creates the notice for a stop made for `reason`.
    public init(reason: String) { self.reason = reason }

    /// The advice, in words.
    public var advice: String {
        "See a clinician before training again. Nothing is prescribed until a new assessment passes the safety screen."
    }

    /// `{ "seeClinician": true, "reason", "advice" }`.
    public var jsonValue: JSONValue {
        .object(["seeClinician": true, "reason": .string(reason), "advice": .string(advice)])
    }
}

extension PlanVersion {
    /// `{ "version", "status", "reason", "createdAt" }`: one line of the plan history.
    public var summaryJSON: JSONValue {
        .object([
            "version": .int(version),
            "status": .string(plan == nil ? "stopped" : "active"),
            "reason": .string(reason),
            "createdAt": .string(createdAt.description),
        ])
    }
}

extension GluteApp {
    /// The plan version in force.
    ///
    /// - Throws: ``AppError`` (``AppError/Code/precondition``) before the first assessment.
    public func plan(_ person: Person.ID) async throws -> PlanView {
        try await reading(person) { tx, _ in
            guard let version = try tx.currentPlan(for: person) else { throw AppError.noPlan() }
            return PlanView(version: version)
        }
    }

    /// Every plan version, version 1 first, each with the reason it was made.
    public func planHistory(_ person: Person.ID) async throws -> [PlanVersion] {
        try await reading(person) { tx, _ in try tx.planHistory(for: person) }
    }

    /// The person's findings: those of the latest assessment.
    public func findings(_ person: Person.ID) async throws -> JSONValue {
        try await reading(person) { tx, _ in
            guard let latest = try tx.latestAssessment(for: person) else { throw AppError.noAssessment() }
            return .object([
                "takenAt": .string(latest.takenAt.description),
                "findings": latest.output.objectValue?["findings"] ?? .array([]),
            ])
        }
    }
}

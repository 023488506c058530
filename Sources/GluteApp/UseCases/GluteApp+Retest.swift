public import GluteCore
public import GluteJSON
public import GluteStore

/// What a retest did: which findings it resolved or raised, which gates it opened, and the plan
/// version it made, if the plan changed.
public struct RetestDone: Sendable {
    /// The retest as kept.
    public var retest: Retest
    /// Finding codes the latest assessment had and the retest no longer gives.
    public var resolved: [String]
    /// Finding codes the retest gives that the latest assessment did not.
    public var raised: [String]
    /// Gates the new plan no longer has.
    public var unlocked: [String]
    /// Gates still closed.
    public var closedGates: [String]
    /// The new plan version, when the plan changed.
    public var version: PlanVersion?
    /// The items whose request for this retest it answered.
    public var answered: [ItemKey]
    /// Whether the plan is stopped (the retest is kept and changes nothing until a new assessment).
    public var stopped: Bool

    /// The standard gates the plan in force leaves open.
    public var openGates: [String] {
        Gate.standard.map(\.code.rawValue).filter { !closedGates.contains($0) }
    }

    /// `{ "test", "result", "resolved", "raised", "unlocked", "openGates", "closedGates", "planVersion", "answered" }`.
    public var jsonValue: JSONValue {
        .object([
            "test": .string(retest.kind.rawValue), "result": retest.result, "resolved": .strings(resolved),
            "raised": .strings(raised), "unlocked": .strings(unlocked), "openGates": .strings(openGates),
            "closedGates": .strings(closedGates), "planVersion": .optional(version?.version, JSONValue.int),
            "answered": .strings(answered.map(\.description)), "stopped": .bool(stopped),
        ])
    }
}

extension GluteApp {
    /// Keeps a retest and applies it: the latest assessment is evaluated again with this test
    /// retaken, and when the findings or the gates change a new plan version is made (the person
    /// keeps what they achieved); the items that asked for this retest are answered.
    ///
    /// - Throws: ``AppError`` naming the field of a bad answer (`tests.singleLegBridge.left.reps`).
    public func retest(_ person: Person.ID, kind: RetestKind, result: JSONValue) async throws -> RetestDone {
        let outcome: RetestOutcome
        do { outcome = try RetestOutcome(kind: kind, result: result) } catch { throw AppError.invalid(error) }
        let now = clock.now()
        let knowledge = self.knowledge
        let fallback = defaultTimeZone
        return try await writing(person, keeping: .logged(now), at: now) { tx, record in
            guard let latest = try tx.latestAssessment(for: person) else { throw AppError.noAssessment() }
            let saved = try tx.insertRetest(for: person, kind: kind, result: result, takenAt: now)
            guard let version = try tx.currentPlan(for: person), let plan = version.plan else {
                return RetestDone(
                    retest: saved, resolved: [], raised: [], unlocked: [], closedGates: [], version: nil, answered: [],
                    stopped: true)
            }
            let zone = record.zone(fallback: fallback)
            let tracking = Tracking(knowledge: knowledge, zone: zone, person: person)
            var states = try tracking.states(tx, of: version)
            var answered = states.values.filter { $0.retestDue == kind }.map(\.key).sorted()
            states = states.mapValues { $0.answering(kind) }
            try tx.saveItemStates(states.values.sorted { $0.key < $1.key }, plan: version.id, for: person, at: now)
            let edited = outcome.replacingTest(in: latest.input)
            let assessment = try AppError.checked { () throws(FieldError) in try Assessment.decode(edited) }
            let evaluated = AssessmentEngine.evaluate(assessment, knowledge: knowledge, startingOn: plan.startsOn)
            let before = Set(latest.findingCodes)
            let after = Set(evaluated.findings.map(\.code.rawValue))
            let gatesBefore = Set(plan.gates.map(\.code))
            let gatesAfter = Set(evaluated.plan?.gates.map(\.code) ?? plan.gates.map(\.code))
            let resolved = before.subtracting(after).sorted()
            let raised = after.subtracting(before).sorted()
            let unlocked = gatesBefore.subtracting(gatesAfter).sorted()
            var made: PlanVersion?
            let versions = PlanVersions(knowledge: knowledge, person: person)
            if let evaluatedPlan = evaluated.plan, !resolved.isEmpty || !raised.isEmpty || gatesBefore != gatesAfter {
                // The exercises that hurt since the last assessment stay out.
                let (newPlan, keptOut) = try versions.keepingPainSwaps(
                    evaluatedPlan, tx: tx, equipment: assessment.profile.equipment)
                var reason = "retest of \(kind.rawValue) on \(zone.localDate(now))"
                if !resolved.isEmpty { reason += "; resolved \(resolved.joined(separator: ", "))" }
                if !raised.isEmpty { reason += "; found \(raised.joined(separator: ", "))" }
                if !unlocked.isEmpty { reason += "; unlocked \(unlocked.joined(separator: ", "))" }
                if !keptOut.isEmpty { reason += "; still without \(keptOut.joined(separator: ", ")) (pain)" }
                let kept = try tx.insertAssessment(
                    for: person, inputText: edited.serialized(), output: evaluated.jsonValue, takenAt: now)
                let version = try versions.start(
                    newPlan, reason: reason, assessment: kept.id, causes: [saved.id.rawValue], tx: tx, at: now)
                // An item the new version brings back from an older one asked for this retest
                // there: it is answered too.
                let carried = try tx.itemStates(plan: version.id, for: person)
                let asking = carried.filter { $0.retestDue == kind }
                if !asking.isEmpty {
                    try tx.saveItemStates(asking.map { $0.answering(kind) }, plan: version.id, for: person, at: now)
                    answered = Set(answered + asking.map(\.key)).sorted()
                }
                made = version
            }
            return RetestDone(
                retest: saved, resolved: resolved, raised: raised, unlocked: unlocked, closedGates: gatesAfter.sorted(),
                version: made, answered: answered, stopped: false)
        }
    }
}

internal import GluteCore
public import GluteJSON
public import GluteStore

extension GluteApp {
    /// A coach's edit of a client's plan: a new plan version, checked by the engine against the
    /// same gates (see ``GluteCore/CoachPlanEdit``), with the coach's reason.
    ///
    /// The coach sends the plan as ``PlanView/jsonValue`` gives it (its `plan` member), changed:
    /// exercises swapped for others from the catalogue, sets, reps, loads, days, the wake-up
    /// interval. Gates, dates and notes stay as they are. Items whose dose changed start from the
    /// new prescription; every other item keeps what the client achieved.
    ///
    /// - Parameters:
    ///   - coach: the coach's account.
    ///   - client: the client's person; they must have accepted the coach's invitation.
    ///   - plan: the edited plan document.
    ///   - reason: why, 1 to 400 characters; recorded in the version's reason.
    /// - Throws: ``AppError/Code/notFound`` for someone who is not the coach's client;
    ///   ``AppError/Code/precondition`` when the plan is stopped (an edit never lifts a stop) or
    ///   there is no assessment; ``AppError`` naming the field (`plan.week[0].sessions[1].items[2].load`)
    ///   for an edit the gates forbid.
    public func editClientPlan(_ coach: Account.ID, client: Person.ID, plan: JSONValue, reason: String) async throws
        -> PlanView
    {
        let reason = reason.trimmingCharacters()
        guard (1...400).contains(reason.unicodeScalars.count) else {
            throw AppError.invalid("reason", "must be 1 to 400 characters: say why the plan changes")
        }
        let edited = try AppError.checked { () throws(FieldError) in try Plan.decode(plan, path: "plan") }
        let now = clock.now()
        let knowledge = self.knowledge
        return try await writing(client, keeping: .none, at: now) { tx, _ in
            _ = try Self.requireClient(client, of: coach, tx)
            guard let version = try tx.currentPlan(for: client) else { throw AppError.noPlan() }
            guard let current = version.plan else {
                throw AppError(
                    code: .precondition,
                    message:
                        "the plan is stopped (\(version.reason)): only a new assessment that passes the safety screen starts it again"
                )
            }
            guard let latest = try tx.latestAssessment(for: client) else { throw AppError.noAssessment() }
            let assessment = try AppError.checked { () throws(FieldError) in try Assessment.decode(latest.input) }
            let findings = AssessmentEngine.evaluate(assessment, knowledge: knowledge, startingOn: current.startsOn)
                .findings
            let revised = try AppError.checked { () throws(FieldError) in
                try CoachPlanEdit.revise(
                    current, with: edited, assessment: assessment, findings: findings, knowledge: knowledge,
                    reason: reason)
            }
            let made = try PlanVersions(knowledge: knowledge, person: client).start(
                revised, reason: "coach edit: \(reason)", assessment: version.assessmentID, causes: [], tx: tx, at: now,
                restarting: Self.changedDoses(from: current, to: revised, knowledge: knowledge))
            return PlanView(version: made)
        }
    }

    /// The item keys of `revised` whose prescription differs from the same exercise's in the same
    /// session of `current` (new items start fresh anyway).
    static func changedDoses(from current: Plan, to revised: Plan, knowledge: KnowledgeBase) -> Set<ItemKey> {
        var keys: Set<ItemKey> = []
        for (day, session) in revised.sessions {
            let before = current.week.first { $0.day == day }?.sessions.first { $0.kind == session.kind }?.items ?? []
            for item in session.items {
                guard let old = before.first(where: { $0.exercise == item.exercise }),
                    old.sets != item.sets || old.reps != item.reps || old.repRange != item.repRange
                        || old.seconds != item.seconds || old.load != item.load
                else { continue }
                for side in PlanTracker.sides(of: item, knowledge: knowledge) {
                    keys.insert(ItemKey(kind: session.kind, exercise: item.exercise, side: side))
                }
            }
        }
        return keys
    }
}

extension String {
    /// The text without surrounding white space.
    func trimmingCharacters() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

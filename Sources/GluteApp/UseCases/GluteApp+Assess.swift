public import GluteCore
internal import GluteJSON
public import GluteStore

/// What keeping an assessment did.
public struct AssessOutcome: Sendable {
    /// The findings and the plan (or none, after a stopping finding).
    public var result: AssessmentResult
    /// The stored assessment.
    public var assessment: AssessmentRecord
    /// The plan version it made: active, or a stop.
    public var version: PlanVersion
    /// Whether it was the person's first assessment.
    public var isFirst: Bool
}

extension GluteApp {
    /// Decodes an assessment document and evaluates it, starting the plan on `date`, without
    /// keeping anything.
    ///
    /// - Throws: ``AppError`` with code ``AppError/Code/invalidInput`` naming the field.
    public static func evaluate(inputText: String, knowledge: KnowledgeBase, startingOn date: CivilDate) throws
        -> AssessmentResult
    {
        let assessment: Assessment
        do { assessment = try Assessment.decode(inputText) } catch { throw AppError.invalid(error) }
        return AssessmentEngine.evaluate(assessment, knowledge: knowledge, startingOn: date)
    }

    /// Today's date for `person` (in their zone).
    public func today(of person: Person) -> CivilDate { zone(person).localDate(clock.now()) }

    /// Evaluates an assessment document and keeps it with the plan version it makes.
    ///
    /// A result with a stopping finding keeps a stop: `today`, `next`, the guided session, the
    /// calendar and the reminders send the person to a clinician until a new assessment passes
    /// the screen. A plan that follows an earlier one keeps what the person achieved on every
    /// exercise that continues. A `profile.timeZone` becomes the person's zone.
    public func assess(_ person: Person.ID, inputText: String) async throws -> AssessOutcome {
        guard let record = try await self.person(person) else { throw AppError.noSuchPerson() }
        let assessment: Assessment
        do { assessment = try Assessment.decode(inputText) } catch { throw AppError.invalid(error) }
        let zone = assessment.profile.timeZone.flatMap(TimeZoneRules.init(identifier:)) ?? self.zone(record)
        let result = AssessmentEngine.evaluate(
            assessment, knowledge: knowledge, startingOn: zone.localDate(clock.now()))
        return try await keep(person, inputText: inputText, result: result, timeZone: assessment.profile.timeZone)
    }

    /// Keeps an assessment whose result is already made (an interview the safety screen stopped
    /// half-way keeps its answers and the screening findings).
    public func keep(_ person: Person.ID, inputText: String, result: AssessmentResult, timeZone: String? = nil)
        async throws -> AssessOutcome
    {
        let now = clock.now()
        let knowledge = self.knowledge
        let defaultZone = defaultTimeZone
        return try await writing(person, keeping: .none, at: now) { tx, record in
            if let timeZone { try tx.setTimeZone(timeZone, for: person) }
            let zone = timeZone.flatMap(TimeZoneRules.init(identifier:)) ?? record.zone(fallback: defaultZone)
            let isFirst = try tx.latestAssessment(for: person) == nil
            let saved = try tx.insertAssessment(
                for: person, inputText: inputText, output: result.jsonValue, takenAt: now)
            let today = zone.localDate(now)
            let version: PlanVersion
            if let plan = result.plan {
                let reason = isFirst ? "first assessment on \(today)" : "reassessment on \(today)"
                version = try PlanVersions(knowledge: knowledge, person: person).start(
                    plan, reason: reason, assessment: saved.id, causes: [], tx: tx, at: now)
            } else {
                let codes = result.findings.filter { $0.severity == .stop }.map(\.code.rawValue)
                version = try PlanVersions(knowledge: knowledge, person: person).stop(
                    reason: "stopped: see a clinician on \(today) (\(codes.joined(separator: ", ")))",
                    assessment: saved.id, causes: [], tx: tx, at: now)
            }
            return AssessOutcome(result: result, assessment: saved, version: version, isFirst: isFirst)
        }
    }
}

/// Making new plan versions, with the progression carried over.
struct PlanVersions {
    let knowledge: KnowledgeBase
    let person: Person.ID

    /// Saves `plan` as the next active version and the states its items start from: carried
    /// over from the latest known state of each item that continues, except the items in
    /// `restarting`, which start at the new version's prescription (a coach changed their dose).
    func start(
        _ plan: Plan, reason: String, assessment: AssessmentRecord.ID?, causes: [String], tx: any StoreWriter,
        at now: Timestamp, restarting: Set<ItemKey> = []
    ) throws -> PlanVersion {
        let earlier = try tx.latestItemStates(for: person).filter { !restarting.contains($0.key) }
        let version = try tx.insertPlan(
            for: person, status: .active(plan), reason: String(reason.prefix(500)), assessment: assessment,
            causes: causes, at: now)
        let states = PlanTracker(plan: plan, knowledge: knowledge).initialStates(carryingOver: earlier)
        try tx.saveItemStates(states.values.sorted { $0.key < $1.key }, plan: version.id, for: person, at: now)
        return version
    }

    /// The exercises that hurt with pain of 4 to 6 since the latest new assessment, oldest first,
    /// each with the pain logged: the swaps every later version keeps until a new assessment.
    ///
    /// A version a new assessment made has no causes and an assessment no earlier version had (a
    /// retest's version has the retest as its cause; a version brought back by a deletion shares
    /// its assessment). A swap counts while the set that caused it is kept; what it took out is
    /// what its version no longer has of the active version before it.
    func painSwapsInForce(_ tx: any StoreReader) throws -> [(exercise: String, pain: Int)] {
        let history = try tx.planHistory(for: person)
        var assessments: Set<AssessmentRecord.ID> = []
        var start = 0
        for (index, version) in history.enumerated() {
            if version.causes.isEmpty, let assessment = version.assessmentID, !assessments.contains(assessment) {
                start = index
            }
            if let assessment = version.assessmentID { assessments.insert(assessment) }
        }
        var swaps: [(exercise: String, pain: Int)] = []
        var previous = history.indices.contains(start) ? history[start].plan : nil
        for version in history.dropFirst(start + 1) {
            guard let plan = version.plan else { continue }
            defer { previous = plan }
            guard let before = previous else { continue }
            let swapPain = ProgressionRules.stopPain..<ProgressionRules.clinicianPain
            let pains = try version.causes.compactMap { try tx.loggedSet(.init(rawValue: $0), for: person) }
                .filter { !$0.numbness && swapPain.contains($0.pain) }.map(\.pain)
            guard let pain = pains.max() else { continue }
            let kept = Set(plan.sessions.flatMap { $0.session.items.map(\.exercise) })
            var removed: [String] = []
            for (_, session) in before.sessions {
                for item in session.items where !kept.contains(item.exercise) && !removed.contains(item.exercise) {
                    removed.append(item.exercise)
                }
            }
            swaps += removed.map { (exercise: $0, pain: pain) }
        }
        return swaps
    }

    /// `plan` with every swap in force applied again (a retest remakes the plan from the
    /// assessment, which still has the exercises that hurt).
    ///
    /// - Returns: the plan and the exercises it kept out.
    func keepingPainSwaps(_ plan: Plan, tx: any StoreReader, equipment: [Equipment]) throws
        -> (plan: Plan, keptOut: [String])
    {
        let swaps = try painSwapsInForce(tx)
        let painful = Set(swaps.map(\.exercise))
        var revised = plan
        var keptOut: [String] = []
        for swap in swaps {
            if let revision = PlanRevision.painSwap(
                in: revised, exercise: swap.exercise, pain: swap.pain, equipment: equipment, knowledge: knowledge,
                painful: painful)
            {
                revised = revision.plan
                keptOut.append(swap.exercise)
            }
        }
        return (revised, keptOut)
    }

    /// Saves a stop: nothing is prescribed until a new assessment passes the screen.
    func stop(
        reason: String, assessment: AssessmentRecord.ID?, causes: [String], tx: any StoreWriter, at now: Timestamp
    ) throws -> PlanVersion {
        let reason = String(reason.prefix(500))
        return try tx.insertPlan(
            for: person, status: .stopped(reason: reason), reason: reason, assessment: assessment, causes: causes,
            at: now)
    }
}

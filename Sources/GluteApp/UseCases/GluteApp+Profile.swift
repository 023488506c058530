public import GluteCore
public import GluteJSON
public import GluteStore

/// The parts of a profile a person changes without taking the assessment again; `nil` keeps one.
public struct ProfileChanges: Sendable, Equatable {
    /// Working hours and days, when wake-up calls ring.
    public var workHours: WorkHours?
    /// Days for strength sessions.
    public var trainingDays: [Weekday]?
    /// Minutes per session, 5 to 180.
    public var minutesPerSession: Int?
    /// An IANA time-zone name.
    public var timeZone: String?
    /// Minutes of sitting between wake-up calls, 30 to 90.
    public var wakeUpEveryMinutes: Int?

    /// Creates changes; give only what changes.
    public init(
        workHours: WorkHours? = nil, trainingDays: [Weekday]? = nil, minutesPerSession: Int? = nil,
        timeZone: String? = nil, wakeUpEveryMinutes: Int? = nil
    ) {
        self.workHours = workHours
        self.trainingDays = trainingDays
        self.minutesPerSession = minutesPerSession
        self.timeZone = timeZone
        self.wakeUpEveryMinutes = wakeUpEveryMinutes
    }

    /// The names of the fields given, in the format's words.
    var names: [String] {
        [
            workHours.map { _ in "work hours" }, trainingDays.map { _ in "training days" },
            minutesPerSession.map { _ in "minutes per session" }, timeZone.map { _ in "time zone" },
            wakeUpEveryMinutes.map { _ in "wake-up interval" },
        ].compactMap { $0 }
    }

    /// The profile object of an assessment document with these changes made.
    func applied(to profile: JSONObject) -> JSONObject {
        var profile = profile
        if let workHours {
            profile["workHours"] = .object([
                "start": .string(workHours.start.description), "end": .string(workHours.end.description),
                "days": .strings(workHours.days.map(\.rawValue)),
            ])
        }
        if let trainingDays { profile["trainingDays"] = .strings(trainingDays.map(\.rawValue)) }
        if let minutesPerSession { profile["minutesPerSession"] = .int(minutesPerSession) }
        if let timeZone { profile["timeZone"] = .string(timeZone) }
        if let wakeUpEveryMinutes { profile["wakeUpEveryMinutes"] = .int(wakeUpEveryMinutes) }
        return profile
    }
}

/// What a profile change did: the fields changed and the plan version it made.
public struct ProfileUpdated: Sendable {
    /// The fields changed, in words.
    public var changes: [String]
    /// The new plan version.
    public var plan: PlanView

    /// `{ "changes", "plan": {...} }`.
    public var jsonValue: JSONValue { .object(["changes": .strings(changes), "plan": plan.jsonValue]) }
}

extension GluteApp {
    /// Changes work hours, training days, minutes per session, the time zone or the wake-up
    /// interval, and makes a new plan version from the latest assessment with the new profile,
    /// without taking the assessment again.
    ///
    /// The person keeps what they achieved on every exercise that continues, and the
    /// reassessment date stays. An exercise that a logged pain took out of the plan since the
    /// assessment stays out (the swap is made again, with the same cause). A stopped plan is
    /// never restarted this way.
    ///
    /// - Throws: ``AppError`` naming the field (`profile.workHours.start`) for a value out of range;
    ///   ``AppError/Code/precondition`` before the first assessment or while the plan is stopped.
    public func updateProfile(_ person: Person.ID, _ changes: ProfileChanges) async throws -> ProfileUpdated {
        guard !changes.names.isEmpty else { throw AppError.invalid("profile", "give at least one change") }
        let now = clock.now()
        let knowledge = self.knowledge
        let fallback = defaultTimeZone
        return try await writing(person, keeping: .none, at: now) { tx, record in
            guard let latest = try tx.latestAssessment(for: person) else { throw AppError.noAssessment() }
            guard let version = try tx.currentPlan(for: person), let current = version.plan else {
                throw AppError(
                    code: .precondition,
                    message: "the plan is stopped: only a new assessment that passes the safety screen starts it again")
            }
            guard var document = latest.input.objectValue, let profile = document["profile"]?.objectValue else {
                throw AppError.noAssessment()
            }
            document["profile"] = .object(changes.applied(to: profile))
            let edited = JSONValue.object(document)
            let assessment = try AppError.checked { () throws(FieldError) in try Assessment.decode(edited) }
            if let zone = changes.timeZone { try tx.setTimeZone(zone, for: person) }
            let zone = changes.timeZone.flatMap(TimeZoneRules.init(identifier:)) ?? record.zone(fallback: fallback)
            let result = AssessmentEngine.evaluate(assessment, knowledge: knowledge, startingOn: zone.localDate(now))
            guard var plan = result.plan else {
                throw AppError(code: .precondition, message: "the profile gives no plan")
            }
            plan.reassessOn = current.reassessOn
            // Swaps that logged pain made since the assessment stay made.
            var causes: [String] = []
            let equipment = assessment.profile.equipment
            let derived = try tx.planHistory(for: person).filter { $0.assessmentID == latest.id }
            for cause in derived.flatMap(\.causes) {
                guard let set = try tx.loggedSet(.init(rawValue: cause), for: person),
                    set.pain >= ProgressionRules.stopPain,
                    let swap = PlanRevision.painSwap(
                        in: plan, exercise: set.exerciseID, pain: set.pain, equipment: equipment, knowledge: knowledge)
                else { continue }
                plan = swap.plan
                causes.append(cause)
            }
            let saved = try tx.insertAssessment(
                for: person, inputText: edited.serialized(), output: result.jsonValue, takenAt: now)
            let reason = "profile changed: \(changes.names.joined(separator: ", ")) on \(zone.localDate(now))"
            let made = try PlanVersions(knowledge: knowledge, person: person).start(
                plan, reason: reason, assessment: saved.id, causes: causes, tx: tx, at: now)
            return ProfileUpdated(changes: changes.names, plan: PlanView(version: made))
        }
    }
}

public import GluteCore
public import GluteJSON
public import GluteStore

/// What logging a wake-up call did.
public struct WakeUpLogged: Sendable {
    /// The log as kept.
    public var log: WakeUpCall
    /// The call it answered, on the person's clock; `nil` outside working hours (the log is kept
    /// and counts toward nothing).
    public var answered: LocalDateTime?
    /// Whether the call had already been answered by an earlier log (taps in a row count once).
    public var alreadyAnswered: Bool
    /// Whether the plan is stopped (the log is kept; no calls are asked for meanwhile).
    public var stopped: Bool

    /// `{ "logged": "wakeup", "outcome", "at", "answers", "counted", "alreadyAnswered" }`.
    public var jsonValue: JSONValue {
        .object([
            "logged": "wakeup", "outcome": .string(log.outcome.rawValue), "at": .string(log.at.description),
            "answers": .optional(log.answers) { .string($0.description) },
            "counted": .bool(log.answers != nil && !alreadyAnswered),
            "alreadyAnswered": .bool(alreadyAnswered), "stopped": .bool(stopped),
        ])
    }
}

extension GluteApp {
    /// Logs a wake-up call as done or skipped, at `time` (the clock's instant when `nil`).
    ///
    /// The log answers the call nearest to it in the working window, or, within five minutes of
    /// an earlier log that answered a call, that same call (taps in a row are one call even
    /// across the middle of an interval); several logs answering one call count once; a log
    /// outside working hours is kept and counts toward nothing.
    ///
    /// - Throws: ``AppError`` on `at` for a time in the future beyond `aheadTolerance` seconds.
    public func logWakeUpCall(
        _ person: Person.ID, outcome: WakeUpOutcome, at time: Timestamp? = nil, aheadTolerance: Int64 = 0
    ) async throws -> WakeUpLogged {
        let now = clock.now()
        let at = time ?? now
        guard at <= now.adding(seconds: aheadTolerance) else { throw AppError.invalid("at", "is in the future") }
        return try await writing(person, keeping: .logged(at), at: now) { tx, record in
            try self.recordWakeUpCall(outcome, at: at, for: record, tx: tx)
        }
    }

    /// Keeps a checked wake-up call log, inside the caller's write transaction: the body of
    /// ``logWakeUpCall(_:outcome:at:aheadTolerance:)``.
    func recordWakeUpCall(_ outcome: WakeUpOutcome, at: Timestamp, for record: Person, tx: any StoreWriter) throws
        -> WakeUpLogged
    {
        let person = record.id
        let fallback = defaultTimeZone
        let zone = record.zone(fallback: fallback)
        let version = try tx.currentPlan(for: person)
        var call: LocalDateTime?
        var already = false
        if let plan = version?.plan {
            let day = WakeUpDay(calls: plan.wakeUpCalls, zone: zone)
            let earlier = try tx.wakeUpCalls(
                for: person, in: at.adding(seconds: -day.margin)..<at.adding(milliseconds: 1))
            call = day.call(answeredAt: at, earlier: earlier)
            if let call { already = earlier.contains { day.call(of: $0) == call } }
        }
        let answers = call.map { zone.instant($0) }
        let log = try tx.insertWakeUpCall(for: person, at: at, outcome: outcome, answers: answers)
        return WakeUpLogged(
            log: log, answered: call, alreadyAnswered: already, stopped: version != nil && version?.plan == nil)
    }
}

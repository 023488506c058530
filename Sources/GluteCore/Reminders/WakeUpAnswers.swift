/// One logged answer to a wake-up call ("done" or "skip"), at a local date-time.
public struct WakeUpLog: Sendable, Equatable {
    /// When it was logged (for the terminal reminder: when the call rang), in local time.
    public var at: LocalDateTime
    /// Done or skipped.
    public var outcome: WakeUpOutcome

    /// Creates a log entry.
    public init(at: LocalDateTime, outcome: WakeUpOutcome) {
        self.at = at
        self.outcome = outcome
    }
}

/// A call of the plan and the answer that counts for it.
public struct AnsweredCall: Sendable, Equatable {
    /// When the call rings.
    public var call: LocalDateTime
    /// Done when any log answering it says done; otherwise skipped.
    public var outcome: WakeUpOutcome
    /// How many logs answered it (the extra ones count for nothing).
    public var logs: Int
}

/// The wake-up calls of one local date against what was logged.
public struct WakeUpTally: Sendable, Equatable {
    /// The date.
    public var date: CivilDate
    /// Calls that ring on the date.
    public var planned: Int
    /// Calls at or before `now` (all of them when no `now` was given).
    public var dueSoFar: Int
    /// Calls answered as done; never more than ``planned``.
    public var done: Int
    /// Calls answered as skipped (and not also as done).
    public var skipped: Int
    /// Logs of the date that counted for no call; they are kept, not counted.
    ///
    /// Logs outside working hours, and second answers to a call already answered.
    public var uncounted: Int
}

extension WakeUpCalls {
    /// The calls that `logs` answer, earliest first.
    ///
    /// A log inside working hours answers the nearest call of its working period
    /// (``nearestCall(to:)``); several logs of one call answer it once, done when any of them is
    /// done. A log outside working hours, or in a period without calls, answers nothing.
    ///
    /// ```swift
    /// calls.answeredCalls([WakeUpLog(at: monday1002, outcome: .done), WakeUpLog(at: monday1010, outcome: .skip)])
    /// // one call, Monday 10:00, done, answered by 2 logs
    /// ```
    public func answeredCalls(_ logs: [WakeUpLog]) -> [AnsweredCall] {
        answeredCalls(logs, nearest: logs.map { nearestCall(to: $0.at) })
    }

    /// ``answeredCalls(_:)`` with each log's nearest call already found.
    private func answeredCalls(_ logs: [WakeUpLog], nearest: [LocalDateTime?]) -> [AnsweredCall] {
        var answered: [LocalDateTime: AnsweredCall] = [:]
        for (log, call) in zip(logs, nearest) {
            guard let call else { continue }
            var entry = answered[call] ?? AnsweredCall(call: call, outcome: log.outcome, logs: 0)
            if log.outcome == .done { entry.outcome = .done }
            entry.logs += 1
            answered[call] = entry
        }
        return answered.values.sorted { $0.call < $1.call }
    }

    /// The calls of `date` against `logs`: planned, due by `now`, done, skipped, and the logs of
    /// the date that counted for no call.
    ///
    /// `logs` may hold any dates: a log just before midnight can answer a night shift's first
    /// call after it, and counts for the date of the call it answers. Of several logs of one
    /// call the earliest counts; the others, and logs outside working hours, are uncounted on
    /// their own date.
    public func tally(on date: CivilDate, logs: [WakeUpLog], now: LocalDateTime? = nil) -> WakeUpTally {
        let calls = self.calls(on: date)
        // Each log's call is found once: finding it is most of the cost of a day's tally.
        let nearest = logs.map { nearestCall(to: $0.at) }
        let answered = answeredCalls(logs, nearest: nearest).filter { $0.call.date == date }
        let done = answered.filter { $0.outcome == .done }.count
        var answeredCalls = Set<LocalDateTime>()
        var uncounted = 0
        for index in logs.indices.sorted(by: { logs[$0].at < logs[$1].at }) {
            let counts = nearest[index].map { answeredCalls.insert($0).inserted } ?? false
            if logs[index].at.date == date, !counts { uncounted += 1 }
        }
        return WakeUpTally(
            date: date, planned: calls.count,
            dueSoFar: now.map { now in calls.filter { $0 <= now }.count } ?? calls.count, done: done,
            skipped: answered.count - done, uncounted: uncounted)
    }
}

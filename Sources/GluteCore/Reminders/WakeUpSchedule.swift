/// When the plan's wake-up calls ring: one every `everyMinutes` after `start`, before `end`, in
/// each working period starting on the plan's `days` (through midnight for a night shift), in
/// local time.
///
/// The terminal reminder asks it what to do at each poll with ``action(due:now:)``, which decides
/// on the wall clock: after a suspend a missed call rings once at once (when still inside working
/// hours), and calls missed together never ring as a burst.
///
/// ```swift
/// let schedule = WakeUpSchedule(calls: plan.wakeUpCalls)
/// schedule.nextCall(after: LocalDateTime(date: monday, hour: 9, minute: 0))  // Monday 10:00
/// ```
public struct WakeUpSchedule: Sendable, Equatable {
    /// What the reminder should do now.
    public enum Action: Sendable, Equatable {
        /// Nothing is due yet: wait (in short polls) until `due`.
        case wait(until: LocalDateTime)
        /// Ring now, once; the following call is `next` (`nil` when the plan has none).
        case ring(next: LocalDateTime?)
        /// A call was missed outside working hours (for example across a suspend): do not ring,
        /// go on to `next`.
        case skip(next: LocalDateTime?)
    }

    /// The plan's wake-up calls.
    public let calls: WakeUpCalls

    /// Creates the schedule of `calls`.
    public init(calls: WakeUpCalls) {
        self.calls = calls
    }

    /// The clock times of the calls that ring on `weekday`, earliest first; empty on days
    /// without calls.
    ///
    /// For a night shift these are the evening calls of a period starting that day and the
    /// after-midnight calls of one that started the day before.
    public func times(on weekday: Weekday) -> [ClockTime] {
        var times: [ClockTime] = []
        let morning = calls.times.filter { $0 < calls.start }
        if calls.isNightShift, calls.days.contains(Weekday(index: weekday.index - 1)) { times += morning }
        if calls.days.contains(weekday) { times += calls.times.filter { $0 > calls.start } }
        return times.sorted()
    }

    /// The calls that ring on the local date `date`, earliest first.
    public func calls(on date: CivilDate) -> [LocalDateTime] { calls.calls(on: date) }

    /// Whether `moment` is inside working hours: from a working period's start up to (not
    /// including) its end, which for a night shift is the next morning.
    public func isWorking(at moment: LocalDateTime) -> Bool { calls.isWorking(at: moment) }

    /// The first call strictly after `moment`, looking at most a week ahead; `nil` when the plan has no calls.
    public func nextCall(after moment: LocalDateTime) -> LocalDateTime? { calls.nextCall(after: moment) }

    /// The start of the working period that `call` belongs to (the evening before, for an
    /// after-midnight call of a night shift).
    public func workingPeriodStart(of call: LocalDateTime) -> LocalDateTime {
        calls.workingPeriod(containing: call)?.start ?? LocalDateTime(date: call.date, time: calls.start)
    }

    /// What to do at `now` when the next call is `due`.
    ///
    /// Before `due`: wait. At or after it: ring once when a call of the current working period
    /// came between `due` and `now` and `now` is still in working hours (so a call missed during
    /// a suspend rings as soon as the machine wakes); otherwise skip it quietly (a call missed
    /// into the evening, or one from an earlier period when the machine wakes before this
    /// period's first call). Either way the next call is the first one after `now`, so several
    /// missed calls never ring in a burst.
    public func action(due: LocalDateTime, now: LocalDateTime) -> Action {
        guard now >= due else { return .wait(until: due) }
        let next = nextCall(after: now)
        guard let latest = calls.dueCall(at: now), latest >= due else { return .skip(next: next) }
        return .ring(next: next)
    }
}

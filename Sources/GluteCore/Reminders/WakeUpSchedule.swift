/// When the plan's wake-up calls ring: one every `everyMinutes` after `start`, before `end`, on
/// the plan's working `days`, in local time.
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

    /// The call times on `weekday`, earliest first; empty on days off.
    public func times(on weekday: Weekday) -> [ClockTime] {
        calls.days.contains(weekday) ? calls.times : []
    }

    /// Whether `moment` is inside working hours: a working day, from `start` up to (not including) `end`.
    public func isWorking(at moment: LocalDateTime) -> Bool {
        calls.days.contains(moment.date.weekday)
            && (calls.start.minutes * 60..<calls.end.minutes * 60).contains(moment.secondOfDay)
    }

    /// The first call strictly after `moment`, looking at most a week ahead; `nil` when the plan has no calls.
    public func nextCall(after moment: LocalDateTime) -> LocalDateTime? {
        for offset in 0...7 {
            let day = moment.date.adding(days: offset)
            if let time = times(on: day.weekday).first(where: { LocalDateTime(date: day, time: $0) > moment }) {
                return LocalDateTime(date: day, time: time)
            }
        }
        return nil
    }

    /// The start of the working period that `call` belongs to.
    public func workingPeriodStart(of call: LocalDateTime) -> LocalDateTime {
        LocalDateTime(date: call.date, time: calls.start)
    }

    /// What to do at `now` when the next call is `due`.
    ///
    /// Before `due`: wait. At or after it: ring once when a call of today's working hours came
    /// between `due` and `now` and `now` is still in working hours (so a call missed during a
    /// suspend rings as soon as the machine wakes); otherwise skip it quietly (a call missed
    /// into the evening, or one from an earlier day when the machine wakes before today's first
    /// call). Either way the next call is the first one after `now`, so several missed calls
    /// never ring in a burst.
    public func action(due: LocalDateTime, now: LocalDateTime) -> Action {
        guard now >= due else { return .wait(until: due) }
        let next = nextCall(after: now)
        let latestToday = times(on: now.date.weekday).map { LocalDateTime(date: now.date, time: $0) }.last { $0 <= now }
        guard isWorking(at: now), let latestToday, latestToday >= due else { return .skip(next: next) }
        return .ring(next: next)
    }
}

/// Short breaks from sitting during working hours: one call every ``everyMinutes`` after
/// ``start``, strictly before ``end``, in each working period that starts on one of ``days``.
///
/// A working period whose end is before its start is a night shift: it runs through midnight
/// and ends the next morning, and ``days`` are the days it starts on. Its calls after midnight
/// are dated on the next calendar day. Everything here is in local wall-clock time.
///
/// ```swift
/// // 22:00 to 06:00 on Friday nights, every 60 minutes
/// calls.calls(on: saturday)                 // 00:00, 01:00 ... 05:00 on Saturday
/// calls.nearestCall(to: friday2340)         // Saturday 00:00
/// calls.isWorking(at: saturday0600)         // false: the shift has ended
/// ```
///
/// ## Topics
/// - ``times``
/// - ``workingPeriod(startingOn:)``
/// - ``workingPeriod(containing:)``
/// - ``calls(on:)``
/// - ``isWorking(at:)``
/// - ``dueCall(at:)``
/// - ``nearestCall(to:)``
/// - ``nextCall(after:)``
public struct WakeUpCalls: Sendable, Equatable {
    /// Minutes of sitting between calls (30...90; 60 by default).
    public var everyMinutes: Int
    /// When the working period (and the calls) start.
    public var start: ClockTime
    /// When the working period ends; no call rings at or after it.
    ///
    /// Later the same day, or the next morning when it is earlier than ``start``.
    public var end: ClockTime
    /// The days a working period starts on.
    public var days: [Weekday]
    /// What to do at each call, taken in turn.
    public var options: [WakeUpOption]
    /// Finding codes and principles behind it.
    public var why: [String]

    /// Creates wake-up calls.
    public init(
        everyMinutes: Int, start: ClockTime, end: ClockTime, days: [Weekday], options: [WakeUpOption] = [],
        why: [String] = []
    ) {
        self.everyMinutes = everyMinutes
        self.start = start
        self.end = end
        self.days = days
        self.options = options
        self.why = why
    }

    /// One working period: from its start to its end (exclusive), with its calls in order.
    public struct WorkingPeriod: Sendable, Hashable {
        /// When it starts.
        public let start: LocalDateTime
        /// When it ends; the period does not include this moment.
        public let end: LocalDateTime
        /// Its calls, earliest first; each is after ``start`` and before ``end``.
        public let calls: [LocalDateTime]

        /// Whether `moment` is inside the period: at or after the start, before the end.
        public func contains(_ moment: LocalDateTime) -> Bool { start <= moment && moment < end }
    }

    /// Whether a working period runs past midnight into the next morning.
    public var isNightShift: Bool { end < start }

    /// The length of one working period in minutes (0 when start and end are the same).
    public var periodMinutes: Int {
        isNightShift ? end.minutes + 1440 - start.minutes : end.minutes - start.minutes
    }

    /// Minutes from the start of a working period to each of its calls.
    private var callOffsets: [Int] {
        guard everyMinutes > 0, periodMinutes > everyMinutes else { return [] }
        return Array(stride(from: everyMinutes, to: periodMinutes, by: everyMinutes))
    }

    /// The clock times of one working period's calls, in the order they ring (for a night
    /// shift, those after midnight come last).
    public var times: [ClockTime] {
        callOffsets.compactMap { ClockTime(minutes: (start.minutes + $0) % 1440) }
    }

    /// The working period that starts on `date`, or `nil` when `date` is not one of ``days``.
    public func workingPeriod(startingOn date: CivilDate) -> WorkingPeriod? {
        guard days.contains(date.weekday) else { return nil }
        let begin = LocalDateTime(date: date, time: start)
        return WorkingPeriod(
            start: begin, end: begin.adding(seconds: periodMinutes * 60),
            calls: callOffsets.map { begin.adding(seconds: $0 * 60) })
    }

    /// The working period that `moment` is inside, if any (a night shift that started the day
    /// before counts).
    public func workingPeriod(containing moment: LocalDateTime) -> WorkingPeriod? {
        for offset in [0, -1] {
            if let period = workingPeriod(startingOn: moment.date.adding(days: offset)), period.contains(moment) {
                return period
            }
        }
        return nil
    }

    /// Whether `moment` is inside working hours.
    public func isWorking(at moment: LocalDateTime) -> Bool { workingPeriod(containing: moment) != nil }

    /// The calls that ring on the local date `date`, earliest first: the calls of the period
    /// starting that day that fall on it, and the after-midnight calls of a night shift that
    /// started the day before.
    public func calls(on date: CivilDate) -> [LocalDateTime] {
        [date.adding(days: -1), date].flatMap { workingPeriod(startingOn: $0)?.calls ?? [] }
            .filter { $0.date == date }
    }

    /// The call due at `moment`: the latest call of its working period at or before it; `nil`
    /// outside working hours or before the period's first call.
    public func dueCall(at moment: LocalDateTime) -> LocalDateTime? {
        workingPeriod(containing: moment)?.calls.last { $0 <= moment }
    }

    /// The call of the working period containing `moment` that is closest to it.
    ///
    /// The earlier call wins a tie; `nil` outside working hours or when the period has no call.
    /// A logged wake-up call answers this call.
    public func nearestCall(to moment: LocalDateTime) -> LocalDateTime? {
        guard let calls = workingPeriod(containing: moment)?.calls else { return nil }
        return calls.min { abs(moment.seconds(until: $0)) < abs(moment.seconds(until: $1)) }
    }

    /// The first call strictly after `moment`, looking at most a week ahead; `nil` when the plan
    /// has no calls.
    public func nextCall(after moment: LocalDateTime) -> LocalDateTime? {
        for offset in -1...7 {
            if let call = workingPeriod(startingOn: moment.date.adding(days: offset))?.calls.first(where: {
                $0 > moment
            }) {
                return call
            }
        }
        return nil
    }
}

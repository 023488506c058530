internal import GluteCore
public import GluteStore

extension GluteApp {
    /// What is due today for `person`, at the clock's instant, in their time zone.
    ///
    /// - Throws: ``AppError`` (``AppError/Code/precondition``) before the first assessment.
    public func today(_ person: Person.ID) async throws -> TodayView {
        let now = clock.now()
        let knowledge = self.knowledge
        let trackers = self.trackers
        let fallback = defaultTimeZone
        return try await reading(person, bounded: true) { tx, record in
            guard let version = try tx.currentPlan(for: person) else { throw AppError.noPlan() }
            let zone = record.zone(fallback: fallback)
            let local = zone.localDateTime(now)
            guard let plan = version.plan else {
                return TodayView(
                    date: local.date, version: version, stop: StopNotice(reason: version.reason), sessions: [],
                    wakeUps: nil, closedGates: [], retestsDue: [], reassessOn: nil)
            }
            let tracking = Tracking(knowledge: knowledge, zone: zone, person: person)
            let tracker = trackers.tracker(version, plan, knowledge: knowledge)
            let states = try tracking.states(tx, of: version)
            let sessions = (plan.week.first { $0.day == local.date.weekday }?.sessions ?? []).map { session in
                TodayView.SessionToday(
                    kind: session.kind, minutes: session.minutes, focus: session.focus,
                    items: session.items.map { item in
                        let keys = PlanTracker.sides(of: item, knowledge: knowledge).map {
                            ItemKey(kind: session.kind, exercise: item.exercise, side: $0)
                        }
                        return TodayView.Item(
                            item: item,
                            prescriptions: keys.compactMap {
                                tracker.prescription(for: $0, states: states, on: local.date)
                            },
                            logged: keys.flatMap { key in states[key]?.recent.filter { $0.date == local.date } ?? [] },
                            keys: keys)
                    })
            }
            let wakeUps = try WakeUpDay(calls: plan.wakeUpCalls, zone: zone).view(
                local.date, now: local, tx: tx, person: person)
            var retests: [RetestKind: [ItemKey]] = [:]
            for key in tracker.keys {
                if let kind = states[key]?.retestDue { retests[kind, default: []].append(key) }
            }
            return TodayView(
                date: local.date, version: version, stop: nil, sessions: sessions, wakeUps: wakeUps,
                closedGates: plan.gates,
                retestsDue: RetestKind.allCases.compactMap { kind in retests[kind].map { (kind, $0) } },
                reassessOn: plan.reassessOn)
        }
    }
}

/// A day's wake-up calls and how they were answered, counted per call by the engine's rule
/// (``WakeUpCalls/tally(on:logs:now:)``): several logs answering one call count once, logs
/// outside working hours count for nothing.
///
/// Each log counts for the call it was recorded as answering (``WakeUpCall/answers``), which
/// keeps taps in a row on one call; a log without one answers its nearest call, if any.
struct WakeUpDay {
    let calls: WakeUpCalls
    let zone: TimeZoneRules

    /// Taps this close after a log that answered a call answer the same call.
    static let burstSeconds: Int64 = 300

    /// How far either side of a date a log may answer one of its calls.
    var margin: Int64 { Int64(max(calls.everyMinutes, 60) * 60) }

    /// The call a log at `at` answers: the call of a log that answered one at most
    /// ``burstSeconds`` before it in the same working period, else the nearest call; `nil`
    /// outside working hours.
    func call(answeredAt at: Timestamp, earlier: [WakeUpCall]) -> LocalDateTime? {
        let local = zone.localDateTime(at)
        guard let period = calls.workingPeriod(containing: local) else { return nil }
        let burst = earlier.filter { $0.at <= at && $0.at >= at.adding(seconds: -Self.burstSeconds) }
            .sorted { ($0.at, $0.id) < ($1.at, $1.id) }
            .compactMap(call(of:)).first { period.calls.contains($0) }
        return burst ?? calls.nearestCall(to: local)
    }

    /// The call `log` answered: the one recorded with it, else its nearest call.
    func call(of log: WakeUpCall) -> LocalDateTime? {
        if let answers = log.answers { return zone.localDateTime(answers) }
        return calls.nearestCall(to: zone.localDateTime(log.at))
    }

    /// The calls of `date` as seen at `now`.
    func view(_ date: CivilDate, now: LocalDateTime, tx: any StoreReader, person: Person.ID) throws -> TodayView.WakeUps
    {
        let tally = calls.tally(on: date, logs: try logs(around: date, tx: tx, person: person), now: now)
        return TodayView.WakeUps(
            isWorkDay: tally.planned > 0, planned: tally.planned, dueSoFar: tally.dueSoFar, done: tally.done,
            skipped: tally.skipped, calls: calls, next: calls.calls(on: date).first { $0 > now })
    }

    /// The logs that may answer a call of `date` (those of the date and a call's interval either
    /// side), each at the call it answered, or at its own time when it answered none.
    func logs(around date: CivilDate, tx: any StoreReader, person: Person.ID) throws -> [WakeUpLog] {
        let day = zone.day(date)
        return try tx.wakeUpCalls(
            for: person, in: day.lowerBound.adding(seconds: -margin)..<day.upperBound.adding(seconds: margin)
        ).map { WakeUpLog(at: call(of: $0) ?? zone.localDateTime($0.at), outcome: $0.outcome) }
    }
}

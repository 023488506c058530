import Testing

@testable import GluteCore

/// Day and night shifts (issue "The daily loop keeps its promises": "work hours whose end is
/// before their start are a night shift that ends the next morning").
@Suite struct WakeUpCallsTests {
    private typealias F = ProgressFixtures

    /// 22:00 to 06:00, starting Monday to Friday evenings, every 60 minutes.
    static let nightCalls = WakeUpCalls(
        everyMinutes: 60, start: ClockTime("22:00")!, end: ClockTime("06:00")!,
        days: [.mon, .tue, .wed, .thu, .fri])

    @Test func aNightShiftRingsFromTheEveningThroughMidnightAndStopsBeforeTheEnd() {
        let calls = Self.nightCalls
        #expect(calls.isNightShift && !F.officeCalls.isNightShift)
        #expect(calls.periodMinutes == 480)
        #expect(calls.times.map(\.description) == ["23:00", "00:00", "01:00", "02:00", "03:00", "04:00", "05:00"])
        let friday = calls.workingPeriod(startingOn: F.day(4))
        #expect(friday?.start == F.at(4, 22) && friday?.end == F.at(5, 6))
        #expect(friday?.calls.first == F.at(4, 23) && friday?.calls.last == F.at(5, 5))
        #expect(calls.workingPeriod(startingOn: F.day(5)) == nil)  // no shift starts on Saturday
    }

    @Test(arguments: [
        (45, ["22:45", "23:30", "00:15", "01:00", "01:45", "02:30", "03:15", "04:00", "04:45"]),
        (90, ["23:30", "01:00", "02:30", "04:00"]),
    ])
    func noCallRingsAtOrAfterTheEnd(every: Int, expected: [String]) {
        var calls = Self.nightCalls
        calls.everyMinutes = every
        calls.end = ClockTime("05:30")!
        #expect(calls.times.map(\.description) == expected)
    }

    @Test func callsAreDatedOnTheirOwnCalendarDay() {
        let calls = Self.nightCalls
        // Monday: only the 23:00 call of Monday's shift (no shift started on Sunday).
        #expect(calls.calls(on: F.day(0)) == [F.at(0, 23)])
        // Tuesday: Monday night's after-midnight calls, then Tuesday's 23:00.
        #expect(calls.calls(on: F.day(1)).map(\.description).first == "2026-11-03 00:00:00")
        #expect(calls.calls(on: F.day(1)).count == 7)
        #expect(calls.calls(on: F.day(1)).last == F.at(1, 23))
        // Saturday: Friday night's morning calls only; Sunday: none.
        #expect(calls.calls(on: F.day(5)) == (0...5).map { F.at(5, $0) })
        #expect(calls.calls(on: F.day(6)).isEmpty)
        // A day shift has its calls on the day itself.
        #expect(F.officeCalls.calls(on: F.day(0)) == (10...16).map { F.at(0, $0) })
        #expect(F.officeCalls.calls(on: F.day(5)).isEmpty)
    }

    @Test func workingHoursIncludeTheStartAndExcludeTheEnd() {
        let calls = Self.nightCalls
        #expect(!calls.isWorking(at: F.at(0, 21, 59, 59)))
        #expect(calls.isWorking(at: F.at(0, 22)))
        #expect(calls.isWorking(at: F.at(1, 3)))  // Monday's shift, Tuesday morning
        #expect(calls.isWorking(at: F.at(1, 5, 59, 59)))
        #expect(!calls.isWorking(at: F.at(1, 6)))
        #expect(calls.isWorking(at: F.at(5, 2)))  // Friday's shift on Saturday morning
        #expect(!calls.isWorking(at: F.at(6, 2)))  // no shift started on Saturday
        #expect(!calls.isWorking(at: F.at(0, 2)))  // none started on Sunday either
        #expect(F.officeCalls.isWorking(at: F.at(0, 9)) && !F.officeCalls.isWorking(at: F.at(0, 17)))
    }

    @Test func theDueCallIsTheLatestOfItsPeriodAndTheNearestMayBeAhead() {
        let calls = Self.nightCalls
        #expect(calls.dueCall(at: F.at(0, 22, 30)) == nil)  // before the first call
        #expect(calls.nearestCall(to: F.at(0, 22, 30)) == F.at(0, 23))
        #expect(calls.dueCall(at: F.at(1, 0, 40)) == F.at(1, 0))
        #expect(calls.nearestCall(to: F.at(1, 0, 40)) == F.at(1, 1))
        #expect(calls.nearestCall(to: F.at(0, 23, 30)) == F.at(0, 23))  // a tie goes to the earlier call
        #expect(calls.nearestCall(to: F.at(1, 5, 50)) == F.at(1, 5))  // after the last call
        #expect(calls.nearestCall(to: F.at(1, 6, 10)) == nil)  // outside working hours
        #expect(F.officeCalls.nearestCall(to: F.at(0, 9, 5)) == F.at(0, 10))
        #expect(F.officeCalls.dueCall(at: F.at(0, 16, 59)) == F.at(0, 16))
        #expect(F.officeCalls.nearestCall(to: F.at(0, 18)) == nil)
    }

    @Test func theNextCallCrossesMidnightAndTheWeekend() {
        let calls = Self.nightCalls
        #expect(calls.nextCall(after: F.at(0, 23)) == F.at(1, 0))
        #expect(calls.nextCall(after: F.at(1, 5)) == F.at(1, 23))
        #expect(calls.nextCall(after: F.at(5, 5)) == F.at(7, 23))  // Saturday morning to Monday night
        #expect(calls.nextCall(after: F.at(5, 1, 30)) == F.at(5, 2))
    }

    @Test func aPeriodShorterThanTheIntervalHasNoCalls() {
        var calls = F.officeCalls
        calls.end = ClockTime("09:45")!
        #expect(calls.times.isEmpty)
        #expect(calls.calls(on: F.day(0)).isEmpty)
        #expect(calls.isWorking(at: F.at(0, 9, 30)))
        #expect(calls.nearestCall(to: F.at(0, 9, 30)) == nil)
    }

    @Test func aDayShiftEndingAtMidnightRingsUntilTheLastInterval() {
        var calls = F.officeCalls
        calls.start = ClockTime("20:00")!
        calls.end = .endOfDay
        #expect(!calls.isNightShift)
        #expect(calls.times.map(\.description) == ["21:00", "22:00", "23:00"])
        #expect(calls.isWorking(at: F.at(0, 23, 59, 59)) && !calls.isWorking(at: F.at(1, 0)))
    }
}

/// The mapping from logged answers to the calls they answer, shared by progress and "today".
@Suite struct WakeUpAnswersTests {
    private typealias F = ProgressFixtures

    @Test func severalLogsOfOneIntervalAnswerOneCallAndDoneWins() {
        let logs = [
            WakeUpLog(at: F.at(0, 10, 10), outcome: .skip), WakeUpLog(at: F.at(0, 10, 25), outcome: .done),
            WakeUpLog(at: F.at(0, 11, 31), outcome: .skip), WakeUpLog(at: F.at(0, 20), outcome: .done),
        ]
        let answered = F.officeCalls.answeredCalls(logs)
        #expect(answered.map(\.call) == [F.at(0, 10), F.at(0, 12)])
        #expect(answered.map(\.outcome) == [.done, .skip])
        #expect(answered.map(\.logs) == [2, 1])
    }

    @Test func todaysTallyCountsDueCallsAndLeavesLogsOutsideHoursUncounted() {
        let logs = [
            WakeUpLog(at: F.at(0, 7), outcome: .done), WakeUpLog(at: F.at(0, 10, 1), outcome: .done),
            WakeUpLog(at: F.at(0, 10, 3), outcome: .done), WakeUpLog(at: F.at(0, 12, 2), outcome: .skip),
        ]
        let tally = F.officeCalls.tally(on: F.day(0), logs: logs, now: F.at(0, 12, 30))
        #expect(tally == WakeUpTally(date: F.day(0), planned: 7, dueSoFar: 3, done: 1, skipped: 1, uncounted: 2))
        #expect(F.officeCalls.tally(on: F.day(5), logs: [], now: nil).planned == 0)
    }

    @Test func aNightShiftsTallyBelongsToTheDateOfEachCall() {
        let calls = WakeUpCallsTests.nightCalls
        let logs = [WakeUpLog(at: F.at(0, 23, 45), outcome: .done), WakeUpLog(at: F.at(1, 2, 1), outcome: .done)]
        let monday = calls.tally(on: F.day(0), logs: logs, now: F.at(1, 2, 30))
        #expect(monday == WakeUpTally(date: F.day(0), planned: 1, dueSoFar: 1, done: 0, skipped: 0, uncounted: 0))
        let tuesday = calls.tally(on: F.day(1), logs: logs, now: F.at(1, 2, 30))
        #expect(tuesday == WakeUpTally(date: F.day(1), planned: 7, dueSoFar: 3, done: 2, skipped: 0, uncounted: 0))
    }
}

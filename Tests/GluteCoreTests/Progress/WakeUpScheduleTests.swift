import Testing

@testable import GluteCore

/// When the terminal reminder rings: working days and hours, weekends, and gaps after a suspend.
@Suite struct WakeUpScheduleTests {
    private typealias F = ProgressFixtures
    private let schedule = WakeUpSchedule(calls: ProgressFixtures.officeCalls)

    @Test func callsComeEveryIntervalAfterTheStartAndBeforeTheEnd() {
        #expect(
            schedule.times(on: .mon).map(\.description) == [
                "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00",
            ])
        #expect(schedule.times(on: .sat).isEmpty)
        var odd = ProgressFixtures.officeCalls
        odd.everyMinutes = 45
        odd.end = ClockTime("10:30")!
        #expect(WakeUpSchedule(calls: odd).times(on: .tue).map(\.description) == ["09:45"])
    }

    @Test func acrossADayEachCallIsFollowedByTheNext() {
        var moment = F.at(0, 6, 30)
        var rings: [String] = []
        while let next = schedule.nextCall(after: moment), next.date == F.day(0) {
            rings.append(next.time.description)
            moment = next
        }
        #expect(rings == ["10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00"])
        #expect(schedule.nextCall(after: F.at(0, 10, 0, 1)) == F.at(0, 11))
    }

    @Test func afterFridaysLastCallTheNextIsMondayMorning() {
        #expect(schedule.nextCall(after: F.at(4, 16, 0)) == F.at(7, 10))
        #expect(schedule.nextCall(after: F.at(5, 11)) == F.at(7, 10))
        #expect(schedule.workingPeriodStart(of: F.at(7, 10)) == F.at(7, 9))
    }

    @Test func outsideHoursNothingRingsAndTheLoopWaits() {
        #expect(!schedule.isWorking(at: F.at(0, 8, 59, 59)))
        #expect(schedule.isWorking(at: F.at(0, 9)))
        #expect(!schedule.isWorking(at: F.at(0, 17)))
        #expect(!schedule.isWorking(at: F.at(5, 11)))
        #expect(schedule.action(due: F.at(7, 10), now: F.at(5, 11)) == .wait(until: F.at(7, 10)))
    }

    @Test func aDueCallRingsOnceAndTheNextComesAnInterval() {
        #expect(schedule.action(due: F.at(0, 10), now: F.at(0, 9, 59, 59)) == .wait(until: F.at(0, 10)))
        #expect(schedule.action(due: F.at(0, 10), now: F.at(0, 10)) == .ring(next: F.at(0, 11)))
    }

    @Test func afterASuspendInsideHoursTheMissedCallsRingOnceNotInABurst() {
        // Suspended at 10:20, woken at 13:40: 11:00, 12:00 and 13:00 were missed.
        #expect(schedule.action(due: F.at(0, 11), now: F.at(0, 13, 40)) == .ring(next: F.at(0, 14)))
    }

    @Test func afterASuspendIntoTheEveningTheMissedCallIsSkippedSilently() {
        #expect(schedule.action(due: F.at(0, 16), now: F.at(0, 19, 5)) == .skip(next: F.at(1, 10)))
        #expect(schedule.action(due: F.at(4, 15), now: F.at(6, 9)) == .skip(next: F.at(7, 10)))
    }

    @Test func wakingOnMondayBeforeTheFirstCallDoesNotRingFridaysMissedCall() {
        #expect(schedule.action(due: F.at(4, 16), now: F.at(7, 9, 30)) == .skip(next: F.at(7, 10)))
        #expect(schedule.action(due: F.at(4, 16), now: F.at(7, 10, 30)) == .ring(next: F.at(7, 11)))
    }

    @Test func aPlanWithoutWorkingDaysHasNoNextCall() {
        var none = ProgressFixtures.officeCalls
        none.days = []
        #expect(WakeUpSchedule(calls: none).nextCall(after: F.at(0, 9)) == nil)
    }

    @Test func localDateTimesRollOverMidnight() {
        #expect(F.at(0, 23, 59, 30).adding(seconds: 45) == F.at(1, 0, 0, 15))
        #expect(F.at(1, 0, 0, 15).adding(seconds: -45) == F.at(0, 23, 59, 30))
        #expect(F.at(0, 9).seconds(until: F.at(1, 9)) == 86_400)
        #expect(F.at(0, 7, 5, 9).description == "2026-11-02 07:05:09")
    }

    @Test func aNightShiftRingsOnTheRightDaysAndAfterASuspendAcrossMidnight() {
        let night = WakeUpSchedule(calls: WakeUpCallsTests.nightCalls)
        #expect(night.times(on: .mon).map(\.description) == ["23:00"])
        #expect(night.times(on: .tue).count == 7)
        #expect(night.times(on: .sat).map(\.description) == ["00:00", "01:00", "02:00", "03:00", "04:00", "05:00"])
        #expect(night.times(on: .sun).isEmpty)
        #expect(night.workingPeriodStart(of: F.at(1, 3)) == F.at(0, 22))
        // Suspended at 23:30, woken at 02:10: the 00:00, 01:00 and 02:00 calls ring once.
        #expect(night.action(due: F.at(1, 0), now: F.at(1, 2, 10)) == .ring(next: F.at(1, 3)))
        // Woken at 07:00 after the shift ended: skipped quietly until the evening.
        #expect(night.action(due: F.at(1, 5), now: F.at(1, 7)) == .skip(next: F.at(1, 23)))
        // Woken at 22:30 before the first call of the next shift: last night's call is not rung.
        #expect(night.action(due: F.at(1, 5), now: F.at(1, 22, 30)) == .skip(next: F.at(1, 23)))
    }
}

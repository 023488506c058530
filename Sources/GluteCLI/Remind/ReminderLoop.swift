internal import Foundation
internal import GluteCore
internal import GluteStore

/// The terminal sitting timer: polls the wall clock in short sleeps, rings when a wake-up call is
/// due, asks done or skip, and rests outside working hours.
///
/// Ring times are decided on the wall clock by ``WakeUpSchedule/action(due:now:)`` at every
/// poll, so a suspended laptop rings once as soon as it wakes (inside working hours) and never
/// rings the calls it missed as a burst. Everything outside the loop comes through
/// ``ReminderDevices`` and `record`, so tests run it with a fake clock and no real waiting.
struct ReminderLoop {
    /// How long the loop runs.
    enum Mode: Sendable, Equatable {
        /// Ring at every call until stopped.
        case continuous
        /// Ring once at the next due call, then stop.
        case once
        /// Ring once immediately, then stop.
        case now
    }

    let schedule: WakeUpSchedule
    /// The texts of the plan's wake-up options, taken in turn.
    let options: [String]
    let devices: ReminderDevices
    let io: CommandIO
    /// Stores an answer for the call that rang at the given instant.
    let record: @Sendable (Date, WakeUpOutcome) async throws -> Void
    /// The longest single sleep between two looks at the clock.
    var pollInterval: Duration = .seconds(30)
    /// How long to wait for d/s/Enter before recording nothing.
    var answerTimeout: Duration = .seconds(180)

    /// Runs the loop; returns how many times it rang.
    ///
    /// - Parameter stopAt: stop at the first poll at or after this instant (for tests; `nil` runs on).
    func run(_ mode: Mode, stopAt: Date? = nil) async -> Int {
        if mode == .now {
            await ring(at: devices.now(), option: 0)
            return 1
        }
        let calls = schedule.calls
        io.print(
            "Wake-up calls every \(calls.everyMinutes) minutes from \(calls.start) to \(calls.end) on "
                + "\(calls.days.map { String($0.name.prefix(3)) }.joined(separator: " ")). Press Ctrl-C to stop.")
        guard var due = schedule.nextCall(after: devices.local(devices.now())) else {
            io.print("The plan has no wake-up calls on any day; nothing to remind.")
            return 0
        }
        var rings = 0
        var announced: (due: LocalDateTime, working: Bool)?
        while true {
            let instant = devices.now()
            if let stopAt, instant >= stopAt { return rings }
            let now = devices.local(instant)
            switch schedule.action(due: due, now: now) {
            case .wait(let until):
                let working = schedule.isWorking(at: now)
                if announced?.due != until || announced?.working != working {
                    announced = (until, working)
                    io.print(
                        working
                            ? "Next wake-up call: \(Self.describe(until))."
                            : "Outside working hours: resting until \(Self.describe(schedule.workingPeriodStart(of: until))) "
                                + "(first call at \(until.time)).")
                }
                let seconds = max(1, now.seconds(until: until))
                await devices.sleep(min(pollInterval, .seconds(seconds)))
            case .ring:
                await ring(at: instant, option: rings)
                rings += 1
                if mode == .once { return rings }
                guard let next = schedule.nextCall(after: devices.local(devices.now())) else { return rings }
                due = next
            case .skip(let next):
                io.print(
                    "Missed the call of \(Self.describe(due)) while away; it is outside working hours now, so no ring.")
                guard let next else { return rings }
                due = next
            }
        }
    }

    /// Rings (BEL and a desktop notification), asks for d/s/Enter and records the answer.
    func ring(at instant: Date, option: Int) async {
        let what = options.isEmpty ? "stand up and squeeze your glutes" : options[option % options.count]
        io.writeOutput("\u{7}")
        io.print("[\(devices.local(instant).time)] Wake-up call: \(what)")
        io.print("Done? d = done, s = skip, Enter = done (no answer in \(Self.minutes(answerTimeout)) records nothing)")
        devices.notify("Glute wake-up call", what)
        guard let outcome = await answer() else {
            io.print("No answer; nothing recorded.")
            return
        }
        do {
            try await record(instant, outcome)
        } catch {
            io.printError("Could not record the answer: \(error)")  // The timer goes on; the next call still rings.
            return
        }
        io.print(outcome == .done ? "Recorded: done. Well done for standing up." : "Recorded: skipped.")
    }

    /// The answer to a ring: d or Enter is done, s is skip; other keys are ignored until the timeout.
    func answer() async -> WakeUpOutcome? {
        let deadline = devices.now().addingTimeInterval(Double(answerTimeout.components.seconds))
        for _ in 0..<20 {
            let left = deadline.timeIntervalSince(devices.now())
            guard left > 0, let key = await devices.readKey(.milliseconds(Int64(left * 1000))) else { return nil }
            switch key {
            case "d", "D", "\n", "\r": return .done
            case "s", "S": return .skip
            default: continue
            }
        }
        return nil
    }

    /// `Thu 2026-11-26 10:00`.
    static func describe(_ moment: LocalDateTime) -> String {
        "\(moment.date.weekday.name.prefix(3)) \(moment.date) \(moment.time)"
    }

    private static func minutes(_ duration: Duration) -> String {
        let minutes = duration.components.seconds / 60
        return minutes == 1 ? "1 minute" : "\(minutes) minutes"
    }
}

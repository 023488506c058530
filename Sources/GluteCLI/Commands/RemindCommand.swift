internal import Foundation
internal import GluteCore
internal import GluteStore

/// `glute remind`: a sitting timer in the terminal that follows the plan's wake-up calls.
struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Ring the plan's wake-up calls in working hours; record done or skipped.",
        discussion: """
            Rings (terminal bell, and a desktop notification when notify-send is installed) at each wake-up call \
            of the plan, on working days within working hours, and rests outside them. Answer d (done), s (skip) \
            or Enter (done); without an answer within 3 minutes nothing is recorded. After a suspend a missed call \
            rings once at once; missed calls never ring in a burst. Stop with Ctrl-C.
            """,
        options: [
            .flag("once", help: "Ring once at the next wake-up call, then exit."),
            .flag("now", help: "Ring once immediately (to try it), then exit."),
            CommonOptions.database,
        ]
    )

    let mode: ReminderLoop.Mode
    let database: String?

    init(parsed: ParsedArguments) throws(CLIError) {
        if parsed.flag("once"), parsed.flag("now") {
            throw CLIError.usage("'--once' and '--now' cannot be used together.")
        }
        mode = parsed.flag("now") ? .now : parsed.flag("once") ? .once : .continuous
        database = parsed.option("database")
    }

    func run(_ io: CommandIO) async throws {
        let interrupt = TerminalKeyReader.restoreTerminalOnInterrupt()
        defer { interrupt?.cancel() }
        try await run(io, devices: .live(io: io))
    }

    /// Runs with the given clock, sleep, keyboard and notifier; tests pass fakes.
    ///
    /// - Parameter stopAt: stop the continuous loop at this instant (tests only).
    func run(_ io: CommandIO, devices: ReminderDevices, stopAt: Date? = nil) async throws {
        let access = try await StoreAccess.open(database: database, io: io)
        let (plan, _) = try await access.requirePlan()
        let store = access.store, person = access.person.id
        let loop = ReminderLoop(
            schedule: WakeUpSchedule(calls: plan.wakeUpCalls),
            options: plan.wakeUpCalls.options.map(\.text),
            devices: devices, io: io,
            record: { instant, outcome in
                let at = Timestamp(millisecondsSince1970: Int64((instant.timeIntervalSince1970 * 1000).rounded(.down)))
                _ = try await store.recordWakeUpCall(for: person, at: at, outcome: outcome)
            })
        _ = await loop.run(mode, stopAt: stopAt)
    }
}

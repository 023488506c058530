internal import Foundation
internal import GluteApp
internal import GluteCore
internal import GluteStore

/// `glute remind`: a sitting timer in the terminal that follows the plan's wake-up calls.
struct RemindCommand: ParsableCommand {
    static let once = Flag("once", help: "Ring once at the next wake-up call, then exit.")
    static let now = Flag("now", help: "Ring once immediately (to try it), then exit.")

    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Ring the plan's wake-up calls in working hours; record done or skipped.",
        discussion: """
            Rings (terminal bell, and a desktop notification when notify-send is installed) at each wake-up call \
            of the plan, on working days within working hours, and rests outside them. Answer d (done), s (skip) \
            or Enter (done); without an answer within 3 minutes nothing is recorded. After a suspend a missed call \
            rings once at once; missed calls never ring in a burst. Stop with Ctrl-C.
            """,
        options: [once.definition, now.definition, CommonOptions.database.definition]
    )

    let mode: ReminderLoop.Mode
    let database: String?

    init(parsed: ParsedArguments) throws(CLIError) {
        if parsed.isSet(Self.once), parsed.isSet(Self.now) {
            throw CLIError.usage("'--once' and '--now' cannot be used together.")
        }
        mode = parsed.isSet(Self.now) ? .now : parsed.isSet(Self.once) ? .once : .continuous
        database = try parsed.value(CommonOptions.database)
    }

    func run(_ io: CommandIO) async throws {
        let interrupt = TerminalKeyReader.restoreTerminalOnInterrupt()
        defer { interrupt?.cancel() }
        try await run(io, devices: nil)
    }

    /// Runs with the given clock, sleep, keyboard and notifier; tests pass fakes.
    ///
    /// - Parameter stopAt: stop the continuous loop at this instant (tests only).
    func run(_ io: CommandIO, devices given: ReminderDevices?, stopAt: Date? = nil) async throws {
        let cli = try CLIApplication.open(database: database, io: io, access: .write)
        let person = try await cli.person(.read)
        let view = try await cli.run { try await cli.app.plan(person.id) }
        guard let plan = view.version.plan else {
            return io.writeOutput(StopRenderer.text(StopNotice(reason: view.version.reason), width: io.width))
        }
        let devices = given ?? .live(io: io, zone: cli.zone(person))
        let loop = ReminderLoop(
            schedule: WakeUpSchedule(calls: plan.wakeUpCalls),
            options: plan.wakeUpCalls.options.map(\.text),
            devices: devices, io: io,
            record: { instant, outcome in
                let at = Timestamp(millisecondsSince1970: Int64((instant.timeIntervalSince1970 * 1000).rounded(.down)))
                _ = try await cli.run { try await cli.app.logWakeUpCall(person.id, outcome: outcome, at: at) }
            })
        _ = await loop.run(mode, stopAt: stopAt)
    }
}

import Foundation
import GluteCore
import GluteSQLite
import GluteStore
import Testing

@testable import GluteCLI

/// `glute remind` run in-process on a fake clock: no real waiting, suspends simulated.
///
/// The plan comes from the desk-worker case: calls every 60 minutes from 09:00 to 17:00, Monday
/// to Friday (10:00 to 16:00). 2026-11-02 is a Monday.
@Suite struct RemindLoopTests {
    private static func at(_ text: String) -> Date { FakeReminderMachine.instant(text) }

    /// A fresh database holding the desk-worker assessment and its plan.
    private static func database() async throws -> String {
        let path = try GluteBinary.temporaryFile("", name: "remind.sqlite")
        let fixture = GluteBinary.fixtures.appendingPathComponent("cases/desk-worker-left-amnesia.json").path
        let machine = FakeReminderMachine(start: at("2026-11-02T07:00:00Z"))
        let status = await CommandRunner.run(["assess", "--input", fixture, "--database", path], io: machine.io)
        #expect(status == 0, "\(machine.output)")
        return path
    }

    /// Runs `glute remind arguments` on `machine` until `stopAt`.
    private static func remind(
        _ arguments: [String], database: String, machine: FakeReminderMachine,
        stopAt: Date? = nil
    ) async throws {
        let parsed = try ArgumentParser.parse(
            arguments + ["--database", database], for: RemindCommand.self,
            path: ["glute", "remind"])
        try await RemindCommand(parsed: parsed).run(machine.io, devices: machine.devices, stopAt: stopAt)
    }

    /// The recorded wake-up calls as `time outcome`.
    private static func recorded(_ database: String) async throws -> [String] {
        let store = try SQLiteStore(path: database, clock: .unimplemented, ids: .sequential())
        let calls = try await store.read { tx in
            guard let person = try tx.earliestPerson() else { return [WakeUpCall]() }
            return try tx.wakeUpCalls(
                for: person.id, in: Timestamp(millisecondsSince1970: 0)..<Timestamp(millisecondsSince1970: Int64.max))
        }
        return calls.map { "\($0.at) \($0.outcome.rawValue)" }
    }

    @Test func onceWaitsForTheNextCallRingsAndRecordsTheAnswer() async throws {
        let database = try await Self.database()
        let machine = FakeReminderMachine(start: Self.at("2026-11-02T09:30:00Z"), keys: ["d"])
        try await Self.remind(["--once"], database: database, machine: machine)
        #expect(machine.output.contains("Next wake-up call: Mon 2026-11-02 10:00."))
        #expect(machine.output.contains("\u{7}[10:00] Wake-up call: "))
        #expect(machine.output.contains("Recorded: done."))
        #expect(machine.notifications.count == 1)
        #expect(machine.longestSleep <= .seconds(30))
        #expect(try await Self.recorded(database) == ["2026-11-02T10:00:00Z done"])
    }

    @Test func aDayWithASuspendRingsOnceOnWakingAndNeverInABurst() async throws {
        let database = try await Self.database()
        // Suspended from 11:20 to 13:40: the 12:00 and 13:00 calls are missed.
        let machine = FakeReminderMachine(
            start: Self.at("2026-11-02T09:30:00Z"), keys: ["d", "s", "\n", nil, "x", "D"],
            suspends: [(Self.at("2026-11-02T11:20:00Z"), Self.at("2026-11-02T13:40:00Z"))])
        try await Self.remind([], database: database, machine: machine, stopAt: Self.at("2026-11-03T09:30:00Z"))
        let rings = machine.output.split(separator: "\n").filter { $0.contains("Wake-up call: ") }.map { $0.prefix(8) }
        #expect(
            rings == ["\u{7}[10:00]", "\u{7}[11:00]", "\u{7}[13:40]", "\u{7}[14:00]", "\u{7}[15:00]", "\u{7}[16:00]"])
        #expect(machine.output.contains("No answer; nothing recorded."))
        #expect(
            machine.output.contains("Outside working hours: resting until Tue 2026-11-03 09:00 (first call at 10:00)."))
        #expect(machine.longestSleep <= .seconds(30))
        #expect(
            try await Self.recorded(database) == [
                "2026-11-02T10:00:00Z done", "2026-11-02T11:00:00Z skip", "2026-11-02T13:40:00Z done",
                "2026-11-02T15:00:00Z done",
            ])
    }

    @Test func theWeekendRestsUntilMondayMorning() async throws {
        let database = try await Self.database()
        let machine = FakeReminderMachine(start: Self.at("2026-11-06T16:30:00Z"), keys: ["d"])
        try await Self.remind([], database: database, machine: machine, stopAt: Self.at("2026-11-09T10:30:00Z"))
        #expect(
            machine.output.contains("Outside working hours: resting until Mon 2026-11-09 09:00 (first call at 10:00)."))
        #expect(machine.output.components(separatedBy: "Wake-up call: ").count == 2)
        #expect(try await Self.recorded(database) == ["2026-11-09T10:00:00Z done"])
    }

    @Test func aCallMissedWhileSuspendedIntoTheEveningDoesNotRing() async throws {
        let database = try await Self.database()
        let machine = FakeReminderMachine(
            start: Self.at("2026-11-02T15:30:00Z"),
            suspends: [(Self.at("2026-11-02T15:50:00Z"), Self.at("2026-11-02T19:00:00Z"))])
        try await Self.remind([], database: database, machine: machine, stopAt: Self.at("2026-11-02T20:00:00Z"))
        #expect(!machine.output.contains("\u{7}"))
        #expect(machine.output.contains("Missed the call of Mon 2026-11-02 16:00 while away"))
        #expect(try await Self.recorded(database).isEmpty)
    }

    @Test func nowRingsImmediatelyEvenOutsideHours() async throws {
        let database = try await Self.database()
        let machine = FakeReminderMachine(start: Self.at("2026-11-07T20:15:00Z"), keys: ["s"])
        try await Self.remind(["--now"], database: database, machine: machine)
        #expect(machine.output.hasPrefix("\u{7}[20:15] Wake-up call: "))
        #expect(try await Self.recorded(database) == ["2026-11-07T20:15:00Z skip"])
    }

    @Test func onceAndNowTogetherAreAUsageError() async {
        let machine = FakeReminderMachine(start: Self.at("2026-11-02T09:00:00Z"))
        let status = await CommandRunner.run(["remind", "--once", "--now"], io: machine.io)
        #expect(status == 64)
    }
}

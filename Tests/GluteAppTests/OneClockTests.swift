import Foundation
import GluteApp
import GluteCore
import GluteJSON
import GluteStore
import Testing

@testable import GluteSQLite

/// Rule 9: one clock.
///
/// Every timestamp written comes from the application's clock (or is one
/// the person gave a set); a store opened on a migrated file never reads it.
@Suite struct OneClockTests {
    static let instant = Timestamp.at("2001-01-01T10:00:00Z")  // a Monday, 10:00 in London
    static let explicit = Timestamp.at("2001-01-01T08:30:00Z")

    /// Every `YYYY-MM-DDTHH:MM:SS(.sss)Z` text in `text`.
    static func instants(in text: String) -> Set<String> {
        let pattern = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z/
        return Set(text.matches(of: pattern).map { String($0.output.0) })
    }

    @Test func aWholeLoopOnAFixedClockWritesOnlyThatInstant() async throws {
        let fixture = try AppFixture.make(
            start: Self.instant, defaultTimeZone: "Asia/Kathmandu", clock: .fixed(Self.instant))
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let app = fixture.app
        let person = try await app.createPerson(name: "Ann", timeZone: nil)
        let me = Trainee(app: app, clock: fixture.clock, id: person.id)
        try await me.assess(Cases.desk, [("profile.timeZone", "Europe/London")])
        let bridge = try await me.log("glute-bridge", reps: [12, 12])
        try await me.log("split-squat", .left, reps: [10, 10], load: Load(8, .kg))
        try await me.log("clamshell", .left, reps: [12, 12], at: Self.explicit)
        let call = try await app.logWakeUpCall(me.id, outcome: .done)
        #expect(call.log.answers == Self.instant, "10:00 is a call of 09:00-17:00 every 60 minutes")
        _ = try await app.logWakeUpCall(me.id, outcome: .skip, at: Self.explicit)
        let retest = try await me.bridgeRetest()
        #expect(retest.version != nil)
        let painful = try await me.log("split-squat", .right, reps: [10, 10], load: Load(8, .kg), pain: 5)
        _ = try await app.deleteEntry(me.id, id: bridge.set.id.rawValue)
        _ = try await app.deleteEntry(me.id, id: call.log.id.rawValue)
        let lifted = try await app.deleteEntry(me.id, id: painful.set.id.rawValue)
        #expect(lifted.lifted != nil)
        try await me.log("glute-bridge", reps: [12, 12], pain: 8)
        _ = try await app.retest(me.id, kind: .hipHinge, result: .object(["pass": true]))

        let export = try await app.exportDatabase()
        #expect(export.people.map(\.createdAt) == [Self.instant])
        #expect(export.assessments.count == 2 && export.assessments.allSatisfy { $0.takenAt == Self.instant })
        #expect(export.plans.count >= 4 && export.plans.allSatisfy { $0.createdAt == Self.instant })
        #expect(export.loggedSets.allSatisfy { [Self.instant, Self.explicit].contains($0.performedAt) })
        #expect(export.loggedSets.filter { $0.performedAt == Self.explicit }.map(\.exerciseID) == ["clamshell"])
        #expect(export.wakeUpCalls.map(\.at) == [Self.explicit])
        #expect(export.wakeUpCalls.allSatisfy { $0.answers == nil }, "08:30 is before working hours")
        #expect(export.retests.count == 2 && export.retests.allSatisfy { $0.takenAt == Self.instant })
        #expect(export.deletions.count == 3 && export.deletions.allSatisfy { $0.deletedAt == Self.instant })
        // Nothing else in the document looks like another instant (deleted entries included).
        let text = export.serialized()
        #expect(Self.instants(in: text) == [Self.instant.description, Self.explicit.description])

        // The states and the migration history too.
        await fixture.store.close()
        let connection = try SQLiteConnection(path: fixture.path, mode: .readOnly, trace: nil)
        let stamps = try connection.rows(
            "SELECT updated_at FROM item_state UNION SELECT applied_at FROM schema_migration"
        )
        .map { try $0.timestamp(0) }
        #expect(Set(stamps) == [Self.instant])
    }

    /// Opening a migrated file, reading and writing through it never reads the clock: the
    /// clock here stops the test run if it is read.
    @Test func aStoreOnAMigratedFileNeverReadsTheClock() async throws {
        let fixture = try AppFixture.make(start: Self.instant, defaultTimeZone: "UTC")
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let me = try await fixture.assessedPerson(Cases.desk)
        try await me.log("glute-bridge", reps: [12, 12])
        await fixture.store.close()

        let store = try SQLiteStore(
            path: fixture.path, configuration: AppFixture.testConfiguration, clock: .unimplemented,
            ids: .sequential(prefix: "again"))
        let app = GluteApp(store: store, knowledge: knowledge, clock: .unimplemented, defaultTimeZone: "UTC")
        #expect(try await app.plan(me.id).version.version == 1)
        #expect(try await app.planHistory(me.id).count == 1)
        #expect(try await app.exportDatabase().loggedSets.count == 1)
        let written = try await store.write { tx in
            try tx.insertSet(
                SetEntry(
                    exerciseID: "glute-bridge", side: nil, sets: 2, reps: 13, felt: .glutes, balance: .steady,
                    pain: 0, performedAt: Self.instant.adding(seconds: 60)),
                for: me.id)
        }
        #expect(written.id.rawValue == "again-1")
        #expect(
            try await store.read { tx in
                try tx.loggedSets(for: me.id, in: Self.instant..<Self.instant.adding(seconds: 3600))
            }.count == 2)
        await store.close()
    }
}

import Foundation
import GluteApp
import GluteCore
import GluteJSON
import GluteSQLite
import GluteSecurity
import GluteStore
import Synchronization
import Testing

/// Profile changes make a new plan version that keeps progress; logs with an idempotency key are
/// stored once.
@Suite struct ProfileAndIdempotencyTests {
    static func assessed() async throws -> (AccountsFixture, AccountView) {
        let fixture = try AccountsFixture()
        let client = try await fixture.client("ana@example.com").account
        _ = try await fixture.app.assess(client.person, inputText: SampleAssessment.text())
        return (fixture, client)
    }

    @Test func aProfileChangeMakesANewVersionKeepingProgressAndTheReassessmentDate() async throws {
        let (fixture, client) = try await Self.assessed()
        fixture.clock.advance(seconds: 4 * 3600)
        _ = try await fixture.app.logSet(
            client.person,
            SampleSets.sets("glute-bridge", side: nil, at: fixture.clock.now, reps: [12, 12], session: .activation))
        let first = try #require(try await fixture.app.plan(client.person).version.plan)
        let start = try #require(ClockTime("08:00"))
        let end = try #require(ClockTime("16:00"))
        let updated = try await fixture.app.updateProfile(
            client.person,
            ProfileChanges(
                workHours: WorkHours(start: start, end: end, days: [.mon, .tue, .wed, .thu]), timeZone: "Europe/Berlin",
                wakeUpEveryMinutes: 45))
        #expect(updated.changes == ["work hours", "time zone", "wake-up interval"])
        #expect(updated.plan.version.version == 2)
        #expect(updated.plan.version.reason == "profile changed: work hours, time zone, wake-up interval on 2026-11-02")
        let plan = try #require(updated.plan.version.plan)
        #expect(
            plan.wakeUpCalls.everyMinutes == 45 && plan.wakeUpCalls.start == start && plan.wakeUpCalls.days.count == 4)
        #expect(plan.reassessOn == first.reassessOn)
        #expect(try await fixture.app.person(client.person)?.timeZone == "Europe/Berlin")
        let states = try await fixture.store.read { tx in try tx.latestItemStates(for: client.person) }
        #expect(states[ItemKey(kind: .activation, exercise: "glute-bridge", side: nil)]?.current.target == 13)
        // The assessment kept with the new version holds the new profile.
        let latest = try await fixture.store.read { tx in try tx.latestAssessment(for: client.person) }
        #expect(latest?.input.objectValue?["profile"]?.objectValue?["wakeUpEveryMinutes"] == .int(45))
        #expect(updated.jsonValue.objectValue?["plan"]?.objectValue?["version"] == .int(2))
        await fixture.remove()
    }

    @Test func anExerciseThatHurtStaysOutAfterAProfileChange() async throws {
        let (fixture, client) = try await Self.assessed()
        fixture.clock.advance(seconds: 4 * 3600)
        let hurt = try await fixture.app.logSet(
            client.person,
            SampleSets.sets("split-squat", side: .left, at: fixture.clock.now, reps: [10, 10], pain: 5))
        guard case .swapped = hurt.safety else {
            Issue.record("pain of 5 did not swap the split squat: \(hurt.safety)")
            return
        }
        let updated = try await fixture.app.updateProfile(
            client.person, ProfileChanges(trainingDays: [.tue, .thu], minutesPerSession: 40))
        let plan = try #require(updated.plan.version.plan)
        #expect(!plan.sessions.contains { $0.session.items.contains { $0.exercise == "split-squat" } })
        #expect(plan.sessions.contains { $0.day == .tue && $0.session.kind == .strength })
        #expect(updated.plan.version.causes == [hurt.set.id.rawValue])
        await fixture.remove()
    }

    @Test func aProfileChangeIsCheckedAndNeverRestartsAStoppedPlan() async throws {
        let (fixture, client) = try await Self.assessed()
        let bad = await #expect(throws: AppError.self) {
            _ = try await fixture.app.updateProfile(client.person, ProfileChanges(minutesPerSession: 2))
        }
        #expect(bad?.code == .invalidInput && bad?.field == "profile.minutesPerSession")
        let empty = await #expect(throws: AppError.self) {
            _ = try await fixture.app.updateProfile(client.person, ProfileChanges())
        }
        #expect(empty?.code == .invalidInput)
        fixture.clock.advance(seconds: 3600)
        _ = try await fixture.app.logSet(
            client.person, SampleSets.sets("glute-bridge", side: nil, at: fixture.clock.now, reps: [10], pain: 9))
        let stopped = await #expect(throws: AppError.self) {
            _ = try await fixture.app.updateProfile(client.person, ProfileChanges(minutesPerSession: 20))
        }
        #expect(stopped?.code == .precondition)
        #expect(try await fixture.app.plan(client.person).version.plan == nil)
        await fixture.remove()
    }

    @Test func aRetriedLogWithTheSameKeyIsStoredOnceAndAnsweredTheSame() async throws {
        let (fixture, client) = try await Self.assessed()
        fixture.clock.advance(seconds: 3600)
        let entry = SampleSets.sets("glute-bridge", side: nil, at: fixture.clock.now, reps: [12, 12])
        let key = IdempotencyKey(account: client.id, key: "set-2026-11-02-1", fingerprint: "body-1")
        let first = try await fixture.app.logSet(client.person, entry, idempotency: key)
        fixture.clock.advance(seconds: 5)
        let retry = try await fixture.app.logSet(client.person, entry, idempotency: key)
        #expect(!first.replayed && retry.replayed)
        #expect(retry.body == first.body && retry.status == 201)
        #expect(try await fixture.app.history(client.person, limit: 10).count == 1)
        // Another body with the same key, or the key for another operation, is refused.
        let other = await #expect(throws: AppError.self) {
            _ = try await fixture.app.logSet(
                client.person, entry,
                idempotency: IdempotencyKey(account: client.id, key: key.key, fingerprint: "body-2"))
        }
        #expect(other?.code == .conflict)
        let wakeUp = await #expect(throws: AppError.self) {
            _ = try await fixture.app.logWakeUpCall(client.person, outcome: .done, idempotency: key)
        }
        #expect(wakeUp?.code == .conflict)
        // A key of someone else's account does not log for this person.
        let ben = try await fixture.client("ben@example.com").account
        let foreign = await #expect(throws: AppError.self) {
            _ = try await fixture.app.logSet(
                client.person, entry, idempotency: IdempotencyKey(account: ben.id, key: "k"))
        }
        #expect(foreign?.code == .forbidden)
        #expect(try await fixture.app.history(client.person, limit: 10).count == 1)
        await fixture.remove()
    }

    @Test func concurrentRetriesOfOneWakeUpLogWriteItOnce() async throws {
        let (fixture, client) = try await Self.assessed()
        fixture.clock.set(Timestamp(iso8601: "2026-11-02T10:00:00Z") ?? fixture.clock.now)
        let key = IdempotencyKey(account: client.id, key: "wake-10:00")
        let answers = try await withThrowingTaskGroup(of: IdempotentAnswer.self) { group in
            for _ in 0..<10 {
                group.addTask { try await fixture.app.logWakeUpCall(client.person, outcome: .done, idempotency: key) }
            }
            var all: [IdempotentAnswer] = []
            for try await answer in group { all.append(answer) }
            return all
        }
        #expect(answers.count { !$0.replayed } == 1 && answers.count { $0.replayed } == 9)
        #expect(Set(answers.map { $0.body.serialized() }).count == 1)
        #expect(try await fixture.app.history(client.person, limit: 10).count == 1)
        // After a day the key is forgotten, and the same key logs again.
        fixture.clock.advance(seconds: 25 * 3600)
        let later = try await fixture.app.logWakeUpCall(
            client.person, outcome: .skip, idempotency: IdempotencyKey(account: client.id, key: "other"))
        #expect(!later.replayed)
        let again = try await fixture.app.logWakeUpCall(client.person, outcome: .done, idempotency: key)
        #expect(!again.replayed)
        let bad = await #expect(throws: AppError.self) {
            _ = try await fixture.app.logWakeUpCall(
                client.person, outcome: .done, idempotency: IdempotencyKey(account: client.id, key: "has space"))
        }
        #expect(bad?.field == "Idempotency-Key")
        await fixture.remove()
    }
}

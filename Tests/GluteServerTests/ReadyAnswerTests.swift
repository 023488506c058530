import GluteApp
import GluteCore
import GluteHTTP
import GluteJSON
import GluteServer
import GluteStore
import Testing

/// getToday's kept answer, given before the middleware and without a task: only to a caller the
/// access check would admit, only while the answer is current, and the same as the handler's.
@Suite struct ReadyAnswerTests {
    @Test func aKeptAnswerIsReadyOnlyToItsKeptCallerAndEqualsTheHandlers() async throws {
        let world = try await World.make()
        // Nothing kept yet: neither the caller nor the answer.
        #expect(world.ready(.get, "/api/me/today", as: .clientA) == nil)
        let computed = await world.send(.get, "/api/me/today", as: .clientA)
        #expect(computed.status == .ok)
        let ready = try #require(world.ready(.get, "/api/me/today", as: .clientA))
        #expect(ready.status == .ok)
        #expect(ready.body == computed.body)
        #expect(ready.headers["Content-Type"] == computed.headers["Content-Type"])
        // Another person, anonymous callers and other reads get nothing ready.
        #expect(world.ready(.get, "/api/me/today", as: .clientB) == nil)
        #expect(world.ready(.get, "/api/me/today") == nil)
        #expect(world.ready(.get, "/api/me", as: .clientA) == nil)
        #expect(world.ready(.get, "/api/me/plan", as: .clientA) == nil)
        // A header that is no bearer token is the middleware's 401, never a ready answer.
        let basic: HTTPHeaders = ["Authorization": "Basic Y2xpZW50YQ=="]
        #expect(world.ready(.get, "/api/me/today", headers: basic) == nil)
        #expect(await world.send(.get, "/api/me/today", headers: basic).status == .unauthorized)
        await world.close()
    }

    @Test func aWriteOrANewMinuteEndsTheReadyAnswerAndAStopShowsAtOnce() async throws {
        let world = try await World.make()
        _ = await world.send(.get, "/api/me/today", as: .clientA)
        #expect(world.ready(.get, "/api/me/today", as: .clientA) != nil)
        let pain: JSONValue = ["exercise": "clamshell", "side": "left", "reps": [15, 15], "pain": 8]
        #expect(await world.send(.post, "/api/me/sets", as: .clientA, json: pain).status == .created)
        #expect(world.ready(.get, "/api/me/today", as: .clientA) == nil)
        let stopped = await world.send(.get, "/api/me/today", as: .clientA)
        #expect(stopped.json.objectValue?["stop"] != .null)
        #expect(world.ready(.get, "/api/me/today", as: .clientA)?.body == stopped.body)
        world.clock.advance(seconds: 60)
        #expect(world.ready(.get, "/api/me/today", as: .clientA) == nil)
        await world.close()
    }

    @Test func aRevokedTokenOrAnEndedSessionGetsNothingReady() async throws {
        let world = try await World.make()
        // The spare token of A, used for reads, then revoked with A's other token.
        let spare = try await world.app.createAPIToken(world.account(.clientA).id, name: "phone")
        let spareHeaders: HTTPHeaders = ["Authorization": "Bearer \(spare.secret)"]
        #expect(await world.send(.get, "/api/me/today", headers: spareHeaders).status == .ok)
        #expect(world.ready(.get, "/api/me/today", headers: spareHeaders) != nil)
        let revoke = await world.send(.delete, "/api/me/tokens/\(spare.token.id.rawValue)", as: .clientA)
        #expect(revoke.status.code < 300)
        #expect(world.ready(.get, "/api/me/today", headers: spareHeaders) == nil)
        #expect(await world.send(.get, "/api/me/today", headers: spareHeaders).status == .unauthorized)
        // A session: a read needs no CSRF token, so its kept answer is ready; signing out ends it.
        let (cookie, csrf) = try await SessionAndInputTests.signIn(world)
        #expect(await world.send(.get, "/api/me/today", headers: ["Cookie": cookie]).status == .ok)
        #expect(world.ready(.get, "/api/me/today", headers: ["Cookie": cookie]) != nil)
        let out = await world.send(.post, "/api/signout", headers: ["Cookie": cookie, "X-CSRF-Token": csrf])
        #expect(out.status == .ok)
        #expect(world.ready(.get, "/api/me/today", headers: ["Cookie": cookie]) == nil)
        #expect(await world.send(.get, "/api/me/today", headers: ["Cookie": cookie]).status == .unauthorized)
        await world.close()
    }
}

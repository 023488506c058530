import Foundation
import GluteApp
import GluteCore
import GluteHTTP
import GluteJSON
import GluteSQLite
import GluteSecurity
import GluteServer
import GluteStore
import Testing

/// Sessions, CSRF, sign-in limits and bad input, in process through the pipeline.
@Suite struct SessionAndInputTests {
    /// Signs in as client A with the password; returns the cookie header and the CSRF token.
    static func signIn(_ world: World, address: String = "127.0.0.1") async throws -> (cookie: String, csrf: String) {
        let response = await world.pipeline.respond(
            to: HTTPRequest(
                method: .post, target: "/api/signin", headers: ["Content-Type": "application/json"],
                body: Array(#"{"email":"clienta@example.com","password":"\#(World.password)"}"#.utf8),
                remoteAddress: address))
        #expect(response.status == .ok)
        let cookies = response.headers.values(for: "Set-Cookie")
        let session = try #require(cookies.first { $0.hasPrefix("glute_session=") })
        let csrf = try #require(cookies.first { $0.hasPrefix("glute_csrf=") })
        #expect(session.contains("HttpOnly") && session.contains("SameSite=Strict"))
        #expect(!csrf.contains("HttpOnly") && csrf.contains("SameSite=Strict"))
        let sessionValue = String(session.split(separator: ";")[0])
        let csrfValue = String(csrf.split(separator: ";")[0].dropFirst("glute_csrf=".count))
        #expect(response.json.objectValue?["session"]?.objectValue?["csrfToken"]?.stringValue == csrfValue)
        return ("\(sessionValue); glute_csrf=\(csrfValue)", csrfValue)
    }

    static let set: JSONValue = ["exercise": "clamshell", "side": "left", "reps": [15, 15]]

    func setCount(_ world: World, _ role: Role) async throws -> Int {
        let person = world.account(role).person
        return try await world.store.read { tx in
            try tx.loggedSets(for: person, in: Timestamp(millisecondsSince1970: 0)..<Timestamp(millisecondsSince1970: Int64.max / 2)).count
        }
    }

    @Test func cookieWritesNeedTheCSRFTokenAndWriteNothingWithout() async throws {
        let world = try await World.make()
        let (cookie, csrf) = try await Self.signIn(world)
        let before = try await setCount(world, .clientA)
        let missing = await world.send(.post, "/api/me/sets", json: Self.set, headers: ["Cookie": cookie])
        #expect(missing.status == .forbidden)
        let wrong = await world.send(
            .post, "/api/me/sets", json: Self.set, headers: ["Cookie": cookie, "X-CSRF-Token": "nope"])
        #expect(wrong.status == .forbidden)
        #expect(try await setCount(world, .clientA) == before)
        let read = await world.send(.get, "/api/me/today", headers: ["Cookie": cookie])
        #expect(read.status == .ok)
        let good = await world.send(
            .post, "/api/me/sets", json: Self.set, headers: ["Cookie": cookie, "X-CSRF-Token": csrf])
        #expect(good.status == .created)
        #expect(try await setCount(world, .clientA) == before + 1)
        // An API token needs no CSRF token.
        let bearer = await world.send(.post, "/api/me/sets", as: .clientA, json: Self.set)
        #expect(bearer.status == .created)
        await world.close()
    }

    @Test func signInRotatesTheSessionAndSignOutEndsIt() async throws {
        let world = try await World.make()
        let first = try await Self.signIn(world)
        let second = await world.pipeline.respond(
            to: HTTPRequest(
                method: .post, target: "/api/signin",
                headers: ["Content-Type": "application/json", "Cookie": first.cookie],
                body: Array(#"{"email":"clienta@example.com","password":"\#(World.password)"}"#.utf8)))
        #expect(second.status == .ok)
        #expect(await world.send(.get, "/api/me", headers: ["Cookie": first.cookie]).status == .unauthorized)
        let cookies = second.headers.values(for: "Set-Cookie")
        let session = try #require(cookies.first { $0.hasPrefix("glute_session=") }?.split(separator: ";").first)
        let csrf = try #require(second.json.objectValue?["session"]?.objectValue?["csrfToken"]?.stringValue)
        let cookie = "\(session); glute_csrf=\(csrf)"
        #expect(await world.send(.get, "/api/me", headers: ["Cookie": cookie]).status == .ok)
        let out = await world.send(.post, "/api/signout", headers: ["Cookie": cookie, "X-CSRF-Token": csrf])
        #expect(out.status == .ok)
        #expect(out.headers.values(for: "Set-Cookie").contains { $0.hasPrefix("glute_session=;") })
        #expect(await world.send(.get, "/api/me", headers: ["Cookie": cookie]).status == .unauthorized)
        await world.close()
    }

    @Test func sessionsExpireWhenIdle() async throws {
        var settings = AccountSettings(hasher: PasswordHasher(parameters: .minimum))
        settings.sessionIdleTimeout = .seconds(600)
        settings.sessionTouchInterval = .seconds(60)
        let world = try await World.make(accounts: settings)
        let (cookie, _) = try await Self.signIn(world)
        world.clock.advance(seconds: 300)
        #expect(await world.send(.get, "/api/me", headers: ["Cookie": cookie]).status == .ok)
        world.clock.advance(seconds: 599)
        #expect(await world.send(.get, "/api/me", headers: ["Cookie": cookie]).status == .ok)
        world.clock.advance(seconds: 601)
        #expect(await world.send(.get, "/api/me", headers: ["Cookie": cookie]).status == .unauthorized)
        await world.close()
    }

    @Test func badTokensAreRefusedEverywhere() async throws {
        let world = try await World.make()
        for value in ["Bearer glt_nope", "Bearer", "Basic abc", "bearer "] {
            let response = await world.send(.get, "/api/health", headers: ["Authorization": value])
            #expect(response.status == .unauthorized, "\(value)")
            #expect(response.headers["WWW-Authenticate"] == "Bearer")
        }
        let revoked = try #require(world.tokenOf[.clientB])
        let id = try #require(try await world.app.apiToken(revoked)?.token.rawValue)
        #expect(await world.send(.delete, "/api/me/tokens/\(id)", as: .clientB).status == .ok)
        #expect(await world.send(.get, "/api/me", as: .clientB).status == .unauthorized)
        await world.close()
    }

    @Test func failedSignInsAreLimitedPerAddress() async throws {
        var settings = AccountSettings(hasher: PasswordHasher(parameters: .minimum))
        settings.signInLimits.perAddress = RateLimit(attempts: 3, per: .seconds(60))
        settings.signInLimits.perAccount = RateLimit(attempts: 100, per: .seconds(60))
        let world = try await World.make(accounts: settings)
        for _ in 0..<3 {
            let response = await world.send(
                .post, "/api/signin", json: ["email": "clienta@example.com", "password": "wrong password"])
            #expect(response.status == .unauthorized)
        }
        let limited = await world.send(
            .post, "/api/signin", json: ["email": "clienta@example.com", "password": .string(World.password)])
        #expect(limited.status == .tooManyRequests)
        #expect(limited.headers["Retry-After"] != nil)
        world.clock.advance(seconds: 61)
        _ = try await Self.signIn(world)
        await world.close()
    }

    @Test func badInputIsAClearFourHundredAndWritesNothing() async throws {
        let world = try await World.make()
        let before = try await world.snapshot()
        let cases: [(String, [UInt8], String?, Int, String?)] = [
            ("malformed", Array(#"{"exercise": "clamshell", "#.utf8), "application/json", 400, "(document)"),
            ("wrong type", Array(#"{"exercise": 7, "reps": [15]}"#.utf8), "application/json", 400, "exercise"),
            ("reps as text", Array(#"{"exercise": "clamshell", "side": "left", "reps": "15"}"#.utf8), "application/json", 400, "reps"),
            ("unknown key", Array(#"{"exercise": "clamshell", "side": "left", "reps": [15], "x": 1}"#.utf8), "application/json", 400, nil),
            ("unknown exercise", Array(#"{"exercise": "moonwalk", "reps": [15]}"#.utf8), "application/json", 400, "exercise"),
            ("no side", Array(#"{"exercise": "clamshell", "reps": [15]}"#.utf8), "application/json", 400, "side"),
            ("future", Array(#"{"exercise": "clamshell", "side": "left", "reps": [15], "at": "2027-01-01T00:00:00Z"}"#.utf8), "application/json", 400, "at"),
            ("no offset", Array(#"{"exercise": "clamshell", "side": "left", "reps": [15], "at": "2026-12-01T08:00:00"}"#.utf8), "application/json", 400, "at"),
            ("pain 11", Array(#"{"exercise": "clamshell", "side": "left", "reps": [15], "pain": 11}"#.utf8), "application/json", 400, "pain"),
            ("empty", [], "application/json", 400, "(document)"),
            ("form", Array("exercise=clamshell".utf8), "application/x-www-form-urlencoded", 415, nil),
            ("no type", Array(#"{"exercise": "clamshell"}"#.utf8), nil, 415, nil),
            ("huge", [UInt8](repeating: 0x20, count: (1 << 20) + 1), "application/json", 413, nil),
        ]
        for (name, body, type, status, field) in cases {
            var headers: HTTPHeaders = [:]
            if let type { headers["Content-Type"] = type }
            let response = await world.send(.post, "/api/me/sets", as: .clientA, body: body, headers: headers)
            #expect(response.status.code == status, "\(name): \(response.status) \(response.body.text)")
            let error = response.json.objectValue?["error"]?.objectValue
            #expect(error?["message"]?.stringValue?.isEmpty == false, "\(name)")
            if let field { #expect(error?["field"]?.stringValue == field, "\(name): \(response.body.text)") }
        }
        #expect(try await world.snapshot() == before)
        await world.close()
    }

    @Test func aHeldSetIsLoggedInSecondsAndAQueuedSetKeepsItsTime() async throws {
        let world = try await World.make()
        let hold = await world.send(
            .post, "/api/me/sets", as: .clientA,
            json: ["exercise": "side-plank", "side": "right", "seconds": [30, 30], "felt": "glutes", "pain": 0])
        #expect(hold.status == .created, "\(hold.body.text)")
        let queued = await world.send(
            .post, "/api/me/sets", as: .clientA,
            json: [
                "exercise": "romanian-deadlift", "reps": [10, 9], "load": ["value": 16, "unit": "kg"],
                "at": "2026-12-01T09:30:00+01:00", "rpe": 6, "note": "on the train",
            ])
        #expect(queued.status == .created, "\(queued.body.text)")
        #expect(queued.json.objectValue?["logged"]?.objectValue?["at"]?.stringValue == "2026-12-01T08:30:00Z")
        // A few minutes ahead is clock skew, not the future.
        let skewed = await world.send(
            .post, "/api/me/sets", as: .clientA,
            json: ["exercise": "clamshell", "side": "left", "reps": [15], "at": "2026-12-01T09:03:00Z"])
        #expect(skewed.status == .created, "\(skewed.body.text)")
        await world.close()
    }

    @Test func aReplayedIdempotencyKeyIsStoredOnce() async throws {
        let world = try await World.make()
        let before = try await setCount(world, .clientA)
        let key: HTTPHeaders = ["Idempotency-Key": "phone-queue-42"]
        let first = await world.send(.post, "/api/me/sets", as: .clientA, json: Self.set, headers: key)
        let again = await world.send(.post, "/api/me/sets", as: .clientA, json: Self.set, headers: key)
        #expect(first.status == .created)
        #expect(again.status == .created)
        #expect(again.body == first.body)
        #expect(again.headers["Idempotent-Replayed"] == "true")
        #expect(try await setCount(world, .clientA) == before + 1)
        let other = await world.send(
            .post, "/api/me/sets", as: .clientA, json: ["exercise": "clamshell", "side": "right", "reps": [15]],
            headers: key)
        #expect(other.status == .conflict)
        // Keys belong to one account: B's same key is B's own.
        let fromB = await world.send(.post, "/api/me/sets", as: .clientB, json: Self.set, headers: key)
        #expect(fromB.status == .created)
        #expect(fromB.headers["Idempotent-Replayed"] == nil)
        // A failed request keeps nothing, so it may be retried.
        let bad = await world.send(
            .post, "/api/me/wakeups", as: .clientA, json: ["outcome": "maybe"], headers: ["Idempotency-Key": "w1"])
        #expect(bad.status == .badRequest)
        let wake = await world.send(
            .post, "/api/me/wakeups", as: .clientA, json: ["outcome": "done"], headers: ["Idempotency-Key": "w1"])
        #expect(wake.status == .created)
        #expect(try await setCount(world, .clientA) == before + 1)
        await world.close()
    }

    @Test func anotherPersonsEntryIsNotFoundAndStays() async throws {
        let world = try await World.make()
        let id = try #require(world.setOf[.clientA])
        let before = try await world.snapshot()
        let response = await world.send(.delete, "/api/me/history/\(id)", as: .clientB)
        #expect(response.status == .notFound)
        #expect(try await world.snapshot() == before)
        await world.close()
    }

    @Test func unknownRoutesMethodsAndStaticFiles() async throws {
        let world = try await World.make()
        let missing = await world.send(.get, "/api/nothing-here")
        #expect(missing.status == .notFound)
        #expect(missing.json.objectValue?["error"] != nil)
        let method = await world.send(.put, "/api/me/today", as: .clientA)
        #expect(method.status == .methodNotAllowed)
        let index = await world.send(.get, "/")
        #expect(index.status == .ok)
        #expect(index.headers["Content-Type"]?.hasPrefix("text/html") == true)
        #expect(index.body.text.contains("GluteCoach"))
        #expect(await world.send(.get, "/../etc/passwd").status == .badRequest)
        // An API route's own 404 stays the API's.
        let noFeed = await world.send(.get, "/api/feeds/nope/calendar.ics")
        #expect(noFeed.status == .notFound)
        #expect(noFeed.headers["Content-Type"] == HTTPResponse.jsonContentType)
        await world.close()
    }

    @Test func passwordsAndSecretsNeverReachLogsOrOtherResponses() async throws {
        let world = try await World.make()
        let password = "a secret passphrase 77"
        let signUp = await world.send(
            .post, "/api/signup", json: ["email": "secret@example.com", "password": .string(password)])
        #expect(signUp.status == .created)
        let session = try #require(
            signUp.headers.values(for: "Set-Cookie").first { $0.hasPrefix("glute_session=") }?.split(separator: ";")
                .first?.dropFirst("glute_session=".count))
        let csrf = try #require(signUp.json.objectValue?["session"]?.objectValue?["csrfToken"]?.stringValue)
        let cookie: HTTPHeaders = ["Cookie": "glute_session=\(session)", "X-CSRF-Token": csrf]
        let token = await world.send(.post, "/api/me/tokens", json: ["name": "phone"], headers: cookie)
        let secret = try #require(token.json.objectValue?["secret"]?.stringValue)
        var bodies: [String] = [signUp.body.text]
        for (method, target, json) in [
            (HTTPMethod.post, "/api/signin", ["email": "secret@example.com", "password": .string(password)] as JSONValue),
            (.post, "/api/signin", ["email": "secret@example.com", "password": "wrong guess 123"]),
            (.post, "/api/me/password", ["currentPassword": .string(password), "newPassword": "yet another one 9"]),
        ] {
            bodies.append(await world.send(method, target, json: json, headers: cookie).body.text)
        }
        bodies.append(await world.send(.get, "/api/me", headers: ["Authorization": "Bearer \(secret)"]).body.text)
        bodies.append(await world.send(.get, "/api/me?token=\(secret)", headers: cookie).body.text)
        for text in bodies {
            #expect(!text.contains(password) && !text.contains(secret) && !text.contains(String(session)))
        }
        let lines = world.log.lines
        #expect(lines.count >= 6)
        for line in lines {
            #expect(!line.contains(password) && !line.contains(secret) && !line.contains(String(session)), "\(line)")
            #expect(!line.contains("yet another one"))
        }
        await world.close()
    }
}

/// The per-minute answer of getToday.
@Suite struct TodayCacheTests {
    @Test func aWriteOrANewMinuteRefreshesTodayAndAnotherPersonNeverSeesIt() async throws {
        let world = try await World.make()
        let first = await world.send(.get, "/api/me/today", as: .clientA)
        #expect(first.status == .ok)
        #expect(await world.send(.get, "/api/me/today", as: .clientA).body == first.body)
        let otherBefore = await world.send(.get, "/api/me/today", as: .clientB)
        let wake = await world.send(.post, "/api/me/wakeups", as: .clientA, json: ["outcome": "done"])
        #expect(wake.status == .created)
        let after = await world.send(.get, "/api/me/today", as: .clientA)
        #expect(after.body != first.body)
        #expect(
            after.json.objectValue?["wakeUpCalls"]?.objectValue?["done"]
                != first.json.objectValue?["wakeUpCalls"]?.objectValue?["done"])
        // B's answer is B's own: A's write did not change it.
        #expect(await world.send(.get, "/api/me/today", as: .clientB).body == otherBefore.body)
        // A write by another process is seen once the minute turns.
        _ = try await world.app.logSet(
            world.account(.clientA).person,
            SetEntry(
                exerciseID: "glute-bridge", side: nil, setCount: 2, reps: [12, 12], felt: .glutes, balance: .steady,
                pain: 0, performedAt: world.clock.now))
        #expect(await world.send(.get, "/api/me/today", as: .clientA).body == after.body)
        world.clock.advance(seconds: 60)
        #expect(await world.send(.get, "/api/me/today", as: .clientA).body != after.body)
        await world.close()
    }
}

/// Callers kept for a few seconds.
@Suite struct CallerCacheTests {
    @Test func aTokenRevokedElsewhereStopsWorkingWithinFiveSeconds() async throws {
        let world = try await World.make()
        #expect(await world.send(.get, "/api/me", as: .clientA).status == .ok)
        let secret = try #require(world.tokenOf[.clientA])
        let token = try #require(try await world.app.apiToken(secret)?.token)
        // Revoked by another process: no write went through this server.
        try await world.app.revokeAPIToken(world.account(.clientA).id, id: token)
        world.clock.advance(seconds: 6)
        #expect(await world.send(.get, "/api/me", as: .clientA).status == .unauthorized)
        await world.close()
    }
}

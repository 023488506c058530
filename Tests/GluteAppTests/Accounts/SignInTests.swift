import Foundation
import GluteApp
import GluteCore
import GluteJSON
import GluteSQLite
import GluteSecurity
import GluteStore
import Synchronization
import Testing

/// Signing up, in and out; sessions that expire and slide; CSRF tokens bound to the session;
/// rate limits per account and per address; secrets never stored.
@Suite struct SignInTests {
    private func expectAppError(
        _ code: AppError.Code, field: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws -> Void
    ) async -> AppError? {
        let error = await #expect(throws: AppError.self, sourceLocation: sourceLocation) { try await body() }
        #expect(error?.code == code, "\(String(reflecting: error))", sourceLocation: sourceLocation)
        if let field { #expect(error?.field == field, sourceLocation: sourceLocation) }
        return error
    }

    @Test func signingUpMakesAClientWithAPersonInUTCAndASession() async throws {
        let fixture = try AccountsFixture()
        let signed = try await fixture.app.signUp(
            email: " Ana@Example.com ", password: AccountsFixture.password, name: "Ana", address: "10.0.0.1")
        #expect(signed.account.email == "ana@example.com" && signed.account.role == .client)
        #expect(signed.account.name == "Ana" && signed.account.timeZone == "UTC")
        #expect(signed.session.cookie.count == 43 && signed.session.csrfToken != signed.session.cookie)
        #expect(signed.session.expiresAt == AccountsFixture.start.adding(seconds: 30 * 86_400))
        let person = try await fixture.app.person(signed.account.person)
        #expect(person?.timeZone == "UTC")
        let zoned = try await fixture.app.signUp(
            email: "ben@example.com", password: AccountsFixture.password, timeZone: "Asia/Tokyo", address: "10.0.0.1")
        #expect(zoned.account.timeZone == "Asia/Tokyo")
        let me = try await fixture.app.me(signed.account.id)
        #expect(me.account == signed.account && me.coaches.isEmpty && !me.hasCalendarFeed)
        #expect(me.jsonValue.objectValue?["account"]?.objectValue?["email"] == "ana@example.com")
        await fixture.remove()
    }

    @Test func signUpRefusesShortPasswordsBadEmailsAndZonesAndTakenEmails() async throws {
        let fixture = try AccountsFixture()
        _ = await expectAppError(.invalidInput, field: "password") {
            _ = try await fixture.app.signUp(email: "ana@example.com", password: "eleven char", address: "a")
        }
        _ = await expectAppError(.invalidInput, field: "email") {
            _ = try await fixture.app.signUp(email: "ana", password: AccountsFixture.password, address: "a")
        }
        _ = await expectAppError(.invalidInput, field: "timeZone") {
            _ = try await fixture.app.signUp(
                email: "ana@example.com", password: AccountsFixture.password, timeZone: "Mars/Base", address: "a")
        }
        _ = try await fixture.client("ana@example.com")
        _ = await expectAppError(.conflict, field: "email") {
            _ = try await fixture.app.signUp(email: "ANA@example.com", password: AccountsFixture.password, address: "a")
        }
        await fixture.remove()
    }

    @Test func aSessionIsFoundByItsCookieCarriesItsCSRFTokenAndEndsAtSignOut() async throws {
        let fixture = try AccountsFixture()
        let signed = try await fixture.client("ana@example.com")
        let found = try #require(try await fixture.app.session(cookie: signed.session.cookie))
        #expect(found.account == signed.account && found.session == signed.session.id)
        #expect(found.csrfToken == signed.session.csrfToken)
        #expect(found.acceptsCSRFToken(signed.session.csrfToken))
        #expect(
            !found.acceptsCSRFToken(nil) && !found.acceptsCSRFToken("")
                && !found.acceptsCSRFToken(signed.session.cookie))
        #expect(try await fixture.app.session(cookie: SecretToken.random().text) == nil)
        #expect(try await fixture.app.session(cookie: "not a cookie") == nil)
        try await fixture.app.signOut(cookie: signed.session.cookie)
        #expect(try await fixture.app.session(cookie: signed.session.cookie) == nil)
        try await fixture.app.signOut(cookie: signed.session.cookie)
        await fixture.remove()
    }

    @Test func signingInRotatesTheCookieAndEndsTheOneItReplaces() async throws {
        let fixture = try AccountsFixture()
        let signed = try await fixture.client("ana@example.com")
        let again = try await fixture.app.signIn(
            email: "ANA@example.com", password: AccountsFixture.password, address: "10.0.0.1",
            replacing: signed.session.cookie)
        #expect(again.session.cookie != signed.session.cookie && again.session.id != signed.session.id)
        #expect(again.session.csrfToken != signed.session.csrfToken)
        #expect(try await fixture.app.session(cookie: signed.session.cookie) == nil)
        #expect(try await fixture.app.session(cookie: again.session.cookie)?.account.id == signed.account.id)
        // A second browser keeps its own session.
        let other = try await fixture.app.signIn(
            email: "ana@example.com", password: AccountsFixture.password, address: "b")
        #expect(try await fixture.app.session(cookie: again.session.cookie) != nil)
        #expect(try await fixture.app.session(cookie: other.session.cookie) != nil)
        await fixture.remove()
    }

    @Test func anUnknownEmailAndAWrongPasswordGetTheSameAnswer() async throws {
        let fixture = try AccountsFixture()
        _ = try await fixture.client("ana@example.com")
        let wrong = await expectAppError(.unauthorized) {
            _ = try await fixture.app.signIn(email: "ana@example.com", password: "wrong password here", address: "a")
        }
        let unknown = await expectAppError(.unauthorized) {
            _ = try await fixture.app.signIn(
                email: "nobody@example.com", password: AccountsFixture.password, address: "a")
        }
        #expect(wrong?.message == unknown?.message && wrong?.field == unknown?.field)
        #expect(wrong?.message == "the email or the password is wrong")
        await fixture.remove()
    }

    @Test func sessionsEndAfterTheirLifetimeOrWhenIdleAndSlideWhenUsed() async throws {
        let fixture = try AccountsFixture { settings in
            settings.sessionLifetime = .seconds(10 * 3600)
            settings.sessionIdleTimeout = .seconds(3600)
            settings.sessionTouchInterval = .seconds(300)
        }
        let signed = try await fixture.client("ana@example.com")
        let cookie = signed.session.cookie
        // Used every 50 minutes, it outlives the idle hour ...
        for _ in 0..<5 {
            fixture.clock.advance(seconds: 50 * 60)
            #expect(try await fixture.app.session(cookie: cookie) != nil)
        }
        // ... a use within the touch interval is not written ...
        let (_, quiet) = try await fixture.statements.during {
            fixture.clock.advance(seconds: 60)
            return try await fixture.app.session(cookie: cookie)
        }
        #expect(!quiet.contains { $0.hasPrefix("UPDATE auth_session") })
        // ... an hour unused ends it.
        fixture.clock.advance(seconds: 3600)
        #expect(try await fixture.app.session(cookie: cookie) == nil)
        // However often it is used, it ends after its lifetime.
        let fresh = try await fixture.app.signIn(
            email: "ana@example.com", password: AccountsFixture.password, address: "a")
        for _ in 0..<12 {
            fixture.clock.advance(seconds: 50 * 60)
            _ = try await fixture.app.session(cookie: fresh.session.cookie)
        }
        #expect(try await fixture.app.session(cookie: fresh.session.cookie) == nil)
        await fixture.remove()
    }

    @Test func failedSignInsAreLimitedPerAccountAndAnySuccessForgivesTheAccount() async throws {
        let fixture = try AccountsFixture { settings in
            settings.signInLimits.perAccount = RateLimit(attempts: 3, per: .seconds(600))
            settings.signInLimits.perAddress = RateLimit(attempts: 100, per: .seconds(600))
        }
        _ = try await fixture.client("ana@example.com")
        // Two failures, a success, then three more failures are allowed: the success forgave the two.
        for _ in 0..<2 {
            _ = await expectAppError(.unauthorized) {
                _ = try await fixture.app.signIn(email: "ana@example.com", password: "wrong password!", address: "a")
            }
        }
        _ = try await fixture.app.signIn(email: "ana@example.com", password: AccountsFixture.password, address: "a")
        for _ in 0..<3 {
            _ = await expectAppError(.unauthorized) {
                _ = try await fixture.app.signIn(email: "ana@example.com", password: "wrong password!", address: "b")
            }
        }
        // The fourth is refused without looking at the password, even the right one, from anywhere.
        let limited = await expectAppError(.rateLimited) {
            _ = try await fixture.app.signIn(email: "Ana@example.com", password: AccountsFixture.password, address: "c")
        }
        #expect(limited?.retryAfterSeconds == 600)
        #expect(limited?.message == "too many sign-in attempts: try again in 10 minutes")
        // An unknown email is limited the same way, so the limit says nothing about who exists.
        for _ in 0..<3 {
            _ = await expectAppError(.unauthorized) {
                _ = try await fixture.app.signIn(email: "nobody@example.com", password: "wrong password!", address: "d")
            }
        }
        _ = await expectAppError(.rateLimited) {
            _ = try await fixture.app.signIn(email: "nobody@example.com", password: "wrong password!", address: "d")
        }
        fixture.clock.advance(seconds: 599)
        _ = await expectAppError(.rateLimited) {
            _ = try await fixture.app.signIn(email: "ana@example.com", password: AccountsFixture.password, address: "c")
        }
        fixture.clock.advance(seconds: 1)
        _ = try await fixture.app.signIn(email: "ana@example.com", password: AccountsFixture.password, address: "c")
        await fixture.remove()
    }

    @Test func failedSignInsAreLimitedPerAddressAcrossAccounts() async throws {
        let fixture = try AccountsFixture { settings in
            settings.signInLimits.perAccount = RateLimit(attempts: 100, per: .seconds(600))
            settings.signInLimits.perAddress = RateLimit(attempts: 4, per: .seconds(600))
        }
        _ = try await fixture.client("ana@example.com")
        // Successes from the address do not count.
        for _ in 0..<5 {
            _ = try await fixture.app.signIn(
                email: "ana@example.com", password: AccountsFixture.password, address: "10.1.1.1")
        }
        for number in 0..<4 {
            _ = await expectAppError(.unauthorized) {
                _ = try await fixture.app.signIn(
                    email: "user\(number)@example.com", password: "wrong password!", address: "10.1.1.1")
            }
        }
        _ = await expectAppError(.rateLimited) {
            _ = try await fixture.app.signIn(
                email: "ana@example.com", password: AccountsFixture.password, address: "10.1.1.1")
        }
        // Another address is not affected.
        _ = try await fixture.app.signIn(
            email: "ana@example.com", password: AccountsFixture.password, address: "10.2.2.2")
        await fixture.remove()
    }

    @Test func signUpsAreLimitedPerAddress() async throws {
        let fixture = try AccountsFixture { settings in
            settings.signUpLimit = RateLimit(attempts: 2, per: .seconds(3600))
        }
        for number in 0..<2 {
            _ = try await fixture.app.signUp(
                email: "user\(number)@example.com", password: AccountsFixture.password, address: "10.9.9.9")
        }
        let limited = await expectAppError(.rateLimited) {
            _ = try await fixture.app.signUp(
                email: "user2@example.com", password: AccountsFixture.password, address: "10.9.9.9")
        }
        #expect(limited?.retryAfterSeconds == 3600)
        _ = try await fixture.app.signUp(
            email: "user2@example.com", password: AccountsFixture.password, address: "10.8.8.8")
        await fixture.remove()
    }

    @Test func concurrentFailedSignInsCannotSlipPastTheLimit() async throws {
        let fixture = try AccountsFixture { settings in
            settings.signInLimits.perAccount = RateLimit(attempts: 5, per: .seconds(600))
        }
        _ = try await fixture.client("ana@example.com")
        let outcomes = await withTaskGroup(of: AppError.Code?.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    do {
                        _ = try await fixture.app.signIn(
                            email: "ana@example.com", password: "wrong password!", address: "x")
                        return nil
                    } catch let error as AppError {
                        return error.code
                    } catch {
                        return .failure
                    }
                }
            }
            var codes: [AppError.Code?] = []
            for await code in group { codes.append(code) }
            return codes
        }
        #expect(outcomes.count { $0 == .unauthorized } == 5)
        #expect(outcomes.count { $0 == .rateLimited } == 15)
        await fixture.remove()
    }

    @Test func noPasswordCookieOrCSRFTokenIsInTheDatabaseFile() async throws {
        let fixture = try AccountsFixture()
        let signed = try await fixture.client("ana@example.com")
        let again = try await fixture.app.signIn(
            email: "ana@example.com", password: AccountsFixture.password, address: "a")
        let token = try await fixture.app.createAPIToken(signed.account.id, name: "script")
        let coach = try await fixture.coach("coach@example.com")
        let invitation = try await fixture.app.createInvitation(coach.id)
        let feed = try await fixture.app.renewCalendarFeed(signed.account.id)
        await fixture.store.close()
        let bytes = try fixture.databaseBytes()
        for secret in [
            AccountsFixture.password, signed.session.cookie, signed.session.csrfToken, again.session.cookie,
            token.secret, invitation.code, feed.secret,
        ] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "a secret is stored as it is")
        }
        // Their hashes are.
        #expect(bytes.range(of: Data(SecretToken.hash(of: token.secret).utf8)) != nil)
        #expect(bytes.range(of: Data(SecretToken.hash(of: again.session.cookie).utf8)) != nil)
        try? FileManager.default.removeItem(atPath: fixture.folder)
    }
}

internal import GluteApp
internal import GluteCore
internal import GluteHTTP
internal import GluteJSON
internal import GluteSecurity
internal import GluteStore

extension API {
    /// signUp, signIn, signOut, getMe, updateProfile, changePassword, deleteAccount,
    /// createApiToken, revokeApiToken.
    func addAccountRoutes(to router: inout Router<APIContext>) {
        let services = self.services
        let app = services.app
        let api = self
        let credentials = Schema.object(
            [
                "email": Schema.string(length: 3...254), "password": Schema.string(length: 12...1000),
                "name": Schema.string(length: 1...200), "timeZone": Schema.string(length: 1...64),
            ], required: ["email", "password"])
        router.add(
            .post, "/api/signup",
            metadata: Operation(
                "signUp", access: .anyone,
                summary: "Creates a client account with its person and signs it in (session and CSRF cookies)",
                tag: "accounts", status: 201, request: credentials,
                response: Schema.having(["account", "session"]))
        ) { request, context in
            let body = try api.object(request, keys: ["email", "password", "name", "timeZone"])
            let (email, password, name, zone) = try api.reading {
                (
                    try body.requiredString("email"), try body.requiredString("password"), try body.string("name"),
                    try body.string("timeZone")
                )
            }
            let signedIn = try await app.signUp(
                email: email, password: password, name: name, timeZone: zone ?? "UTC", address: request.remoteAddress)
            context.logger.info("account created", ["account": signedIn.account.id.rawValue])
            return try api.signedIn(signedIn, status: .created)
        }

        router.add(
            .post, "/api/signin",
            metadata: Operation(
                "signIn", access: .anyone,
                summary: "Starts a new session (the old one, if any, ends); limited per account and address",
                tag: "accounts",
                request: Schema.object(
                    ["email": Schema.string, "password": Schema.string], required: ["email", "password"]),
                response: Schema.having(["account", "session"]))
        ) { request, _ in
            let body = try api.object(request, keys: ["email", "password"])
            let (email, password) = try api.reading {
                (try body.requiredString("email"), try body.requiredString("password"))
            }
            let signedIn = try await app.signIn(
                email: email, password: password, address: request.remoteAddress,
                replacing: request.cookies[AccessMiddleware.sessionCookie])
            return try api.signedIn(signedIn, status: .ok)
        }

        router.add(
            .post, "/api/signout",
            metadata: Operation(
                "signOut", access: .account, summary: "Ends the session and clears its cookies", tag: "accounts",
                response: Schema.object(["signedOut": Schema.boolean], required: ["signedOut"]))
        ) { _, context in
            if let cookie = try context.requireCaller().cookie { try await app.signOut(cookie: cookie) }
            var response = HTTPResponse.json(.object(["signedOut": true]))
            try api.clearCookies(&response)
            return response
        }

        router.add(
            .get, "/api/me",
            metadata: Operation(
                "getMe", access: .account,
                summary: "The account, its person, its coaches and whether it has a calendar feed, and its API tokens",
                tag: "accounts", response: Schema.having(["account", "coaches", "tokens"]))
        ) { _, context in
            let account = try context.requireCaller().account.id
            var me = try await app.me(account).jsonValue.objectValue ?? [:]
            me["tokens"] = .array(try await app.apiTokens(account).map(\.jsonValue))
            return JSONValue.object(me)
        }

        router.add(
            .patch, "/api/me",
            metadata: Operation(
                "updateProfile", access: .account,
                summary:
                    "Changes the profile (time zone, work hours, training days, minutes, wake-up interval) as a new plan version; renewCalendarFeed makes a new secret feed URL, shown once",
                tag: "accounts",
                request: Schema.object([
                    "timeZone": Schema.string(length: 1...64),
                    "workHours": Schema.object(
                        [
                            "start": Schema.string, "end": Schema.string,
                            "days": Schema.array(Schema.oneOf(Weekday.allCases.map(\.rawValue))),
                        ], required: ["start", "end", "days"]),
                    "trainingDays": Schema.array(Schema.oneOf(Weekday.allCases.map(\.rawValue))),
                    "minutesPerSession": Schema.integer(1...240), "wakeUpEveryMinutes": Schema.integer(30...90),
                    "renewCalendarFeed": Schema.boolean,
                ]),
                response: Schema.object(["profile": Schema.anyObject, "calendarFeed": Schema.string]))
        ) { request, context in
            let account = try context.requireCaller().account
            let body = try api.object(
                request,
                keys: [
                    "timeZone", "workHours", "trainingDays", "minutesPerSession", "wakeUpEveryMinutes",
                    "renewCalendarFeed",
                ])
            let (changes, renew) = try api.reading { () throws -> (ProfileChanges, Bool) in
                var changes = ProfileChanges(
                    timeZone: try body.string("timeZone"),
                    wakeUpEveryMinutes: try body.int("wakeUpEveryMinutes", in: 1...1440))
                changes.minutesPerSession = try body.int("minutesPerSession", in: 1...1440)
                if body.value("trainingDays") != nil { changes.trainingDays = try body.requiredEnumSet("trainingDays") }
                if let hours = try body.object("workHours", allowedKeys: ["start", "end", "days"]) {
                    guard let start = ClockTime(try hours.requiredString("start")),
                        let end = ClockTime(try hours.requiredString("end"))
                    else { throw FieldError(field: "workHours", message: "start and end are times like 09:00") }
                    changes.workHours = WorkHours(start: start, end: end, days: try hours.requiredEnumSet("days"))
                }
                return (changes, try body.bool("renewCalendarFeed") ?? false)
            }
            var answer = JSONObject()
            if changes != ProfileChanges() {
                answer["profile"] = try await app.updateProfile(account.person, changes).jsonValue
            }
            if renew {
                let feed = try await app.renewCalendarFeed(account.id)
                answer["calendarFeed"] = .string("/api/feeds/\(feed.secret)/calendar.ics")
            }
            return JSONValue.object(answer)
        }

        router.add(
            .post, "/api/me/password",
            metadata: Operation(
                "changePassword", access: .account,
                summary: "Changes the password; every other session ends", tag: "accounts",
                request: Schema.object(
                    ["currentPassword": Schema.string, "newPassword": Schema.string(length: 12...1000)],
                    required: ["currentPassword", "newPassword"]),
                response: Schema.object(["changed": Schema.boolean], required: ["changed"]))
        ) { request, context in
            let caller = try context.requireCaller()
            let body = try api.object(request, keys: ["currentPassword", "newPassword"])
            let (current, new) = try api.reading {
                (try body.requiredString("currentPassword"), try body.requiredString("newPassword"))
            }
            try await app.changePassword(caller.account.id, current: current, new: new, keepingSession: caller.cookie)
            return JSONValue.object(["changed": true])
        }

        router.add(
            .delete, "/api/me",
            metadata: Operation(
                "deleteAccount", access: .account,
                summary: "Deletes the account and everything of its person (the password confirms it)",
                tag: "accounts",
                request: Schema.object(["password": Schema.string], required: ["password"]),
                response: Schema.object(["deleted": Schema.boolean], required: ["deleted"]))
        ) { request, context in
            let account = try context.requireCaller().account
            let body = try api.object(request, keys: ["password"])
            let password = try api.reading { try body.requiredString("password") }
            guard await app.accounts.hasher.verify(password, against: try await api.passwordHash(account.id)) else {
                throw HTTPError(.forbidden, message: "the password is wrong", field: "password")
            }
            try await app.deleteAccount(account.id)
            var response = HTTPResponse.json(.object(["deleted": true]))
            try api.clearCookies(&response)
            return response
        }

        router.add(
            .post, "/api/me/tokens",
            metadata: Operation(
                "createApiToken", access: .account,
                summary: "Makes an API token for 'Authorization: Bearer'; its secret is shown only here",
                tag: "accounts", status: 201,
                request: Schema.object(["name": Schema.string(length: 1...100)], required: ["name"]),
                response: Schema.having(["token", "secret"]))
        ) { request, context in
            let account = try context.requireCaller().account
            let body = try api.object(request, keys: ["name"])
            let name = try api.reading { try body.requiredString("name") }
            return api.created(try await app.createAPIToken(account.id, name: name).jsonValue)
        }

        router.add(
            .delete, "/api/me/tokens/{id}",
            metadata: Operation(
                "revokeApiToken", access: .account, summary: "Revokes one of the account's API tokens",
                tag: "accounts", response: Schema.object(["revoked": Schema.string], required: ["revoked"]))
        ) { _, context in
            let account = try context.requireCaller().account
            let id = try context.parameters.require("id")
            try await app.revokeAPIToken(account.id, id: APIToken.ID(rawValue: id))
            return JSONValue.object(["revoked": .string(id)])
        }
    }

    /// The stored password hash of an account (to confirm a deletion).
    func passwordHash(_ account: Account.ID) async throws -> String {
        let found = try await services.app.store.read { tx in try tx.account(account)?.passwordHash }
        guard let found else { throw AppError(code: .notFound, message: "there is no such account") }
        return found
    }

    /// The answer of a sign-in or sign-up: the account and the CSRF token in the body, the
    /// session and CSRF cookies in the header.
    func signedIn(_ signedIn: SignedIn, status: HTTPStatus) throws -> HTTPResponse {
        let now = services.clock.now()
        let session = signedIn.session
        let maxAge = Int(max(0, (session.expiresAt.millisecondsSince1970 - now.millisecondsSince1970) / 1000))
        let secure = services.settings.secureCookies
        var response = HTTPResponse.json(signedIn.jsonValue, status: status)
        response.setCookie(
            try SetCookie(
                name: AccessMiddleware.sessionCookie, value: session.cookie, maxAge: maxAge, secure: secure,
                httpOnly: true, sameSite: .strict))
        response.setCookie(
            try SetCookie(
                name: AccessMiddleware.csrfCookie, value: session.csrfToken, maxAge: maxAge, secure: secure,
                httpOnly: false, sameSite: .strict))
        return response
    }

    /// Tells the browser to forget the session and CSRF cookies.
    func clearCookies(_ response: inout HTTPResponse) throws {
        let secure = services.settings.secureCookies
        response.setCookie(try SetCookie.expired(name: AccessMiddleware.sessionCookie, secure: secure))
        response.setCookie(try SetCookie.expired(name: AccessMiddleware.csrfCookie, secure: secure))
    }
}

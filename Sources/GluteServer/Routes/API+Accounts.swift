internal import GluteApp
internal import GluteCore
internal import GluteHTTP
internal import GluteJSON
internal import GluteStore

extension API {
    static let accountSchema = Schema.having(["id", "email", "role", "createdAt"])

    /// signUp, signIn, signOut, getMe, updateProfile, changePassword, deleteAccount,
    /// createApiToken, revokeApiToken.
    func addAccountRoutes(to router: inout Router<APIContext>) {
        let services = self.services
        let api = self
        let credentials = Schema.object(
            [
                "email": Schema.string(length: 3...254), "password": Schema.string(length: 8...1024),
                "name": Schema.string(length: 1...200), "timeZone": Schema.string(length: 1...64),
            ], required: ["email", "password"])
        router.add(
            .post, "/api/signup",
            metadata: Operation(
                "signUp", access: .anyone,
                summary: "Creates a client account with its person and signs it in (session and CSRF cookies)",
                tag: "accounts", status: 201, request: credentials,
                response: Schema.having(["account", "csrfToken"]))
        ) { request, context in
            let body = try api.object(request, keys: ["email", "password", "name", "timeZone"])
            let (email, password, name, zone) = try api.reading {
                (
                    try body.requiredString("email"), try body.requiredString("password"), try body.string("name"),
                    try body.string("timeZone")
                )
            }
            _ = try StandInAccountDirectory.checkedEmail(email)
            try StandInAccountDirectory.checkPassword(password, field: "password")
            if services.accounts.account(email: email) != nil {
                throw AppError(code: .conflict, message: "an account with this email exists already", field: "email")
            }
            if let zone, TimeZoneRules(identifier: zone) == nil {
                throw AppError.invalid("timeZone", "'\(zone)' is not a known IANA time zone, like Europe/Berlin")
            }
            let person = try await services.app.createPerson(name: name, timeZone: zone ?? "UTC")
            let account = try services.accounts.createAccount(
                email: email, password: password, role: .client, person: person.id, at: services.clock.now())
            context.logger.info("account created", ["account": account.id])
            return try api.signedIn(account, request: request, status: .created)
        }

        router.add(
            .post, "/api/signin",
            metadata: Operation(
                "signIn", access: .anyone,
                summary: "Starts a new session (the old one, if any, ends); rate limited per address and email",
                tag: "accounts",
                request: Schema.object(
                    ["email": Schema.string, "password": Schema.string], required: ["email", "password"]),
                response: Schema.having(["account", "csrfToken"]))
        ) { request, context in
            let body = try api.object(request, keys: ["email", "password"])
            let (email, password) = try api.reading {
                (try body.requiredString("email"), try body.requiredString("password"))
            }
            let keys = ["address:" + request.remoteAddress, "email:" + email.lowercased()]
            let now = services.clock.now()
            if let wait = services.limiter.retryAfter(keys, now: now) {
                throw HTTPError(
                    .tooManyRequests, message: "too many failed sign-ins: wait \(wait) seconds",
                    headers: ["Retry-After": String(wait)])
            }
            guard let account = services.accounts.verify(email: email, password: password) else {
                services.limiter.fail(keys, now: now)
                context.logger.info("sign-in refused")
                throw HTTPError(.unauthorized, message: "wrong email or password")
            }
            services.limiter.succeed(keys)
            return try api.signedIn(account, request: request, status: .ok)
        }

        router.add(
            .post, "/api/signout",
            metadata: Operation(
                "signOut", access: .account, summary: "Ends the session and clears its cookies", tag: "accounts",
                response: Schema.object(["signedOut": Schema.boolean], required: ["signedOut"]))
        ) { _, context in
            if let session = try context.requireCaller().session { services.accounts.endSession(session.id) }
            var response = HTTPResponse.json(.object(["signedOut": true]))
            let secure = services.settings.secureCookies
            response.setCookie(try SetCookie.expired(name: AccessMiddleware.sessionCookie, secure: secure))
            response.setCookie(try SetCookie.expired(name: AccessMiddleware.csrfCookie, secure: secure))
            return response
        }

        router.add(
            .get, "/api/me",
            metadata: Operation(
                "getMe", access: .account,
                summary: "The account, its person, coaches, API tokens and calendar feed URL", tag: "accounts",
                response: Schema.having(["account", "person", "coaches", "tokens", "calendarFeed"]))
        ) { _, context in try await api.me(try context.requireCaller().account) }

        router.add(
            .patch, "/api/me",
            metadata: Operation(
                "updateProfile", access: .account,
                summary: "Changes the time zone; renewCalendarFeed gives the calendar feed a new secret URL",
                tag: "accounts",
                request: Schema.object(
                    ["timeZone": Schema.string(length: 1...64), "renewCalendarFeed": Schema.boolean]),
                response: Schema.having(["account", "person", "calendarFeed"]))
        ) { request, context in
            let account = try context.requireCaller().account
            let body = try api.object(request, keys: ["timeZone", "renewCalendarFeed"])
            let (zone, renew) = try api.reading { (try body.string("timeZone"), try body.bool("renewCalendarFeed")) }
            if let zone {
                guard TimeZoneRules(identifier: zone) != nil else {
                    throw AppError.invalid("timeZone", "'\(zone)' is not a known IANA time zone, like Europe/Berlin")
                }
                try await services.app.store.write { tx in
                    guard try tx.person(account.person) != nil else {
                        throw AppError(code: .notFound, message: "there is no such person")
                    }
                    try tx.setTimeZone(zone, for: account.person)
                }
            }
            if renew == true { _ = try services.accounts.renewFeedSecret(for: account.id) }
            return try await api.me(account)
        }

        router.add(
            .post, "/api/me/password",
            metadata: Operation(
                "changePassword", access: .account,
                summary: "Changes the password; every other session ends", tag: "accounts",
                request: Schema.object(
                    ["currentPassword": Schema.string, "newPassword": Schema.string(length: 8...1024)],
                    required: ["currentPassword", "newPassword"]),
                response: Schema.object(["changed": Schema.boolean], required: ["changed"]))
        ) { request, context in
            let caller = try context.requireCaller()
            let body = try api.object(request, keys: ["currentPassword", "newPassword"])
            let (current, new) = try api.reading {
                (try body.requiredString("currentPassword"), try body.requiredString("newPassword"))
            }
            try services.accounts.changePassword(
                account: caller.account.id, current: current, new: new, keepingSession: caller.session?.id)
            return JSONValue.object(["changed": true])
        }

        router.add(
            .delete, "/api/me",
            metadata: Operation(
                "deleteAccount", access: .account,
                summary: "Deletes the account (the password confirms it); its person's records stay for export",
                tag: "accounts",
                request: Schema.object(["password": Schema.string], required: ["password"]),
                response: Schema.object(["deleted": Schema.boolean], required: ["deleted"]))
        ) { request, context in
            let account = try context.requireCaller().account
            let body = try api.object(request, keys: ["password"])
            let password = try api.reading { try body.requiredString("password") }
            guard services.accounts.verify(email: account.email, password: password) != nil else {
                throw HTTPError(.forbidden, message: "the password is wrong", field: "password")
            }
            try services.accounts.deleteAccount(account.id)
            var response = HTTPResponse.json(.object(["deleted": true]))
            response.setCookie(try SetCookie.expired(name: AccessMiddleware.sessionCookie))
            response.setCookie(try SetCookie.expired(name: AccessMiddleware.csrfCookie))
            return response
        }

        router.add(
            .post, "/api/me/tokens",
            metadata: Operation(
                "createApiToken", access: .account,
                summary: "Makes an API token for 'Authorization: Bearer'; its secret is shown only here",
                tag: "accounts", status: 201,
                request: Schema.object(["name": Schema.string(length: 1...100)], required: ["name"]),
                response: Schema.having(["id", "name", "token", "createdAt"]))
        ) { request, context in
            let account = try context.requireCaller().account
            let body = try api.object(request, keys: ["name"])
            let name = try api.reading { try body.requiredString("name") }
            let (info, secret) = try services.accounts.createToken(
                for: account.id, name: name, at: services.clock.now())
            var object = Self.tokenJSON(info)
            object["token"] = .string(secret)
            return api.created(.object(object))
        }

        router.add(
            .delete, "/api/me/tokens/{id}",
            metadata: Operation(
                "revokeApiToken", access: .account, summary: "Revokes one of the account's API tokens",
                tag: "accounts", response: Schema.object(["revoked": Schema.string], required: ["revoked"]))
        ) { _, context in
            let account = try context.requireCaller().account
            let id = try context.parameters.require("id")
            try services.accounts.revokeToken(id, for: account.id)
            return JSONValue.object(["revoked": .string(id)])
        }
    }

    /// The answer of a sign-in or sign-up: the account and the CSRF token in the body, the
    /// session and CSRF cookies in the header; an earlier session of the request ends (rotation).
    func signedIn(_ account: AccountInfo, request: HTTPRequest, status: HTTPStatus) throws -> HTTPResponse {
        let now = services.clock.now()
        if let old = request.cookies[AccessMiddleware.sessionCookie],
            let (_, session) = services.accounts.session(secret: old, at: now)
        {
            services.accounts.endSession(session.id)
        }
        let issued = try services.accounts.startSession(for: account.id, at: now)
        let maxAge = Int(max(0, (issued.expiresAt.millisecondsSince1970 - now.millisecondsSince1970) / 1000))
        let secure = services.settings.secureCookies
        var response = HTTPResponse.json(
            .object(["account": Self.accountJSON(account), "csrfToken": .string(issued.csrfToken)]), status: status)
        response.setCookie(
            try SetCookie(
                name: AccessMiddleware.sessionCookie, value: issued.secret, maxAge: maxAge, secure: secure,
                httpOnly: true, sameSite: .strict))
        response.setCookie(
            try SetCookie(
                name: AccessMiddleware.csrfCookie, value: issued.csrfToken, maxAge: maxAge, secure: secure,
                httpOnly: false, sameSite: .strict))
        return response
    }

    /// getMe's document.
    func me(_ account: AccountInfo) async throws -> JSONValue {
        let accounts = services.accounts
        guard let current = accounts.account(id: account.id) else {
            throw AppError(code: .notFound, message: "there is no such account")
        }
        let person = try await services.app.person(current.person)
        let feed = accounts.feedSecret(for: current.id).map { "/api/feeds/\($0)/calendar.ics" }
        return .object([
            "account": Self.accountJSON(current),
            "person": .object([
                "id": .string(current.person.rawValue), "name": .optional(person?.name, JSONValue.string),
                "timeZone": .optional(person?.timeZone, JSONValue.string),
            ]),
            "coaches": .array(accounts.coaches(of: current.id).map(Self.accountJSON)),
            "tokens": .array(accounts.tokens(for: current.id).map { .object(Self.tokenJSON($0)) }),
            "calendarFeed": .optional(feed, JSONValue.string),
        ])
    }

    static func accountJSON(_ account: AccountInfo) -> JSONValue {
        .object([
            "id": .string(account.id), "email": .string(account.email), "role": .string(account.role.rawValue),
            "createdAt": .string(account.createdAt.description),
        ])
    }

    static func tokenJSON(_ info: APITokenInfo) -> JSONObject {
        ["id": .string(info.id), "name": .string(info.name), "createdAt": .string(info.createdAt.description)]
    }
}

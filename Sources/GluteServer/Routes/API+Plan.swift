internal import GluteApp
internal import GluteCore
internal import GluteHTTP
internal import GluteJSON
internal import GluteStore

extension API {
    /// getPlan, getPlanHistory, getFindings, exportCalendar, getCalendarFeed, exportCSV.
    func addPlanRoutes(to router: inout Router<APIContext>) {
        let services = self.services
        let app = services.app

        router.add(
            .get, "/api/me/plan",
            metadata: Operation(
                "getPlan", access: .account, summary: "The plan in force, as 'glute plan --json'", tag: "plan",
                response: Schema.anyObject)
        ) { _, context in try await app.plan(try context.requireCaller().account.person).jsonValue }

        router.add(
            .get, "/api/me/plan/history",
            metadata: Operation(
                "getPlanHistory", access: .account, summary: "Every plan version, as 'glute plan --history --json'",
                tag: "plan", response: Schema.array(Schema.anyObject))
        ) { _, context in
            JSONValue.array(try await app.planHistory(try context.requireCaller().account.person).map(\.summaryJSON))
        }

        router.add(
            .get, "/api/me/findings",
            metadata: Operation(
                "getFindings", access: .account, summary: "The latest assessment's findings", tag: "plan",
                response: Schema.anyObject)
        ) { _, context in try await app.findings(try context.requireCaller().account.person) }

        let sessionTime: [(name: String, schema: JSONValue, description: String)] = [
            (
                "time", .object(["type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"]),
                "The local time of the sessions, HH:MM (default 18:00)."
            )
        ]
        router.add(
            .get, "/api/me/export/calendar.ics",
            metadata: Operation(
                "exportCalendar", access: .account, summary: "The plan as an iCalendar file with alarms", tag: "export",
                response: Schema.text, responseType: "text/calendar", query: sessionTime)
        ) { request, context in
            let person = try context.requireCaller().account.person
            return try await Self.calendar(app, person: person, request: request)
        }

        router.add(
            .get, "/api/feeds/{secret}/calendar.ics",
            metadata: Operation(
                "getCalendarFeed", access: .feedSecret,
                summary: "The calendar feed to subscribe to: the secret URL updateProfile gives with renewCalendarFeed",
                tag: "export", response: Schema.text, responseType: "text/calendar", query: sessionTime)
        ) { request, context in
            let time = try Self.sessionTime(request)
            guard
                let text = try await app.calendarFeed(
                    secret: try context.parameters.require("secret"), sessionTime: time)
            else { throw HTTPError(.notFound, message: "there is no such calendar feed") }
            return HTTPResponse(headers: ["Content-Type": "text/calendar; charset=utf-8"], body: HTTPBody(text))
        }

        router.add(
            .get, "/api/me/export/sets.csv",
            metadata: Operation(
                "exportCSV", access: .account, summary: "Every logged set as CSV (RFC 4180)", tag: "export",
                response: Schema.text, responseType: "text/csv")
        ) { _, context in
            let csv = try await app.setsCSV(try context.requireCaller().account.person)
            return HTTPResponse(
                headers: [
                    "Content-Type": "text/csv; charset=utf-8",
                    "Content-Disposition": "attachment; filename=\"glute-sets.csv\"",
                ], body: HTTPBody(csv))
        }
    }

    static func sessionTime(_ request: HTTPRequest) throws(HTTPError) -> ClockTime {
        guard let text = request.query["time"] else { return ClockTime(minutes: 18 * 60) ?? .midnight }
        guard let parsed = ClockTime(text) else {
            throw HTTPError(.badRequest, message: "must be a local time like 07:30", field: "time")
        }
        return parsed
    }

    static func calendar(_ app: GluteApp, person: Person.ID, request: HTTPRequest) async throws -> HTTPResponse {
        let text = try await app.calendar(person, sessionTime: try sessionTime(request))
        return HTTPResponse(headers: ["Content-Type": "text/calendar; charset=utf-8"], body: HTTPBody(text))
    }
}

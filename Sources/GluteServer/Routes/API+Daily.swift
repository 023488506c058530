internal import Foundation
internal import GluteApp
internal import GluteCore
internal import GluteHTTP
internal import GluteJSON
internal import GluteStore

extension API {
    /// The body of logSet.
    static let setSchema = Schema.object(
        [
            "exercise": Schema.string(length: 1...100), "side": Schema.oneOf(Side.allCases.map(\.rawValue)),
            "reps": .object(["type": "array", "items": Schema.integer(1...1000), "minItems": 1, "maxItems": 20]),
            "seconds": .object(["type": "array", "items": Schema.integer(1...3600), "minItems": 1, "maxItems": 20]),
            "load": Schema.object(
                [
                    "value": .object(["type": "number", "minimum": 0, "maximum": 2000]),
                    "unit": Schema.oneOf(["kg", "lb"]),
                ],
                required: ["value", "unit"]),
            "felt": Schema.oneOf(FeltIn.allCases.map(\.rawValue)),
            "balance": Schema.oneOf(Balance.allCases.map(\.rawValue)), "rpe": Schema.integer(1...10),
            "pain": Schema.integer(0...10), "numbness": Schema.boolean, "note": Schema.string(length: 0...1000),
            "at": .object(["type": "string", "format": "date-time"]),
            "session": Schema.oneOf(Session.Kind.allCases.map(\.rawValue)),
        ], required: ["exercise"])

    /// submitAssessment, getToday, logSet, logWakeUpCall, getNext, submitRetest, getProgress,
    /// listHistory, deleteEntry, analyzeLandmarks.
    func addDailyRoutes(to router: inout Router<APIContext>) {
        let services = self.services
        let app = services.app
        let api = self

        router.add(
            .post, "/api/me/assessments",
            metadata: Operation(
                "submitAssessment", access: .account,
                summary:
                    "Takes the assessment (the interchange document of docs/assessment-format.md) and keeps the plan",
                tag: "plan", status: 201, request: Schema.anyObject,
                response: Schema.having(["findings"]))
        ) { request, context in
            let person = try context.requireCaller().account.person
            let document = try request.json()
            guard document.objectValue != nil else {
                throw HTTPError(.badRequest, message: "must be a JSON object", field: FieldError.documentField)
            }
            if let screening = try Self.redFlagStop(document) {
                let result = AssessmentResult(findings: FindingRules.screeningFindings(for: screening), plan: nil)
                let outcome = try await app.keep(person, inputText: document.serialized(), result: result)
                return api.created(outcome.result.jsonValue)
            }
            let outcome = try await app.assess(person, inputText: document.serialized())
            return api.created(outcome.result.jsonValue)
        }

        router.add(
            .get, "/api/me/today",
            metadata: Operation(
                "getToday", access: .account, summary: "What is due today, as 'glute today --json'", tag: "daily",
                response: Schema.anyObject)
        ) { _, context in
            // Kept for the minute, unless something was written; a kept answer is usually given
            // before this handler runs (ReadyAnswers), and the same way here otherwise.
            let person = try context.requireCaller().account.person
            if let kept = services.keptToday(for: person) { return kept }
            let cache = services.cache
            let minute = ResponseCache.minute(of: services.clock.now())
            let generation = cache.generation
            let response = HTTPResponse.json(try await app.today(person).jsonValue)
            cache.keep(response, for: person.rawValue, minute: minute, generation: generation)
            return response
        }

        router.add(
            .post, "/api/me/sets",
            metadata: Operation(
                "logSet", access: .account,
                summary: "Logs sets of one exercise; committed to disk before the 201 (Idempotency-Key honoured)",
                tag: "daily", status: 201, request: Self.setSchema, response: Schema.having(["logged"]),
                idempotent: true)
        ) { request, context in
            let caller = try context.requireCaller()
            let (entry, timed) = try api.setEntry(request)
            let tolerance = services.settings.aheadToleranceSeconds
            let person = caller.account.person
            guard let key = try api.idempotencyKey(request, caller: caller) else {
                return api.created(
                    try await app.logSet(person, entry, aheadTolerance: tolerance, stampedOnWrite: !timed).jsonValue)
            }
            return api.answer(
                try await app.logSet(
                    person, entry, idempotency: key, aheadTolerance: tolerance, stampedOnWrite: !timed))
        }

        router.add(
            .post, "/api/me/wakeups",
            metadata: Operation(
                "logWakeUpCall", access: .account,
                summary: "Logs a wake-up call as done or skipped (Idempotency-Key honoured)", tag: "daily", status: 201,
                request: Schema.object(
                    [
                        "outcome": Schema.oneOf(WakeUpOutcome.allCases.map(\.rawValue)),
                        "at": .object(["type": "string", "format": "date-time"]),
                    ], required: ["outcome"]),
                response: Schema.anyObject, idempotent: true)
        ) { request, context in
            let caller = try context.requireCaller()
            let body = try api.object(request, keys: ["outcome", "at"])
            let outcome: WakeUpOutcome = try api.reading { try body.requiredEnum("outcome") }
            let at = try api.instant(try api.reading { try body.string("at") }, field: "at")
            let tolerance = services.settings.aheadToleranceSeconds
            guard let key = try api.idempotencyKey(request, caller: caller) else {
                return api.created(
                    try await app.logWakeUpCall(
                        caller.account.person, outcome: outcome, at: at, aheadTolerance: tolerance
                    )
                    .jsonValue)
            }
            return api.answer(
                try await app.logWakeUpCall(
                    caller.account.person, outcome: outcome, at: at, idempotency: key, aheadTolerance: tolerance))
        }

        router.add(
            .get, "/api/me/next",
            metadata: Operation(
                "getNext", access: .account,
                summary: "The next prescription of every plan item, as 'glute next --json'",
                tag: "daily",
                response: .object([
                    "anyOf": [Schema.array(Schema.having(["item", "exercise", "current"])), Schema.having(["stop"])]
                ]))
        ) { _, context in try await app.next(try context.requireCaller().account.person).jsonValue }

        router.add(
            .post, "/api/me/retests",
            metadata: Operation(
                "submitRetest", access: .account,
                summary: "Keeps a retest: {\"test\": kind, \"result\": the test's answers as in the assessment}",
                tag: "plan", status: 201,
                request: Schema.object(
                    ["test": Schema.oneOf(RetestKind.allCases.map(\.rawValue)), "result": Schema.anyObject],
                    required: ["test", "result"]),
                response: Schema.anyObject)
        ) { request, context in
            let person = try context.requireCaller().account.person
            let body = try api.object(request, keys: ["test", "result"])
            let (kind, result): (RetestKind, JSONValue) = try api.reading {
                (try body.requiredEnum("test"), try body.required("result"))
            }
            guard result.objectValue != nil else {
                throw HTTPError(.badRequest, message: "must be an object", field: "result")
            }
            return api.created(try await app.retest(person, kind: kind, result: result).jsonValue)
        }

        router.add(
            .get, "/api/me/progress",
            metadata: Operation(
                "getProgress", access: .account, summary: "Adherence, asymmetry, reps and loads over the last weeks",
                tag: "daily", response: Schema.anyObject,
                query: [("weeks", Schema.integer(1...104), "How many weeks, counting this one (default 8).")])
        ) { request, context in
            let weeks = try api.queryInt(request, "weeks", in: 1...104, default: 8)
            return try await app.progress(try context.requireCaller().account.person, weeks: weeks).jsonValue
        }

        router.add(
            .get, "/api/me/history",
            metadata: Operation(
                "listHistory", access: .account, summary: "The latest logged entries, newest first", tag: "daily",
                response: Schema.array(Schema.having(["kind", "id", "at"])),
                query: [("limit", Schema.integer(1...1000), "How many entries (default 20).")])
        ) { request, context in
            let limit = try api.queryInt(request, "limit", in: 1...1000, default: 20)
            let entries = try await app.history(try context.requireCaller().account.person, limit: limit)
            return JSONValue.array(entries.map(\.jsonValue))
        }

        router.add(
            .delete, "/api/me/history/{id}",
            metadata: Operation(
                "deleteEntry", access: .account, summary: "Deletes a logged set, wake-up call or retest of one's own",
                tag: "daily", response: Schema.anyObject)
        ) { _, context in
            let person = try context.requireCaller().account.person
            return try await app.deleteEntry(person, id: try context.parameters.require("id")).jsonValue
        }

        router.add(
            .post, "/api/me/analyses",
            metadata: Operation(
                "analyzeLandmarks", access: .account,
                summary: "Form analysis of a landmark file (JSON or MediaPipe CSV); save=true keeps it as a retest",
                tag: "daily", request: Schema.text, requestType: "application/octet-stream",
                response: Schema.anyObject,
                query: [
                    ("test", Schema.oneOf(FormTest.allCases.map(\.rawValue)), "The recorded test, if not detected."),
                    ("side", Schema.oneOf(Side.allCases.map(\.rawValue)), "The side that was tested."),
                    ("view", Schema.oneOf(CameraView.allCases.map(\.rawValue)), "The camera's view."),
                    ("save", Schema.oneOf(["true", "false"]), "Keep the answers as a retest."),
                ]),
            bodyLimit: services.settings.landmarkBodyLimit
        ) { request, context in
            try await api.analyze(request, person: try context.requireCaller().account.person)
        }
    }

    /// A logged set from the API's body, and whether the body gave its time (`at`); without one
    /// the set is stamped when it is written.
    func setEntry(_ request: HTTPRequest) throws -> (SetEntry, timed: Bool) {
        let body = try object(
            request,
            keys: [
                "exercise", "side", "reps", "seconds", "load", "felt", "balance", "rpe", "pain", "numbness", "note",
                "at", "session",
            ])
        let entry = try reading { () throws -> SetEntry in
            let exercise = try body.requiredString("exercise")
            let side: Side? = try body.enumValue("side")
            let reps = try Self.ints(body, "reps", in: 1...1000)
            let seconds = try Self.ints(body, "seconds", in: 1...3600)
            guard reps != nil || seconds != nil else {
                throw FieldError(
                    field: "reps", message: "give reps (like [15, 15]) or seconds for holds (like [30, 30])")
            }
            if let seconds, Set(seconds).count > 1 {
                throw FieldError(
                    field: "seconds", message: "every hold of one entry must last the same: log different holds apart")
            }
            if let reps, let seconds, seconds.count != 1, seconds.count != reps.count {
                throw FieldError(field: "seconds", message: "give one length, or one per set of reps")
            }
            var load: Load?
            if let object = try body.object("load", allowedKeys: ["value", "unit"]) {
                load = Load(try object.requiredNumber("value", in: 0...Load.maximum), try object.requiredEnum("unit"))
            }
            let count = reps?.count ?? seconds?.count ?? 1
            let atText = try body.string("at")
            return SetEntry(
                exerciseID: exercise, side: side, setCount: count, reps: reps ?? [], load: load,
                durationSeconds: seconds?.first, felt: try body.enumValue("felt") ?? .glutes,
                balance: try body.enumValue("balance") ?? .steady, rpe: try body.int("rpe", in: 1...10),
                pain: try body.int("pain", in: 0...10) ?? 0, numbness: try body.bool("numbness") ?? false,
                performedAt: try Self.timestamp(atText, field: "at") ?? services.clock.now(),
                note: try body.string("note"),
                session: try body.enumValue("session"))
        }
        return (entry, (try? body.string("at")) != nil)
    }

    /// An ISO 8601 instant with its UTC offset, as an HTTP 400 when malformed.
    func instant(_ text: String?, field: String) throws(HTTPError) -> Timestamp? {
        do { return try Self.timestamp(text, field: field) } catch { throw HTTPError(error) }
    }

    static func timestamp(_ text: String?, field: String) throws(FieldError) -> Timestamp? {
        guard let text else { return nil }
        guard text.count <= 40, let date = try? Date(text, strategy: .iso8601) else {
            throw FieldError(
                field: field, message: "must be an ISO 8601 time with its UTC offset, like 2026-11-30T18:00:00+01:00")
        }
        return Timestamp(millisecondsSince1970: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
    }

    static func ints(_ body: JSONObjectReader, _ key: String, in range: ClosedRange<Int>) throws(FieldError) -> [Int]? {
        guard let value = body.value(key) else { return nil }
        guard let items = value.arrayValue, (1...20).contains(items.count) else {
            throw FieldError(field: key, message: "must be a list of 1 to 20 whole numbers")
        }
        var numbers: [Int] = []
        for (index, item) in items.enumerated() {
            numbers.append(try JSONObjectReader.int(item, field: "\(key)[\(index)]", in: range))
        }
        return numbers
    }
}

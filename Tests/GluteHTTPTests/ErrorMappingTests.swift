import GluteHTTP
import GluteJSON
import Testing

struct PlanLocked: HTTPResponseError {
    var status: HTTPStatus { .conflict }
    var message: String { "the plan is locked" }
    var field: String? { "plan.version" }
    var headers: HTTPHeaders { ["Retry-After": "60"] }
}

struct DatabaseBroke: Error, CustomStringConvertible {
    var description: String { "SQLite error 11: database disk image is malformed" }
}

@Suite struct ErrorMappingTests {
    static func pipeline(throwing error: any Error & Sendable, log: TestLog) throws -> HTTPPipeline {
        var router = Router<TestContext>()
        router.add(.get, "/fail", metadata: "fails") { _, _ -> HTTPResponse in throw error }
        return HTTPPipeline(
            responder: try router.buildResponder(), logSink: log.sink, requestIDs: sequentialRequestIDs())
    }

    @Test func anHTTPErrorGivesItsStatusMessageAndField() async throws {
        let log = TestLog()
        let response = try await Self.pipeline(
            throwing: HTTPError(.badRequest, message: "reps must be positive", field: "sets[0].reps"), log: log
        ).respond(to: HTTPRequest(method: .get, path: "/fail"))
        #expect(response.status == .badRequest)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(response.body.text == #"{"error":{"message":"reps must be positive","field":"sets[0].reps"}}"#)
        #expect(response.headers["X-Request-Id"] == "test-1")
    }

    @Test func aCustomResponseErrorChoosesStatusAndHeaders() async throws {
        let response = try await Self.pipeline(throwing: PlanLocked(), log: TestLog())
            .respond(to: HTTPRequest(method: .get, path: "/fail"))
        #expect(response.status == .conflict)
        #expect(response.headers["Retry-After"] == "60")
        #expect(response.body.text == #"{"error":{"message":"the plan is locked","field":"plan.version"}}"#)
    }

    @Test func anyOtherErrorIsAGeneric500WithTheDetailOnlyInTheLog() async throws {
        let log = TestLog()
        let response = try await Self.pipeline(throwing: DatabaseBroke(), log: log)
            .respond(to: HTTPRequest(method: .get, path: "/fail"))
        #expect(response.status == .internalServerError)
        #expect(response.body.text == #"{"error":{"message":"internal error"}}"#)
        let line = try #require(log.requestLines.first)
        #expect(line["status"] == "500")
        #expect(line["error"] == "SQLite error 11: database disk image is malformed")
    }

    @Test func aFieldErrorBecomesA400NamingTheField() async throws {
        let error = HTTPError(FieldError(field: "profile.age", message: "must be between 16 and 100"))
        #expect(error.status == .badRequest)
        #expect(error.field == "profile.age")
    }

    @Test func jsonBodiesAreCheckedForTypeAndSyntax() throws {
        let good = HTTPRequest(
            method: .post, path: "/", headers: ["Content-Type": "application/json; charset=utf-8"],
            body: Array(#"{"a":1}"#.utf8))
        #expect(try good.json() == .object(["a": 1]))
        let wrongType = HTTPRequest(method: .post, path: "/", headers: ["Content-Type": "text/plain"], body: [0x31])
        #expect(throws: HTTPError(.unsupportedMediaType, message: "the body must be application/json")) {
            try wrongType.json()
        }
        let broken = HTTPRequest(
            method: .post, path: "/", headers: ["Content-Type": "application/json"], body: Array("{".utf8))
        #expect {
            try broken.json()
        } throws: { error in
            (error as? HTTPError)?.status == .badRequest && (error as? HTTPError)?.field == "(document)"
        }
    }
}

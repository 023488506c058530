import GluteHTTP
import Testing

@Suite struct RequestLogTests {
    static func pipeline(log: TestLog, ids: RequestIDSource = sequentialRequestIDs()) throws -> HTTPPipeline {
        var router = Router<TestContext>()
        router.add(.post, "/api/sessions", metadata: "sign in") { request, context in
            context.logger.info("signing in", ["client": "c-7"])
            return HTTPResponse(status: .created, body: HTTPBody("ok"))
        }
        return HTTPPipeline(responder: try router.buildResponder(), logSink: log.sink, requestIDs: ids)
    }

    static let secretRequest = HTTPRequest(
        method: .post,
        target: "/api/sessions?token=query-secret",
        headers: [
            "Authorization": "Bearer header-secret",
            "Cookie": "session=cookie-secret",
            "Content-Type": "application/json",
        ],
        body: Array(#"{"password":"body-secret"}"#.utf8),
        remoteAddress: "127.0.0.9"
    )

    @Test func eachRequestLogsExactlyOneStructuredLine() async throws {
        let log = TestLog()
        _ = try await Self.pipeline(log: log).respond(to: Self.secretRequest)
        let lines = log.requestLines
        try #require(lines.count == 1)
        let line = lines[0]
        #expect(line.level == .info)
        #expect(
            line.fields.map(\.key) == [
                "request_id", "method", "path", "status", "duration_us", "bytes_in", "bytes_out", "remote",
            ])
        #expect(line["request_id"] == "test-1")
        #expect(line["method"] == "POST")
        #expect(line["path"] == "/api/sessions")
        #expect(line["status"] == "201")
        #expect(line["bytes_in"] == "26")
        #expect(line["bytes_out"] == "2")
        #expect(line["remote"] == "127.0.0.9")
        #expect(Int(line["duration_us"] ?? "") != nil)
        #expect(line.time.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
    }

    @Test func theLogNeverHoldsSecretsFromHeadersCookiesQueryOrBody() async throws {
        let log = TestLog()
        _ = try await Self.pipeline(log: log).respond(to: Self.secretRequest)
        let everything = log.records.map(\.logfmt).joined(separator: "\n")
        for secret in ["header-secret", "cookie-secret", "query-secret", "body-secret", "Bearer", "session="] {
            #expect(!everything.contains(secret), "\(secret) leaked into the log")
        }
    }

    @Test func handlerLogsCarryTheRequestID() async throws {
        let log = TestLog()
        _ = try await Self.pipeline(log: log).respond(to: Self.secretRequest)
        let handlerLine = try #require(log.records.first { $0.message == "signing in" })
        #expect(handlerLine["request_id"] == "test-1")
        #expect(handlerLine["client"] == "c-7")
    }

    @Test func aValidIncomingRequestIDIsKeptAndEchoed() async throws {
        let log = TestLog()
        var request = Self.secretRequest
        request.headers["X-Request-Id"] = "edge-42.a_b:c"
        let response = try await Self.pipeline(log: log).respond(to: request)
        #expect(response.headers["X-Request-Id"] == "edge-42.a_b:c")
        #expect(log.requestLines.first?["request_id"] == "edge-42.a_b:c")
    }

    @Test(arguments: ["", "has space", "quote\"", String(repeating: "x", count: 129), "semi;colon"])
    func anInvalidIncomingRequestIDIsReplaced(incoming: String) async throws {
        var request = Self.secretRequest
        request.headers["X-Request-Id"] = incoming
        let response = try await Self.pipeline(log: TestLog()).respond(to: request)
        #expect(response.headers["X-Request-Id"] == "test-1")
    }

    @Test func generatedRequestIDsAreSixteenHexDigitsAndUnique() {
        let ids = (0..<1000).map { _ in RequestIDSource.random.next() }
        #expect(Set(ids).count == 1000)
        #expect(ids.allSatisfy { $0.wholeMatch(of: /[0-9a-f]{16}/) != nil })
    }

    @Test func logfmtQuotesAndEscapesValues() {
        let record = LogRecord(
            level: .info, message: "a message",
            fields: [LogField("plain", "x"), LogField("spaced", "a \"b\"\n"), LogField("empty", "")],
            time: "2026-01-01T00:00:00.000Z")
        #expect(
            record.logfmt
                == #"time=2026-01-01T00:00:00.000Z level=info msg="a message" plain=x spaced="a \"b\"\n" empty="""#)
    }

    @Test func theSinkDropsRecordsBelowItsLevel() {
        let log = TestLog()
        let sink = LogSink(minimumLevel: .warning) { record in log.sink.log(record) }
        sink.log(.info, "dropped")
        sink.log(.error, "kept")
        #expect(log.records.map(\.message) == ["kept"])
    }
}

import GluteHTTP
import GluteTestClients
import Testing

/// Answers given before the middleware, without a task (`Router.answerReady`).
@Suite struct ReadyAnswerTests {
    /// A router whose `/kept/{name}` route has an answer ready only for `X-Kept: yes`, with
    /// counters of what ran.
    struct Fixture {
        let middlewareRuns = Counter()
        let handlerRuns = Counter()
        let readyAsks = Counter()

        func router() -> Router<TestContext> {
            var router = Router<TestContext>()
            let middlewareRuns = middlewareRuns
            let handlerRuns = handlerRuns
            let readyAsks = readyAsks
            router.add(middleware: Counting(runs: middlewareRuns))
            router.add(.get, "/kept/{name}", metadata: "kept") { _, context in
                _ = handlerRuns.next()
                return HTTPResponse.text("computed for \(context.parameters["name"] ?? "")")
            }
            router.add(.get, "/other", metadata: "other") { _, _ in
                _ = handlerRuns.next()
                return HTTPResponse.text("other")
            }
            router.answerReady { request, route, parameters in
                _ = readyAsks.next()
                guard route.metadata == "kept", request.headers["X-Kept"] == "yes" else { return nil }
                return HTTPResponse.text("kept for \(parameters["name"] ?? "") (\(route.pattern))")
            }
            return router
        }
    }

    struct Counting: HTTPMiddleware {
        let runs: Counter

        func handle(
            _ request: HTTPRequest, context: TestContext,
            next: (HTTPRequest, TestContext) async throws -> HTTPResponse
        ) async throws -> HTTPResponse {
            _ = runs.next()
            return try await next(request, context)
        }
    }

    @Test func aReadyAnswerSkipsTheMiddlewareAndTheHandlerButKeepsTheIdAndTheLogLine() async throws {
        let fixture = Fixture()
        let log = TestLog()
        let pipeline = HTTPPipeline(
            responder: try fixture.router().buildResponder(), logSink: log.sink, requestIDs: sequentialRequestIDs())
        let kept = await pipeline.respond(
            to: HTTPRequest(method: .get, target: "/kept/a%20b", headers: ["X-Kept": "yes"]))
        #expect(kept.status == .ok)
        #expect(kept.body.text == "kept for a b (/kept/{name})")
        #expect(kept.headers["X-Request-Id"] == "test-1")
        #expect(fixture.middlewareRuns.current == 0)
        #expect(fixture.handlerRuns.current == 0)
        #expect(log.records.count == 1)
        #expect(log.records.first?["status"] == "200")
        #expect(log.records.first?["path"] == "/kept/a%20b")
    }

    @Test func withoutAReadyAnswerTheRequestGoesTheUsualWay() async throws {
        let fixture = Fixture()
        let pipeline = HTTPPipeline(responder: try fixture.router().buildResponder())
        let computed = await pipeline.respond(to: HTTPRequest(method: .get, path: "/kept/a"))
        #expect(computed.body.text == "computed for a")
        #expect(await pipeline.respond(to: HTTPRequest(method: .get, path: "/other")).body.text == "other")
        #expect(fixture.middlewareRuns.current == 2)
        #expect(fixture.handlerRuns.current == 2)
        #expect(fixture.readyAsks.current == 2)
        // Nothing matched: the ready answer is not asked, and the usual 404 comes back.
        #expect(await pipeline.respond(to: HTTPRequest(method: .get, path: "/nowhere")).status == .notFound)
        #expect(await pipeline.respond(to: HTTPRequest(method: .post, path: "/kept/a")).status == .methodNotAllowed)
        #expect(fixture.readyAsks.current == 2)
    }

    @Test func aResponderWithoutReadyAnswersHasNone() throws {
        var router = Router<TestContext>()
        router.add(.get, "/a", metadata: "a") { _, _ in HTTPResponse.text("a") }
        #expect(try router.buildResponder().readyResponse(to: HTTPRequest(method: .get, path: "/a")) == nil)
    }

    @Test func theServerSendsReadyAnswersOverTheSocket() async throws {
        let fixture = Fixture()
        let log = TestLog()
        let server = try startServer(fixture.router(), log: log)
        defer { Task { await server.shutdown() } }
        let client = try await RawHTTPClient.connect(port: server.port)
        for _ in 1...3 {
            let kept = try await client.request("GET /kept/x HTTP/1.1\r\nHost: test\r\nX-Kept: yes\r\n\r\n")
            #expect(kept.status == 200)
            #expect(kept.text == "kept for x (/kept/{name})")
            #expect(kept.header("X-Request-Id") != nil)
        }
        let head = try await client.request("HEAD /kept/x HTTP/1.1\r\nHost: test\r\nX-Kept: yes\r\n\r\n")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        let computed = try await client.request("GET /kept/x HTTP/1.1\r\nHost: test\r\n\r\n")
        #expect(computed.text == "computed for x")
        #expect(fixture.handlerRuns.current == 1)
        #expect(fixture.middlewareRuns.current == 1)
        let lines = await log.waitForRequestLines(5)
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0["status"] == "200" && $0["path"] == "/kept/x" })
    }
}

import GluteHTTP
import GluteJSON
import Testing

@Suite struct RouterTests {
    static func pipeline(_ router: Router<TestContext>, log: TestLog = TestLog(), bodyLimit: Int = 1 << 20) throws
        -> HTTPPipeline
    {
        HTTPPipeline(
            responder: try router.buildResponder(), logSink: log.sink, requestIDs: sequentialRequestIDs(),
            defaultBodyLimit: bodyLimit)
    }

    static func echoParameters(_ request: HTTPRequest, _ context: TestContext) -> HTTPResponse {
        let pairs = context.parameters.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        return .text("\(context.route?.pattern ?? "-") \(pairs)")
    }

    @Test func pathParametersAreCapturedAndPercentDecoded() async throws {
        var router = Router<TestContext>()
        router.add(.get, "/api/clients/{id}/notes/{note}", metadata: "notes") { Self.echoParameters($0, $1) }
        let response = try await Self.pipeline(router).respond(
            to: HTTPRequest(method: .get, target: "/api/clients/c%2F7%20x/notes/42?ignored=1"))
        #expect(response.status == .ok)
        #expect(response.body.text == "/api/clients/{id}/notes/{note} id=c/7 x&note=42")
    }

    @Test func literalSegmentsWinOverParametersWithBacktracking() async throws {
        var router = Router<TestContext>()
        router.add(.get, "/a/{id}/x", metadata: "param") { Self.echoParameters($0, $1) }
        router.add(.get, "/a/new", metadata: "literal") { Self.echoParameters($0, $1) }
        let pipeline = try Self.pipeline(router)
        #expect(await pipeline.respond(to: HTTPRequest(method: .get, path: "/a/new")).body.text == "/a/new ")
        // "new" is literal at this depth, but /a/new/x only exists through the parameter.
        #expect(await pipeline.respond(to: HTTPRequest(method: .get, path: "/a/new/x")).body.text == "/a/{id}/x id=new")
    }

    @Test func unknownPathIs404WithJSONError() async throws {
        var router = Router<TestContext>()
        router.add(.get, "/a", metadata: "a") { Self.echoParameters($0, $1) }
        let response = try await Self.pipeline(router).respond(to: HTTPRequest(method: .get, path: "/b"))
        #expect(response.status == .notFound)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(response.body.text == #"{"error":{"message":"not found"}}"#)
    }

    @Test func knownPathWithAnotherMethodIs405WithAllow() async throws {
        var router = Router<TestContext>()
        router.add(.get, "/api/items/{id}", metadata: "read") { Self.echoParameters($0, $1) }
        router.add(.delete, "/api/items/{id}", metadata: "delete") { Self.echoParameters($0, $1) }
        let response = try await Self.pipeline(router).respond(to: HTTPRequest(method: .post, path: "/api/items/3"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "DELETE, GET, HEAD")
    }

    @Test func headIsAnsweredByTheGetRoute() async throws {
        var router = Router<TestContext>()
        router.add(.get, "/a", metadata: "a") { Self.echoParameters($0, $1) }
        let response = try await Self.pipeline(router).respond(to: HTTPRequest(method: .head, path: "/a"))
        #expect(response.status == .ok)
    }

    @Test func trailingSlashAndRootAreDistinctPaths() async throws {
        var router = Router<TestContext>()
        router.add(.get, "/", metadata: "root") { Self.echoParameters($0, $1) }
        router.add(.get, "/a", metadata: "a") { Self.echoParameters($0, $1) }
        let pipeline = try Self.pipeline(router)
        #expect(await pipeline.respond(to: HTTPRequest(method: .get, path: "/")).status == .ok)
        #expect(await pipeline.respond(to: HTTPRequest(method: .get, path: "/a/")).status == .notFound)
        #expect(await pipeline.respond(to: HTTPRequest(method: .get, path: "/a%")).status == .notFound)
    }

    @Test func literalRoutesAlsoMatchPercentEncodedPaths() async throws {
        var router = Router<TestContext>()
        router.add(.get, "/api/today", metadata: "today") { Self.echoParameters($0, $1) }
        let pipeline = try Self.pipeline(router)
        #expect(await pipeline.respond(to: HTTPRequest(method: .get, path: "/api/today")).status == .ok)
        #expect(await pipeline.respond(to: HTTPRequest(method: .get, path: "/api/tod%61y")).status == .ok)
        #expect(await pipeline.respond(to: HTTPRequest(method: .post, path: "/api/today")).status == .methodNotAllowed)
    }

    @Test func anEmptySegmentDoesNotFillAParameter() async throws {
        var router = Router<TestContext>()
        router.add(.get, "/a/{id}", metadata: "a") { Self.echoParameters($0, $1) }
        #expect(try await Self.pipeline(router).respond(to: HTTPRequest(method: .get, path: "/a/")).status == .notFound)
    }

    @Test(arguments: ["api/x", "/a/{id", "/a/{1x}", "/a/{id}/{id}", "/a/b?c"])
    func malformedPatternsAreRefusedWhenBuilding(pattern: String) {
        var router = Router<TestContext>()
        router.add(.get, pattern, metadata: "bad") { Self.echoParameters($0, $1) }
        #expect(throws: HTTPServerError.self) { try router.buildResponder() }
    }

    @Test func aRouteRegisteredTwiceIsRefused() {
        var router = Router<TestContext>()
        router.add(.get, "/a/{id}", metadata: "one") { Self.echoParameters($0, $1) }
        router.add(.get, "/a/{other}", metadata: "two") { Self.echoParameters($0, $1) }
        #expect {
            try router.buildResponder()
        } throws: { error in
            (error as? HTTPServerError)?.code == .invalidRoute
        }
    }

    @Test func routesListMethodPatternMetadataAndLimits() throws {
        var router = Router<TestContext>()
        router.add(.get, "/api/clients/{id}", metadata: "read a client") { Self.echoParameters($0, $1) }
        router.add(.post, "/api/import", metadata: "import", bodyLimit: 5000) { Self.echoParameters($0, $1) }
        let routes = try router.buildResponder().routes
        #expect(routes.map(\.method) == [.get, .post])
        #expect(routes.map(\.pattern) == ["/api/clients/{id}", "/api/import"])
        #expect(routes.map(\.metadata) == ["read a client", "import"])
        #expect(routes.map(\.parameterNames) == [["id"], []])
        #expect(routes.map(\.bodyLimit) == [nil, 5000])
    }

    @Test func bodyLimitIsTheRoutesOrTheDefault() throws {
        var router = Router<TestContext>()
        router.add(.post, "/api/import", metadata: "import", bodyLimit: 16 << 20) { Self.echoParameters($0, $1) }
        let responder = try router.buildResponder()
        #expect(responder.bodyLimit(method: .post, path: "/api/import") == 16 << 20)
        #expect(responder.bodyLimit(method: .post, path: "/elsewhere") == nil)
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        var router = Router<TestContext>()
        router.add(.post, "/a", metadata: "a") { request, _ in HTTPResponse(body: HTTPBody(request.body)) }
        let pipeline = try Self.pipeline(router, bodyLimit: 4)
        #expect(await pipeline.respond(to: HTTPRequest(method: .post, path: "/a", body: [1, 2, 3, 4])).status == .ok)
        #expect(
            await pipeline.respond(to: HTTPRequest(method: .post, path: "/a", body: [1, 2, 3, 4, 5])).status
                == .contentTooLarge)
    }

    @Test func handlersMayReturnJSONValues() async throws {
        var router = Router<TestContext>()
        router.add(.get, "/a", metadata: "a") { _, _ in JSONValue.object(["ok": true]) }
        let response = try await Self.pipeline(router).respond(to: HTTPRequest(method: .get, path: "/a"))
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(response.body.text == #"{"ok":true}"#)
    }

    @Test func queryParametersAreDecoded() async throws {
        var router = Router<TestContext>()
        router.add(.get, "/a", metadata: "a") { request, _ in
            HTTPResponse.text(request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "|"))
        }
        let response = try await Self.pipeline(router).respond(
            to: HTTPRequest(method: .get, target: "/a?q=a+b%2Bc&tag=1&tag=2&flag&bad=%zz"))
        #expect(response.body.text == "q=a b+c|tag=1|tag=2|flag=|bad=%zz")
    }
}

import GluteHTTP
import Testing

/// Appends its name to the context's trail on the way in and to a response header on the way out.
struct Marker: HTTPMiddleware {
    let name: String

    func handle(
        _ request: HTTPRequest,
        context: TestContext,
        next: (HTTPRequest, TestContext) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var context = context
        context.trail.append(name)
        var response = try await next(request, context)
        response.headers.add("X-Out", name)
        return response
    }
}

/// Lets only requests with the right token through to routes whose metadata says "private".
struct RequireToken: HTTPMiddleware {
    func handle(
        _ request: HTTPRequest,
        context: TestContext,
        next: (HTTPRequest, TestContext) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var context = context
        if request.headers["Authorization"] == "Bearer secret" { context.identity = "coach" }
        if context.route?.metadata == "private" && context.identity == nil {
            throw HTTPError(.unauthorized, message: "sign in first", headers: ["WWW-Authenticate": "Bearer"])
        }
        return try await next(request, context)
    }
}

@Suite struct MiddlewareTests {
    static func trailRoute(_ request: HTTPRequest, _ context: TestContext) -> HTTPResponse {
        .text(context.trail.joined(separator: ",") + " identity=\(context.identity ?? "none")")
    }

    @Test func middlewareRunInOrderAddedAndUnwindInReverse() async throws {
        var router = Router<TestContext>()
        router.add(middleware: Marker(name: "first"))
        router.add(middleware: Marker(name: "second"))
        router.add(.get, "/a", metadata: "public") { Self.trailRoute($0, $1) }
        let pipeline = HTTPPipeline(responder: try router.buildResponder())
        let response = await pipeline.respond(to: HTTPRequest(method: .get, path: "/a"))
        #expect(response.body.text == "first,second identity=none")
        #expect(response.headers.values(for: "X-Out") == ["second", "first"])
    }

    @Test func middlewareSeesTheRouteMetadataAndMayStopTheChain() async throws {
        var router = Router<TestContext>()
        router.add(middleware: RequireToken())
        router.add(.get, "/open", metadata: "public") { Self.trailRoute($0, $1) }
        router.add(.get, "/mine", metadata: "private") { Self.trailRoute($0, $1) }
        let pipeline = HTTPPipeline(responder: try router.buildResponder())
        #expect(await pipeline.respond(to: HTTPRequest(method: .get, path: "/open")).status == .ok)
        let refused = await pipeline.respond(to: HTTPRequest(method: .get, path: "/mine"))
        #expect(refused.status == .unauthorized)
        #expect(refused.headers["WWW-Authenticate"] == "Bearer")
        #expect(refused.body.text == #"{"error":{"message":"sign in first"}}"#)
        let allowed = await pipeline.respond(
            to: HTTPRequest(method: .get, path: "/mine", headers: ["Authorization": "Bearer secret"]))
        #expect(allowed.body.text == " identity=coach")
    }

    @Test func middlewareRunForUnmatchedRequestsWithNoRoute() async throws {
        var router = Router<TestContext>()
        router.add(middleware: Marker(name: "outer"))
        router.add(.get, "/a", metadata: "a") { Self.trailRoute($0, $1) }
        let pipeline = HTTPPipeline(responder: try router.buildResponder())
        let response = await pipeline.respond(to: HTTPRequest(method: .get, path: "/nothing"))
        #expect(response.status == .notFound)
        #expect(response.headers.values(for: "X-Out").isEmpty)  // the 404 was thrown through it
    }
}

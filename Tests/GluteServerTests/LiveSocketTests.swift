import Foundation
import GluteHTTP
import GluteJSON
import GluteServer
import GluteTestClients
import Testing

/// The API on a real loopback socket (an ephemeral port): keep-alive, a body over the limit
/// refused before it is sent, a slow client closed, and a half-sent body writing nothing.
@Suite struct LiveSocketTests {
    static func start(_ world: World, idle: Duration = .seconds(30)) async throws -> HTTPServer {
        let router = try API(services: world.services).router(webFolder: API.bundledWebFolder)
        var configuration = HTTPServer.Configuration(port: 0)
        configuration.idleTimeout = idle
        configuration.shutdownGracePeriod = .milliseconds(200)
        let server = HTTPServer(
            configuration: configuration, responder: try router.buildResponder(), logSink: world.log.sink)
        try server.start()
        return server
    }

    func request(_ method: String, _ path: String, token: String?, body: String = "") -> String {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        if let token { text += "Authorization: Bearer \(token)\r\n" }
        if !body.isEmpty { text += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n" }
        return text + "\r\n" + body
    }

    @Test func keepAliveRequestsOfOneClient() async throws {
        let world = try await World.make()
        let server = try await Self.start(world)
        let client = try await RawHTTPClient.connect(port: server.port)
        let token = world.tokenOf[.clientA]
        let today = try await client.request(request("GET", "/api/me/today", token: token))
        #expect(today.status == 200)
        let logged = try await client.request(
            request("POST", "/api/me/sets", token: token, body: #"{"exercise":"clamshell","side":"left","reps":[15,15]}"#))
        #expect(logged.status == 201, "\(logged.text)")
        let anonymous = try await client.request(request("GET", "/api/me/today", token: nil))
        #expect(anonymous.status == 401)
        let missing = try await client.request(request("GET", "/api/nowhere", token: token))
        #expect(missing.status == 404)
        let index = try await client.request(request("GET", "/", token: nil))
        #expect(index.status == 200)
        await server.shutdown()
        await world.close()
    }

    @Test func aBodyOverTheLimitIsRefusedBeforeItIsSent() async throws {
        let world = try await World.make()
        let server = try await Self.start(world)
        let client = try await RawHTTPClient.connect(port: server.port)
        let token = try #require(world.tokenOf[.clientA])
        try await client.send(
            "POST /api/me/sets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(5 << 20)\r\n\r\n")
        let response = try await client.readResponse()
        #expect(response.status == 413)
        // The import takes larger documents than the default limit.
        let big = try await RawHTTPClient.connect(port: server.port)
        try await big.send(
            "POST /api/me/import HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(5 << 20)\r\n\r\n{")
        let closed = await big.waitForClose(timeout: .milliseconds(500))
        #expect(!closed.closed, "the import's larger limit accepts a 5 MiB body")
        await server.shutdown()
        await world.close()
    }

    @Test func aSlowClientIsClosedAndAHalfSentSetWritesNothing() async throws {
        let world = try await World.make()
        let server = try await Self.start(world, idle: .seconds(1))
        let before = try await world.snapshot()
        let client = try await RawHTTPClient.connect(port: server.port)
        let token = try #require(world.tokenOf[.clientA])
        let body = #"{"exercise":"clamshell","side":"left","reps":[15,15]}"#
        try await client.send(
            "POST /api/me/sets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body.prefix(10))
        let closed = await client.waitForClose(timeout: .seconds(5))
        #expect(closed.closed)
        #expect(try await world.snapshot() == before)
        let silent = try await RawHTTPClient.connect(port: server.port)
        try await silent.send("GET /api/health HTTP/1.1\r\nHo")
        #expect(await silent.waitForClose(timeout: .seconds(5)).closed)
        await server.shutdown()
        await world.close()
    }
}

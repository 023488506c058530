import Foundation
import GluteHTTP
import GluteTestClients
import Testing

/// Requests over a real loopback socket to libmicrohttpd.
@Suite struct LiveServerTests {
    static func router() -> Router<TestContext> {
        var router = Router<TestContext>()
        router.add(.get, "/hello", metadata: "hello") { request, context in
            HTTPResponse.text("hello \(request.query["name"] ?? "you") from \(context.remoteAddress)")
        }
        router.add(.post, "/echo", metadata: "echo") { request, _ in HTTPResponse(body: HTTPBody(request.body)) }
        router.add(.post, "/upload", metadata: "large", bodyLimit: 4 << 20) { request, _ in
            HTTPResponse.text("\(request.body.count)")
        }
        router.add(.get, "/slow", metadata: "slow") { request, _ in
            let milliseconds = Int(request.query["ms"] ?? "300") ?? 300
            try await Task.sleep(for: .milliseconds(milliseconds))
            return HTTPResponse.text("slow done")
        }
        return router
    }

    @Test func getAndPostWithABodyArrivingInPieces() async throws {
        let server = try startServer(Self.router())
        defer { Task { await server.shutdown() } }
        let client = try await RawHTTPClient.connect(port: server.port)
        let hello = try await client.request("GET /hello?name=a%20b HTTP/1.1\r\nHost: test\r\n\r\n")
        #expect(hello.status == 200)
        #expect(hello.text == "hello a b from 127.0.0.1")
        try await client.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 15\r\n\r\n")
        for piece in ["first", "-seco", "nd..."] {
            try await Task.sleep(for: .milliseconds(40))
            try await client.send(piece)
        }
        let echo = try await client.readResponse()
        #expect(echo.status == 200)
        #expect(echo.text == "first-second...")
    }

    @Test func aChunkedBodyArrivingInPiecesIsAssembled() async throws {
        let server = try startServer(Self.router())
        defer { Task { await server.shutdown() } }
        let client = try await RawHTTPClient.connect(port: server.port)
        try await client.send("POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n")
        for chunk in ["5\r\nhello\r\n", "6\r\n world\r\n", "0\r\n\r\n"] {
            try await Task.sleep(for: .milliseconds(30))
            try await client.send(chunk)
        }
        #expect(try await client.readResponse().text == "hello world")
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
        let log = TestLog()
        let server = try startServer(Self.router(), log: log)
        defer { Task { await server.shutdown() } }
        let client = try await RawHTTPClient.connect(port: server.port)
        for index in 1...3 {
            let response = try await client.request("GET /hello?name=\(index) HTTP/1.1\r\nHost: test\r\n\r\n")
            #expect(response.status == 200)
            #expect(response.text.hasPrefix("hello \(index) "))
            #expect(response.header("Connection")?.lowercased() != "close")
        }
        let head = try await client.request("HEAD /hello HTTP/1.1\r\nHost: test\r\n\r\n")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(try await client.request("GET /hello HTTP/1.1\r\nHost: test\r\n\r\n").status == 200)
        let lines = await log.waitForRequestLines(5)
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0["remote"] == "127.0.0.1" && $0["path"] == "/hello" })
    }

    @Test func aHandlerThatAwaitsDoesNotHoldUpOtherRequests() async throws {
        let gate = Gate()
        var router = Self.router()
        router.add(.get, "/gated", metadata: "waits for the test") { _, _ in
            await gate.wait()
            return HTTPResponse.text("gate opened")
        }
        let server = try startServer(router)
        defer { Task { await server.shutdown() } }
        let waiting = try await RawHTTPClient.connect(port: server.port)
        try await waiting.send("GET /gated HTTP/1.1\r\nHost: test\r\n\r\n")
        while gate.waiting == 0 { try await Task.sleep(for: .milliseconds(5)) }
        // The gated handler is suspended; other requests on other connections are served meanwhile.
        for _ in 1...5 {
            let client = try await RawHTTPClient.connect(port: server.port)
            #expect(try await client.request("GET /hello HTTP/1.1\r\nHost: test\r\n\r\n").status == 200)
        }
        gate.open()
        #expect(try await waiting.readResponse().text == "gate opened")
    }

    @Test func requestIDsAreEchoedOrGeneratedOverTheSocket() async throws {
        let server = try startServer(Self.router())
        defer { Task { await server.shutdown() } }
        let client = try await RawHTTPClient.connect(port: server.port)
        let given = try await client.request("GET /hello HTTP/1.1\r\nHost: t\r\nX-Request-Id: abc-123\r\n\r\n")
        #expect(given.header("X-Request-Id") == "abc-123")
        let made = try await client.request("GET /nope HTTP/1.1\r\nHost: t\r\nX-Request-Id: bad id!\r\n\r\n")
        #expect(made.status == 404)
        #expect(made.header("X-Request-Id")?.count == 16)
        #expect(made.header("Content-Type") == "application/json; charset=utf-8")
    }

    @Test func anOversizedBodyIsRefusedWith413BeforeItIsSent() async throws {
        let log = TestLog()
        let server = try startServer(Self.router(), log: log)
        defer { Task { await server.shutdown() } }
        let client = try await RawHTTPClient.connect(port: server.port)
        // Only the head is sent: the 413 must come without the server waiting for 10 MiB.
        let response = try await client.request(
            "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 10485760\r\nExpect: 100-continue\r\n\r\n")
        #expect(response.status == 413)
        #expect(response.text == #"{"error":{"message":"the request body is too large"}}"#)
        #expect(await client.waitForClose(timeout: .seconds(5)).closed)
        #expect(await log.waitForRequestLines(1).first?["status"] == "413")
    }

    @Test func aRouteMayAcceptALargerBody() async throws {
        let server = try startServer(Self.router())
        defer { Task { await server.shutdown() } }
        let client = try await RawHTTPClient.connect(port: server.port)
        let body = [UInt8](repeating: 0x61, count: 2 << 20)
        try await client.send("POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: \(body.count)\r\n\r\n")
        try await client.send(body)
        #expect(try await client.readResponse().text == "\(2 << 20)")
    }

    @Test func aChunkedBodyGrowingPastTheLimitClosesTheConnection() async throws {
        let server = try startServer(Self.router())
        defer { Task { await server.shutdown() } }
        let client = try await RawHTTPClient.connect(port: server.port)
        try await client.send("POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n")
        let chunk = "800\r\n" + String(repeating: "x", count: 2048) + "\r\n"
        try? await client.send(chunk)
        try? await client.send(chunk)
        let outcome = await client.waitForClose(timeout: .seconds(5))
        #expect(outcome.closed)
        #expect(!String(decoding: outcome.received, as: UTF8.self).contains("200 OK"))
    }

    @Test func anOversizedHeadGets431OrAClosedConnection() async throws {
        let server = try startServer(Self.router()) { $0.connectionMemoryLimit = 16 * 1024 }
        defer { Task { await server.shutdown() } }
        let client = try await RawHTTPClient.connect(port: server.port)
        let huge = String(repeating: "a", count: 64 * 1024)
        try? await client.send("GET /hello HTTP/1.1\r\nHost: test\r\nX-Big: \(huge)\r\n\r\n")
        let outcome = await client.waitForClose(timeout: .seconds(5))
        let text = String(decoding: outcome.received, as: UTF8.self)
        #expect(outcome.closed)
        #expect(text.isEmpty || text.hasPrefix("HTTP/1.1 431"))
    }

    @Test func aSlowClientIsDisconnectedAfterTheIdleTimeout() async throws {
        let server = try startServer(Self.router()) { $0.idleTimeout = .seconds(1) }
        defer { Task { await server.shutdown() } }
        let client = try await RawHTTPClient.connect(port: server.port)
        try await client.send("GET /hello HTTP/1.1\r\nHost: te")
        let started = ContinuousClock.now
        let outcome = await client.waitForClose(timeout: .seconds(8))
        #expect(outcome.closed)
        #expect(ContinuousClock.now - started < .seconds(6))
        let text = String(decoding: outcome.received, as: UTF8.self)
        #expect(text.isEmpty || text.hasPrefix("HTTP/1.1 408"))
    }

    @Test func aHandlerPastTheRequestTimeoutGets503AndIsCancelled() async throws {
        let cancelled = Counter()
        var router = Self.router()
        router.add(.get, "/stuck", metadata: "stuck") { _, _ in
            do {
                try await Task.sleep(for: .seconds(30))
            } catch {
                _ = cancelled.next()
                throw error
            }
            return HTTPResponse.text("too late")
        }
        let log = TestLog()
        let server = try startServer(router, log: log) { $0.requestTimeout = .milliseconds(300) }
        defer { Task { await server.shutdown() } }
        let client = try await RawHTTPClient.connect(port: server.port)
        let started = ContinuousClock.now
        let response = try await client.request("GET /stuck HTTP/1.1\r\nHost: test\r\n\r\n")
        #expect(response.status == 503)
        #expect(response.text == #"{"error":{"message":"the request took too long"}}"#)
        #expect(ContinuousClock.now - started < .seconds(5))
        // The connection is still usable.
        #expect(try await client.request("GET /hello HTTP/1.1\r\nHost: test\r\n\r\n").status == 200)
        let deadline = ContinuousClock.now + .seconds(5)
        while cancelled.current == 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(cancelled.current == 1)
        let line = await log.waitForRequestLines(1).first
        #expect(line?["status"] == "503")
        #expect(line?["error"] == "the handler passed the request timeout")
    }

    @Test func connectionsBeyondTheLimitWaitUntilOneCloses() async throws {
        let server = try startServer(Self.router()) {
            $0.connectionLimit = 1
            $0.threadCount = 1
        }
        defer { Task { await server.shutdown() } }
        var first: RawHTTPClient? = try await RawHTTPClient.connect(port: server.port)
        #expect(try await first?.request("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n").status == 200)
        let second = try await RawHTTPClient.connect(port: server.port)
        try await second.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
        // Not accepted while the first is open: the read times out.
        second.setTimeout(.milliseconds(500))
        await #expect(throws: RawHTTPClient.Failure.self) { try await second.readResponse() }
        first = nil
        second.setTimeout(.seconds(10))
        #expect(try await second.readResponse().status == 200)
        _ = first
    }

    @Test func staticFilesOverTheSocket() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("index.html", "<p>hi</p>")
        var router = Self.router()
        router.add(middleware: try FileMiddleware<TestContext>(directory: folder.url))
        let server = try startServer(router)
        defer { Task { await server.shutdown() } }
        let client = try await RawHTTPClient.connect(port: server.port)
        let page = try await client.request("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(page.text == "<p>hi</p>")
        let etag = try #require(page.header("ETag"))
        let cached = try await client.request("GET / HTTP/1.1\r\nHost: t\r\nIf-None-Match: \(etag)\r\n\r\n")
        #expect(cached.status == 304)
        let head = try await client.request("HEAD /index.html HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == "9")
        #expect(try await client.request("GET /../etc/passwd HTTP/1.1\r\nHost: t\r\n\r\n").status == 400)
        #expect(try await client.request("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n").status == 200)
    }

    @Test func aTakenPortFailsToStartWithAReason() throws {
        let first = try startServer(Self.router())
        defer { Task { await first.shutdown() } }
        #expect {
            try startServer(Self.router()) { $0.port = first.port }
        } throws: { error in
            guard let error = error as? HTTPServerError else { return false }
            return error.code == .startFailed && error.message.contains("127.0.0.1:\(first.port)")
        }
    }

    @Test func aBadAddressIsAConfigurationError() {
        #expect {
            try startServer(Self.router()) { $0.address = "localhost" }
        } throws: { error in
            (error as? HTTPServerError)?.code == .invalidConfiguration
        }
    }
}

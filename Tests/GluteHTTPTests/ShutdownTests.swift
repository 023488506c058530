import Foundation
import GluteHTTP
import GluteTestClients
import Testing

@Suite struct ShutdownTests {
    final class Events: @unchecked Sendable {
        // Safe to share: `list` is only touched while holding `lock`.
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ event: String) { lock.withLock { list.append(event) } }
        var all: [String] { lock.withLock { list } }
    }

    static func router(events: Events, gate: Gate = Gate()) -> Router<TestContext> {
        var router = Router<TestContext>()
        router.add(.get, "/gated", metadata: "waits for the test") { _, _ in
            await gate.wait()
            events.add("handler finished")
            return HTTPResponse.text("worked")
        }
        router.add(.get, "/work", metadata: "work") { request, _ in
            let milliseconds = Int(request.query["ms"] ?? "400") ?? 400
            events.add("handler started")
            do {
                try await Task.sleep(for: .milliseconds(milliseconds))
            } catch {
                events.add("handler cancelled")
                throw error
            }
            events.add("handler finished")
            return HTTPResponse.text("worked")
        }
        return router
    }

    @Test func aRequestInFlightCompletesThenTheServerStops() async throws {
        let events = Events()
        let gate = Gate()
        let server = try startServer(Self.router(events: events, gate: gate))
        server.onDrained { events.add("drained hook") }
        let port = server.port
        let client = try await RawHTTPClient.connect(port: port)
        try await client.send("GET /gated HTTP/1.1\r\nHost: t\r\n\r\n")
        while gate.waiting == 0 { try await Task.sleep(for: .milliseconds(5)) }
        async let stopping: Void = server.shutdown()
        // Shutdown is now waiting for the handler; new connections are no longer accepted.
        try await Task.sleep(for: .milliseconds(200))
        #expect(server.isRunning == false)
        gate.open()
        let response = try await client.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "worked")
        await stopping
        #expect(events.all == ["handler finished", "drained hook"])
        #expect(await RawHTTPClient.isRefused(port: port))
    }

    @Test func requestsOutlivingTheGracePeriodGet503AndTheirHandlersAreCancelled() async throws {
        let events = Events()
        let server = try startServer(Self.router(events: events)) { $0.shutdownGracePeriod = .milliseconds(200) }
        server.onDrained { events.add("drained hook") }
        let client = try await RawHTTPClient.connect(port: server.port)
        try await client.send("GET /work?ms=30000 HTTP/1.1\r\nHost: t\r\n\r\n")
        while !events.all.contains("handler started") { try await Task.sleep(for: .milliseconds(5)) }
        let started = ContinuousClock.now
        async let stopping: Void = server.shutdown()
        let response = try await client.readResponse()
        #expect(response.status == 503)
        #expect(response.text == #"{"error":{"message":"the server is shutting down"}}"#)
        await stopping
        #expect(ContinuousClock.now - started < .seconds(25))  // not the handler's 30 s
        #expect(events.all == ["handler started", "handler cancelled", "drained hook"])
    }

    @Test func shutdownIsIdempotentAndWaitUntilStoppedReturns() async throws {
        let server = try startServer(Self.router(events: Events()))
        async let first: Void = server.shutdown()
        async let second: Void = server.shutdown()
        _ = await (first, second)
        await server.shutdown()
        await server.waitUntilStopped()
        #expect(!server.isRunning)
        let never = HTTPServer(
            configuration: .init(port: 0), responder: try Self.router(events: Events()).buildResponder())
        await never.shutdown()
        await never.waitUntilStopped()
    }
}

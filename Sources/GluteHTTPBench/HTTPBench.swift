import Foundation
import GluteHTTP
import GluteJSON

/// A minimal server for measuring GluteHTTP: `GET /hello` answers a fixed small JSON document
/// (serialized on every request, as a real handler would) and `POST /echo` returns the body.
///
/// Usage: `GluteHTTPBench PORT [--threads N] [--log]`. `--log` formats every request line
/// (logfmt) and drops it, to measure the cost of logging without the cost of a terminal.
/// `GluteHTTPBench --in-process N` instead runs N `GET /hello` through the pipeline without a
/// socket and prints the time per request, the cost of the Swift layer alone.
@main
struct HTTPBench {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--in-process", arguments.count > 1, let count = Int(arguments[1]) {
            await measureInProcess(count: count)
            return
        }
        guard let portText = arguments.first, let port = Int(portText) else {
            FileHandle.standardError.write(Data("usage: GluteHTTPBench PORT [--threads N] [--log]\n".utf8))
            exit(64)
        }
        var configuration = HTTPServer.Configuration(port: port)
        if let index = arguments.firstIndex(of: "--threads"), index + 1 < arguments.count,
            let threads = Int(arguments[index + 1])
        {
            configuration.threadCount = threads
        }
        let sink =
            arguments.contains("--log")
            ? LogSink { record in _ = record.logfmt }
            : LogSink.discard

        let router = makeRouter()
        do {
            let server = HTTPServer(configuration: configuration, responder: try router.buildResponder(), logSink: sink)
            try server.start()
            let signals = server.shutdownOnTerminationSignals()
            FileHandle.standardError.write(Data("listening on 127.0.0.1:\(server.port)\n".utf8))
            await server.waitUntilStopped()
            signals.cancel()
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            exit(1)
        }
    }

    static func makeRouter() -> Router<BasicRequestContext<String>> {
        var router = Router<BasicRequestContext<String>>()
        router.add(.get, "/hello", metadata: "A fixed small JSON document") { _, _ in
            JSONValue.object(["message": "hello", "service": "glute", "ok": true, "version": 1])
        }
        let prebuilt = HTTPResponse.json(.object(["message": "hello", "service": "glute", "ok": true, "version": 1]))
        router.add(.get, "/hello-prebuilt", metadata: "The same document, serialized once") { _, _ in prebuilt }
        router.add(.post, "/echo", metadata: "Returns the request body") { request, _ in
            HTTPResponse(
                headers: ["Content-Type": request.headers["Content-Type"] ?? "application/octet-stream"],
                body: HTTPBody(request.body)
            )
        }
        return router
    }

    static func measureInProcess(count: Int) async {
        do {
            let pipeline = HTTPPipeline(responder: try makeRouter().buildResponder())
            for path in ["/hello", "/hello-prebuilt"] {
                let request = HTTPRequest(method: .get, path: path, headers: ["Host": "127.0.0.1"])
                let clock = ContinuousClock()
                let elapsed = await clock.measure {
                    for _ in 0..<count { _ = await pipeline.respond(to: request) }
                }
                let nanoseconds =
                    Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
                print("GET \(path) in process: \(Int(nanoseconds / Double(count))) ns per request")
            }
        } catch {
            print("Error: \(error)")
        }
    }
}

import Foundation
import GluteHTTP
import Testing

@Suite struct StaticFileTests {
    /// A folder like the app's web client, behind a router with one API route.
    static func makePipeline(_ folder: TemporaryDirectory, policy: FileCachePolicy = .standard()) throws -> HTTPPipeline
    {
        try folder.write("index.html", "<h1>home</h1>")
        try folder.write("app.js", "console.log(1)")
        try folder.write("style.CSS", "body{}")
        try folder.write("data.json", "{}")
        try folder.write("icon.svg", "<svg/>")
        try folder.write("logo.png", "png")
        try folder.write("manifest.webmanifest", "{}")
        try folder.write("favicon.ico", "ico")
        try folder.write("notes.txt", "hi")
        try folder.write("sw.js", "self")
        try folder.write("unknown.bin", "?")
        try folder.write("shadowed.txt", "file")
        try folder.write("docs/index.html", "<h1>docs</h1>")
        try folder.write("docs/a b.txt", "spaced")
        try folder.write(".secret", "hidden")
        var router = Router<TestContext>()
        router.add(middleware: try FileMiddleware<TestContext>(directory: folder.url, cachePolicy: policy))
        router.add(.get, "/api/today", metadata: "today") { _, _ in HTTPResponse.text("api") }
        router.add(.post, "/shadowed.txt", metadata: "a POST-only route shadowing a file") { _, _ in
            HTTPResponse.text("post")
        }
        return HTTPPipeline(responder: try router.buildResponder())
    }

    static func get(_ pipeline: HTTPPipeline, _ target: String, headers: HTTPHeaders = [:]) async -> HTTPResponse {
        await pipeline.respond(to: HTTPRequest(method: .get, target: target, headers: headers))
    }

    @Test(arguments: [
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/style.CSS", "text/css; charset=utf-8"),
        ("/data.json", "application/json; charset=utf-8"),
        ("/icon.svg", "image/svg+xml"),
        ("/logo.png", "image/png"),
        ("/manifest.webmanifest", "application/manifest+json"),
        ("/favicon.ico", "image/x-icon"),
        ("/notes.txt", "text/plain; charset=utf-8"),
        ("/unknown.bin", "application/octet-stream"),
        ("/", "text/html; charset=utf-8"),
    ])
    func filesHaveTheirContentType(path: String, type: String) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let response = await Self.get(try Self.makePipeline(folder), path)
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == type)
    }

    @Test func foldersServeTheirIndexAndRedirectWithoutTheSlash() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let pipeline = try Self.makePipeline(folder)
        #expect(await Self.get(pipeline, "/").body.text == "<h1>home</h1>")
        #expect(await Self.get(pipeline, "/docs/").body.text == "<h1>docs</h1>")
        let redirect = await Self.get(pipeline, "/docs")
        #expect(redirect.status == .movedPermanently)
        #expect(redirect.headers["Location"] == "/docs/")
        #expect(await Self.get(pipeline, "/docs/a%20b.txt").body.text == "spaced")
    }

    @Test func strongETagsAnswerIfNoneMatchWith304() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let pipeline = try Self.makePipeline(folder)
        let first = await Self.get(pipeline, "/app.js")
        let etag = try #require(first.headers["ETag"])
        #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && !etag.hasPrefix("W/"))
        let again = await Self.get(pipeline, "/app.js", headers: ["If-None-Match": "\"other\", W/\(etag)"])
        #expect(again.status == .notModified)
        #expect(again.body.isEmpty)
        #expect(again.headers["ETag"] == etag)
        #expect(await Self.get(pipeline, "/app.js", headers: ["If-None-Match": "\"other\""]).status == .ok)
        #expect(await Self.get(pipeline, "/notes.txt").headers["ETag"] != etag)
    }

    @Test func cacheControlFollowsThePolicy() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let pipeline = try Self.makePipeline(folder, policy: .standard(maxAge: 600))
        #expect(await Self.get(pipeline, "/").headers["Cache-Control"] == "no-cache")
        #expect(await Self.get(pipeline, "/sw.js").headers["Cache-Control"] == "no-cache")
        #expect(await Self.get(pipeline, "/manifest.webmanifest").headers["Cache-Control"] == "no-cache")
        #expect(await Self.get(pipeline, "/app.js").headers["Cache-Control"] == "public, max-age=600")
    }

    @Test(arguments: [
        "/../etc/passwd", "/docs/../index.html", "/%2e%2e/etc/passwd", "/docs/%2E%2E/index.html", "/a%00b",
        "//etc/passwd", "/docs%2Findex.html", "/..%5C..%5Cetc", "/%zz", "/./index.html",
    ])
    func pathTricksAreRefused(target: String) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        #expect(await Self.get(try Self.makePipeline(folder), target).status == .badRequest)
    }

    @Test func hiddenAndMissingFilesAre404() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let pipeline = try Self.makePipeline(folder)
        #expect(await Self.get(pipeline, "/.secret").status == .notFound)
        #expect(await Self.get(pipeline, "/missing.js").status == .notFound)
    }

    @Test func apiRoutesWinAndOnlyA404FallsBackToFiles() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let pipeline = try Self.makePipeline(folder)
        #expect(await Self.get(pipeline, "/api/today").body.text == "api")
        // /shadowed.txt has a POST route, so a GET is a 405 from the router and the file is not served.
        #expect(await Self.get(pipeline, "/shadowed.txt").status == .methodNotAllowed)
        #expect(await pipeline.respond(to: HTTPRequest(method: .delete, path: "/notes.txt")).status == .notFound)
    }

    @Test func headGetsTheHeadersOfGet() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let response = try await Self.makePipeline(folder).respond(to: HTTPRequest(method: .head, path: "/notes.txt"))
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "text/plain; charset=utf-8")
    }

    @Test func aMissingFolderIsAnError() {
        #expect(throws: HTTPServerError.self) {
            try FileMiddleware<TestContext>(directory: URL(fileURLWithPath: "/nonexistent/web"))
        }
    }
}

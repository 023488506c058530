import Foundation
import GluteHTTP
import Testing

@Suite struct TLSTests {
    @Test func requestsOverHTTPSWithASelfSignedCertificate() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let key = folder.url.appendingPathComponent("key.pem").path
        let certificate = folder.url.appendingPathComponent("cert.pem").path
        let made = try await runProcess(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", certificate,
            ])
        try #require(made.status == 0, "openssl failed: \(made.output)")
        var router = Router<TestContext>()
        router.add(.get, "/secure", metadata: "secure") { _, _ in HTTPResponse.text("over tls") }
        let server = try startServer(router) {
            $0.tls = HTTPServer.TLS(
                certificatePEM: try! String(contentsOfFile: certificate, encoding: .utf8),
                privateKeyPEM: try! String(contentsOfFile: key, encoding: .utf8))
        }
        defer { Task { await server.shutdown() } }
        let fetched = try await runProcess(
            "/usr/bin/curl", ["-sS", "-k", "--max-time", "10", "https://127.0.0.1:\(server.port)/secure"])
        #expect(fetched.status == 0)
        #expect(fetched.output == "over tls")
        let plain = try await runProcess(
            "/usr/bin/curl", ["-sS", "--max-time", "5", "http://127.0.0.1:\(server.port)/secure"])
        #expect(plain.output != "over tls")
    }

    @Test func unusableTLSMaterialFailsToStart() {
        var router = Router<TestContext>()
        router.add(.get, "/secure", metadata: "secure") { _, _ in HTTPResponse.text("over tls") }
        #expect {
            try startServer(router) { $0.tls = HTTPServer.TLS(certificatePEM: "not a cert", privateKeyPEM: "no") }
        } throws: { error in
            (error as? HTTPServerError)?.code == .startFailed
        }
    }
}

import Foundation
import GluteApp
import GluteCore
import GluteJSON
import GluteSQLite
import GluteServer
import GluteStore
import Glibc
import Testing

/// The real `glute serve` binary: the first-account hint, TLS with a certificate made here,
/// SIGTERM draining, and no acknowledged set lost to SIGKILL under load.
@Suite(.serialized) struct ServeCommandTests {
    static let email = "ana@example.com"
    static let password = "correct horse battery"

    /// A database with a client account that has a plan, and an API token for it.
    static func seeded() throws -> (folder: URL, database: String, token: String) {
        let folder = try ServeProcess.folder()
        let database = folder.appendingPathComponent("glute.sqlite").path
        let created = try ServeProcess.run(
            ["account", "create", email, "--role", "client", "--password-stdin", "--database", database, "--time-zone", "UTC"],
            input: password + "\n")
        #expect(created.status == 0, "\(created.err)")
        let assessed = try ServeProcess.run([
            "--account", email, "assess", "--input",
            World.repositoryRoot.appendingPathComponent("Tests/GluteCLITests/Fixtures/cases/desk-worker-left-amnesia.json")
                .path, "--database", database,
        ])
        #expect(assessed.status == 0, "\(assessed.err)")
        let token = try ServeProcess.run(["account", "token", email, "--name", "load", "--database", database])
        #expect(token.status == 0, "\(token.err)")
        return (folder, database, token.out.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func anEmptyDatabaseSaysHowToMakeTheFirstAccountAndSIGTERMStopsCleanly() async throws {
        let folder = try ServeProcess.folder()
        let server = try await ServeProcess(database: folder.appendingPathComponent("glute.sqlite").path)
        #expect(server.log.contains("glute account create EMAIL --role coach"))
        #expect(try server.curl(["\(server.base)/api/health"]) == #"{"status":"ok"}"#)
        server.signal(SIGTERM)
        #expect(await server.wait() == 0)
        #expect(server.log.contains("stopped"))
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func tlsWithASelfSignedCertificate() async throws {
        let folder = try ServeProcess.folder()
        let key = folder.appendingPathComponent("key.pem").path
        let cert = folder.appendingPathComponent("cert.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj",
            "/CN=127.0.0.1",
        ]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0)
        let server = try await ServeProcess(
            database: folder.appendingPathComponent("glute.sqlite").path, extra: ["--tls-cert", cert, "--tls-key", key])
        #expect(server.scheme == "https")
        #expect(try server.curl(["\(server.base)/api/health"]) == #"{"status":"ok"}"#)
        let head = try server.curl([
            "-i", "-X", "POST", "\(server.base)/api/signup", "-H", "Content-Type: application/json", "-d",
            #"{"email":"tls@example.com","password":"a long password"}"#,
        ])
        let cookie = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie: glute_session=") }
        #expect(cookie?.contains("; Secure") == true, "\(head)")
        #expect(cookie?.contains("HttpOnly") == true)
        // Plain HTTP to the TLS port gets no answer.
        #expect(try server.curl(["http://127.0.0.1:\(server.port)/api/health"]).isEmpty)
        server.signal(SIGTERM)
        #expect(await server.wait() == 0)
        try? FileManager.default.removeItem(at: folder)
    }

    /// 64 connections log sets as fast as they can; the server is stopped by `signal` a second in.
    /// Every set that got a 201 must be in the database afterwards.
    func loadThenStop(signal: Int32) async throws -> (acknowledged: Int, server: ServeProcess) {
        let (folder, database, token) = try Self.seeded()
        let server = try await ServeProcess(database: database)
        let ids = folder.appendingPathComponent("ids.txt").path
        let script = folder.appendingPathComponent("load.py").path
        try Self.loadScript.write(toFile: script, atomically: true, encoding: .utf8)
        let load = Process()
        load.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        load.arguments = [script, String(server.port), token, ids, "64", "4"]
        let loadOutput = Pipe()
        load.standardOutput = loadOutput
        try load.run()
        // Stop once the load is under way (the script prints a line after its first 200 answers).
        _ = loadOutput.fileHandleForReading.availableData
        try await Task.sleep(for: .milliseconds(700))
        server.signal(signal)
        let status = await server.wait()
        if signal == SIGTERM { #expect(status == 0, "\(server.log.suffix(500))") }
        while load.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        let acknowledged = try String(contentsOfFile: ids, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(acknowledged.count > 200, "the load got only \(acknowledged.count) answers")
        let store = try SQLiteStore(path: database, clock: .system, ids: .ordered)
        let person = try #require(try await store.read { tx in try tx.account(email: Self.email)?.personID })
        let missing = try await store.read { tx in
            try acknowledged.filter { try tx.loggedSet(LoggedSet.ID(rawValue: $0), for: person) == nil }
        }
        await store.close()
        #expect(missing.isEmpty, "\(missing.count) of \(acknowledged.count) acknowledged sets are missing")
        try? FileManager.default.removeItem(at: folder)
        return (acknowledged.count, server)
    }

    @Test func sigkillDuringLoadLosesNoAcknowledgedSet() async throws {
        _ = try await loadThenStop(signal: SIGKILL)
    }

    @Test func sigtermDrainsTheLoadAndCommitsEverything() async throws {
        let (_, server) = try await loadThenStop(signal: SIGTERM)
        #expect(server.log.contains("every write is committed"))
    }

    /// `load.py PORT TOKEN IDS_FILE CONNECTIONS SECONDS`: POSTs sets on keep-alive connections until
    /// the time is up or the server goes away, and writes the id of every set answered 201.
    static let loadScript = #"""
        import http.client, json, sys, threading, time
        port, token, out, connections, seconds = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
        body = json.dumps({"exercise": "clamshell", "side": "left", "reps": [15, 15]})
        headers = {"Content-Type": "application/json", "Authorization": "Bearer " + token}
        ids, lock, stop = [], threading.Lock(), time.time() + seconds
        def worker():
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            while time.time() < stop:
                try:
                    connection.request("POST", "/api/me/sets", body=body, headers=headers)
                    response = connection.getresponse()
                    data = response.read()
                except Exception:
                    return
                if response.status == 201:
                    with lock:
                        ids.append(json.loads(data)["logged"]["id"])
                        if len(ids) == 200:
                            print("started", flush=True)
        threads = [threading.Thread(target=worker) for _ in range(connections)]
        for thread in threads: thread.start()
        for thread in threads: thread.join()
        with open(out, "w") as file:
            file.write("\n".join(ids) + ("\n" if ids else ""))
        """#
}

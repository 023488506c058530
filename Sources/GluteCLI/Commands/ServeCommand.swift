internal import Foundation
internal import GluteApp
internal import GluteCore
internal import GluteHTTP
internal import GluteServer

/// `glute serve`: the HTTP JSON API (and the web app's files) over the database.
///
/// Binds loopback unless told otherwise. SIGTERM or SIGINT drain the requests in flight, then the
/// store commits what is pending and closes before the process exits.
struct ServeCommand: ParsableCommand {
    static let host = Option<String>(
        "host", value: "address",
        help: "The IPv4 address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).",
        expecting: "an IPv4 address", parse: { $0.isEmpty ? nil : $0 })
    static let port = Option<Int>(
        "port", value: "port", help: "The TCP port (default 8080; 0 picks a free one and prints it).",
        expecting: "a port from 0 to 65535", parse: { Int($0).flatMap { (0...65535).contains($0) ? $0 : nil } })
    static let tlsCert = Option<String>(
        "tls-cert", value: "file", help: "A PEM certificate (chain) for HTTPS; needs --tls-key.",
        expecting: "a file path", parse: { $0.isEmpty ? nil : $0 })
    static let tlsKey = Option<String>(
        "tls-key", value: "file", help: "The PEM private key of --tls-cert.", expecting: "a file path",
        parse: { $0.isEmpty ? nil : $0 })
    static let signInAttempts = Option<Int>(
        "sign-in-attempts", value: "n",
        help: "Failed sign-ins allowed per address and per email a minute (default 10).",
        expecting: "a whole number from 1", parse: { Int($0).flatMap { $0 >= 1 ? $0 : nil } })
    static let threads = Option<Int>(
        "threads", value: "n", help: "Event-loop threads (default 2).", expecting: "a whole number from 1 to 64",
        parse: { Int($0).flatMap { (1...64).contains($0) ? $0 : nil } })

    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP JSON API and the web app.",
        discussion: """
            The API is described at /api/openapi.json. Each request is logged on standard error, one logfmt \
            line (never a header, cookie, query or body). SIGTERM drains the requests in flight and commits \
            pending writes before exiting. Create the first account with 'glute account create EMAIL --role coach'; \
            clients sign up at POST /api/signup.
            """,
        options: [
            host.definition, port.definition, CommonOptions.database.definition, tlsCert.definition, tlsKey.definition,
            signInAttempts.definition, threads.definition,
        ]
    )

    let host: String
    let port: Int
    let database: String?
    let tls: (cert: String, key: String)?
    let signInAttempts: Int
    let threads: Int

    init(parsed: ParsedArguments) throws(CLIError) {
        host = try parsed.value(Self.host) ?? "127.0.0.1"
        port = try parsed.value(Self.port) ?? 8080
        database = try parsed.value(CommonOptions.database)
        signInAttempts = try parsed.value(Self.signInAttempts) ?? 20
        threads = try parsed.value(Self.threads) ?? 2
        switch (try parsed.value(Self.tlsCert), try parsed.value(Self.tlsKey)) {
        case (let cert?, let key?): tls = (cert, key)
        case (nil, nil): tls = nil
        default: throw CLIError.usage("'--tls-cert' and '--tls-key' go together")
        }
    }

    func run(_ io: CommandIO) async throws {
        ServerMemory.configure()
        var tlsMaterial: HTTPServer.TLS?
        if let tls {
            do {
                tlsMaterial = HTTPServer.TLS(
                    certificatePEM: try String(contentsOfFile: tls.cert, encoding: .utf8),
                    privateKeyPEM: try String(contentsOfFile: tls.key, encoding: .utf8))
            } catch {
                throw CLIError.failure("cannot read the TLS certificate or key: \(error.localizedDescription)")
            }
        }
        var accounts = AccountSettings()
        accounts.signInLimits.perAddress = RateLimit(attempts: signInAttempts, per: .seconds(900))
        let cli = try CLIApplication.open(
            database: database, io: io, access: .write, readers: 4, serving: true, accounts: accounts)
        let services = APIServices(
            app: cli.app, settings: APIServices.Settings(secureCookies: tlsMaterial != nil))
        let router: Router<APIContext>
        do {
            router = try API(services: services).router(webFolder: API.bundledWebFolder)
        } catch {
            throw CLIError.failure("cannot read the web app's files: \(error)")
        }
        var configuration = HTTPServer.Configuration(address: host, port: port, threadCount: threads)
        configuration.tls = tlsMaterial
        let log = BufferedLogWriter(output: io.writeError)
        let server = HTTPServer(
            configuration: configuration, responder: try router.buildResponder(),
            logSink: LogSink { record in log.write(record) })
        server.onDrained {
            await cli.close()
            log.close()
        }
        do {
            try server.start()
        } catch {
            await cli.close()
            throw CLIError.failure("cannot start the server on \(host):\(port): \(error)")
        }
        let signals = server.shutdownOnTerminationSignals()
        let scheme = tlsMaterial == nil ? "http" : "https"
        // The hint comes before the address line, which is what a script waits for: once the
        // server says where it serves, it has said everything it starts with.
        if try await cli.hasNoAccount() {
            io.printError(
                "There is no account yet: create the first with 'glute account create EMAIL --role coach' "
                    + "(clients can sign up at POST /api/signup).")
        }
        io.printError("GluteCoach serves \(scheme)://\(host):\(server.port)/ (database \(cli.databasePath))")
        await server.waitUntilStopped()
        signals.cancel()
        io.printError("GluteCoach stopped; every write is committed.")
    }
}

import Foundation
import GluteApp
import GluteCore
import GluteHTTP
public import GluteJSON
import GluteSQLite
import GluteSecurity
import GluteServer
import GluteStore

/// Collects log records from any thread.
final class TestLog: @unchecked Sendable {
    // Safe to share: `stored` is only touched while holding `lock`.
    private let lock = NSLock()
    private var stored: [LogRecord] = []

    var sink: LogSink { LogSink(minimumLevel: .debug) { [self] record in lock.withLock { stored.append(record) } } }
    var records: [LogRecord] { lock.withLock { stored } }
    var lines: [String] { records.map(\.logfmt) }
}

/// A clock the test moves.
final class TestClock: @unchecked Sendable {
    // Safe to share: `now` is only touched while holding `lock`.
    private let lock = NSLock()
    private var current = Timestamp(iso8601: "2026-12-01T09:00:00Z") ?? Timestamp(millisecondsSince1970: 0)

    var now: Timestamp { lock.withLock { current } }
    func advance(seconds: Int64) { lock.withLock { current = current.adding(seconds: seconds) } }
    var wallClock: WallClock { WallClock { [self] in now } }
}

/// The callers of the access matrix.
enum Role: String, CaseIterable, Sendable {
    case anonymous, clientA, clientB, coachOfA, otherCoach
}

/// A fresh database and API for one test, with four accounts: clients A and B (each assessed,
/// with one logged set), A's coach (A accepted their invitation) and another coach.
struct World: Sendable {
    static let password = "correct horse battery"
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let assessmentText: String = {
        let url = repositoryRoot.appendingPathComponent("Tests/GluteCLITests/Fixtures/cases/desk-worker-left-amnesia.json")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? "{}"
    }()

    let folder: URL
    let store: SQLiteStore
    let app: GluteApp
    let services: APIServices
    let pipeline: HTTPPipeline
    /// The pipeline's responder, to ask for ready answers directly.
    let responder: RouterResponder<APIContext>
    let log: TestLog
    let clock: TestClock
    var accountOf: [Role: AccountView] = [:]
    var tokenOf: [Role: String] = [:]
    var setOf: [Role: String] = [:]
    var spareTokenOf: [Role: String] = [:]

    /// Makes the world.
    ///
    /// - Parameters:
    ///   - assessed: whether the four people take the assessment (an import needs people without one).
    ///   - settings: the API's settings.
    ///   - accounts: the application's account settings (a quick password hash unless given).
    static func make(
        assessed: Bool = true, settings: APIServices.Settings = APIServices.Settings(),
        accounts: AccountSettings? = nil, web: Bool = true
    ) async throws -> World {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glute-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let clock = TestClock()
        let store = try SQLiteStore(
            path: folder.appendingPathComponent("glute.sqlite").path, clock: clock.wallClock, ids: .ordered)
        var accountSettings = accounts ?? AccountSettings(hasher: PasswordHasher(parameters: .minimum))
        if accounts == nil { accountSettings.signInLimits.perAddress = RateLimit(attempts: 1000, per: .seconds(900)) }
        let app = GluteApp(
            store: store, knowledge: try .bundled(), clock: clock.wallClock, defaultTimeZone: nil,
            accounts: accountSettings)
        let services = APIServices(app: app, settings: settings)
        let log = TestLog()
        let router = try API(services: services).router(webFolder: web ? API.bundledWebFolder : nil)
        let responder = try router.buildResponder()
        let pipeline = HTTPPipeline(responder: responder, logSink: log.sink, defaultBodyLimit: 1 << 20)
        var world = World(
            folder: folder, store: store, app: app, services: services, pipeline: pipeline, responder: responder,
            log: log, clock: clock)
        let roles: [(Role, AccountRole)] = [
            (.clientA, .client), (.clientB, .client), (.coachOfA, .coach), (.otherCoach, .coach),
        ]
        for (role, kind) in roles {
            let account = try await app.createAccount(
                email: "\(role.rawValue.lowercased())@example.com", role: kind, password: password, name: role.rawValue,
                timeZone: "Europe/Berlin")
            world.accountOf[role] = account
            world.tokenOf[role] = try await app.createAPIToken(account.id, name: "test").secret
            world.spareTokenOf[role] = try await app.createAPIToken(account.id, name: "spare").token.id.rawValue
            if assessed {
                _ = try await app.assess(account.person, inputText: assessmentText)
                let set = try await app.logSet(
                    account.person,
                    SetEntry(
                        exerciseID: "glute-bridge", side: nil, setCount: 2, reps: [12, 12], felt: .glutes,
                        balance: .steady, pain: 0, performedAt: clock.now.adding(seconds: -60)))
                world.setOf[role] = set.set.id.rawValue
            }
        }
        if let coach = world.accountOf[.coachOfA], let client = world.accountOf[.clientA] {
            let invitation = try await app.createInvitation(coach.id)
            _ = try await app.acceptInvitation(client.id, code: invitation.code)
        }
        return world
    }

    func account(_ role: Role) -> AccountView {
        guard let account = accountOf[role] else { fatalError("no account for \(role)") }
        return account
    }

    /// Headers that sign in as `role` with its API token (none for anonymous).
    func headers(_ role: Role) -> HTTPHeaders {
        guard let token = tokenOf[role] else { return [:] }
        return ["Authorization": "Bearer \(token)"]
    }

    /// Sends a request through the pipeline, as the server would.
    func send(
        _ method: HTTPMethod, _ target: String, as role: Role = .anonymous, json: JSONValue? = nil,
        body: [UInt8]? = nil, headers: HTTPHeaders = [:], address: String = "127.0.0.1"
    ) async -> HTTPResponse {
        var all = self.headers(role)
        for field in headers { all[field.name] = field.value }
        var bytes = body ?? []
        if let json {
            bytes = Array(json.serialized().utf8)
            if all["Content-Type"] == nil { all["Content-Type"] = "application/json" }
        }
        return await pipeline.respond(
            to: HTTPRequest(method: method, target: target, headers: all, body: bytes, remoteAddress: address))
    }

    /// The answer the server would send before its middleware, without a task, or `nil`.
    func ready(_ method: HTTPMethod, _ target: String, as role: Role = .anonymous, headers: HTTPHeaders = [:])
        -> HTTPResponse?
    {
        var all = self.headers(role)
        for field in headers { all[field.name] = field.value }
        return responder.readyResponse(to: HTTPRequest(method: method, target: target, headers: all))
    }

    /// Everything stored: the database's export and every account's sessions, tokens, links,
    /// invitations and notes.
    func snapshot() async throws -> String {
        let database = try await app.exportDatabase().serialized()
        let accounts = Role.allCases.compactMap { accountOf[$0] }
        let rest = try await store.read { tx in
            var text = ""
            for account in accounts {
                text += "\(String(describing: try tx.account(account.id)))\n"
                text += "\(try tx.authSessions(for: account.id))\n\(try tx.apiTokens(for: account.id))\n"
                text += "\(try tx.invitations(coach: account.id))\n\(try tx.coachLinks(client: account.id))\n"
                for other in accounts { text += "\(try tx.clientNotes(coach: account.id, client: other.person))\n" }
            }
            return text
        }
        return database + "\n----\n" + rest
    }

    func close() async {
        await store.close()
        try? FileManager.default.removeItem(at: folder)
    }
}

extension HTTPResponse {
    /// The body parsed as JSON (`.null` when it is not).
    var json: JSONValue { (try? JSONValue.parse(body.bytes)) ?? .null }
}

/// JSON object literals in tests: `["reps": [15, 15]]`.
extension JSONValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { (key: $0.0, value: $0.1) }))
    }
}

import Foundation
import GluteApp
import GluteCore
import GluteHTTP
public import GluteJSON
import GluteSQLite
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

/// A fresh database, account directory and API for one test, with four accounts: clients A and B
/// (each assessed, with one logged set), A's coach (A accepted their invitation) and another coach.
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
    let accounts: StandInAccountDirectory
    let services: APIServices
    let pipeline: HTTPPipeline
    let log: TestLog
    let clock: TestClock
    var accountOf: [Role: AccountInfo] = [:]
    var tokenOf: [Role: String] = [:]
    var setOf: [Role: String] = [:]
    var spareTokenOf: [Role: String] = [:]

    /// Makes the world.
    ///
    /// - Parameters:
    ///   - assessed: whether the four people take the assessment (an import needs people without one).
    ///   - settings: the API's settings.
    ///   - lifetimes: session lifetimes.
    static func make(
        assessed: Bool = true, settings: APIServices.Settings = APIServices.Settings(signInAttempts: 1000),
        lifetimes: StandInAccountDirectory.Lifetimes = .init(), web: Bool = true
    ) async throws -> World {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glute-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let clock = TestClock()
        let store = try SQLiteStore(
            path: folder.appendingPathComponent("glute.sqlite").path, clock: clock.wallClock, ids: .random)
        let app = GluteApp(store: store, knowledge: try .bundled(), clock: clock.wallClock, defaultTimeZone: nil)
        let accounts = try StandInAccountDirectory(
            file: folder.appendingPathComponent("accounts.json").path, lifetimes: lifetimes, passwordIterations: 10)
        let services = APIServices(app: app, accounts: accounts, settings: settings)
        let log = TestLog()
        let router = try API(services: services).router(webFolder: web ? API.bundledWebFolder : nil)
        let pipeline = HTTPPipeline(
            responder: try router.buildResponder(), logSink: log.sink, defaultBodyLimit: 1 << 20)
        var world = World(
            folder: folder, store: store, app: app, accounts: accounts, services: services, pipeline: pipeline,
            log: log, clock: clock)
        let roles: [(Role, AccountRole)] = [
            (.clientA, .client), (.clientB, .client), (.coachOfA, .coach), (.otherCoach, .coach),
        ]
        for (role, kind) in roles {
            let person = try await app.createPerson(name: role.rawValue, timeZone: "Europe/Berlin")
            let account = try accounts.createAccount(
                email: "\(role.rawValue.lowercased())@example.com", password: password, role: kind, person: person.id,
                at: clock.now)
            world.accountOf[role] = account
            world.tokenOf[role] = try accounts.createToken(for: account.id, name: "test", at: clock.now).secret
            world.spareTokenOf[role] = try accounts.createToken(for: account.id, name: "spare", at: clock.now).0.id
            if assessed {
                _ = try await app.assess(person.id, inputText: assessmentText)
                let set = try await app.logSet(
                    person.id,
                    SetEntry(
                        exerciseID: "glute-bridge", side: nil, setCount: 2, reps: [12, 12], felt: .glutes,
                        balance: .steady, pain: 0, performedAt: clock.now.adding(seconds: -60)))
                world.setOf[role] = set.set.id.rawValue
            }
        }
        if let coach = world.accountOf[.coachOfA], let client = world.accountOf[.clientA] {
            let invitation = try accounts.createInvitation(coach: coach.id, at: clock.now)
            _ = try accounts.acceptInvitation(code: invitation.code, client: client.id, at: clock.now)
        }
        return world
    }

    func account(_ role: Role) -> AccountInfo {
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
        body: [UInt8]? = nil, headers: HTTPHeaders = [:]
    ) async -> HTTPResponse {
        var all = self.headers(role)
        for field in headers { all[field.name] = field.value }
        var bytes = body ?? []
        if let json {
            bytes = Array(json.serialized().utf8)
            if all["Content-Type"] == nil { all["Content-Type"] = "application/json" }
        }
        return await pipeline.respond(to: HTTPRequest(method: method, target: target, headers: all, body: bytes))
    }

    /// Everything stored: the database's export and the account file.
    func snapshot() async throws -> String {
        let database = try await app.exportDatabase().serialized()
        let file = (try? String(contentsOf: folder.appendingPathComponent("accounts.json"), encoding: .utf8)) ?? ""
        return database + "\n----\n" + file
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

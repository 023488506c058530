import Foundation
import GluteApp
import GluteCore
import GluteJSON
import GluteSQLite
import GluteSecurity
import GluteStore
import Synchronization

/// Records the SQL a store runs, for tests that count what a use case reads.
final class StatementLog: Sendable {
    private let statements = Mutex<[String]>([])
    private let recording = Mutex(false)

    var trace: @Sendable (String) -> Void {
        { sql in if self.recording.withLock({ $0 }) { self.statements.withLock { $0.append(sql) } } }
    }

    /// The statements run while `body` ran.
    func during<Value>(_ body: () async throws -> Value) async rethrows -> (Value, [String]) {
        statements.withLock { $0.removeAll() }
        recording.withLock { $0 = true }
        defer { recording.withLock { $0 = false } }
        let value = try await body()
        return (value, statements.withLock { $0 })
    }
}

/// A fresh SQLite file in its own folder and the application over it, with a clock the test
/// moves, numbered identifiers and a fast password hasher.
struct AccountsFixture: Sendable {
    let folder: String
    let store: SQLiteStore
    let app: GluteApp
    let clock: SteppingClock
    let statements: StatementLog

    /// The least argon2id libsodium allows, so that tests hash in microseconds.
    static let fastHasher = PasswordHasher(parameters: .minimum, maximumConcurrentHashes: 2)

    /// Monday 2026-11-02, 08:00 UTC.
    static let start = Timestamp(iso8601: "2026-11-02T08:00:00Z") ?? Timestamp(millisecondsSince1970: 0)

    init(settings: (inout AccountSettings) -> Void = { _ in }, start: Timestamp = AccountsFixture.start) throws {
        folder = NSTemporaryDirectory() + "glute-accounts-tests-" + UUID().uuidString.lowercased()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        clock = SteppingClock(start)
        statements = StatementLog()
        var configuration = SQLiteStore.Configuration()
        configuration.synchronous = .off
        configuration.trace = statements.trace
        let counter = Mutex(0)
        let ids = IdentifierSource {
            let next = counter.withLock { value in
                value += 1
                return value
            }
            return "id-" + String(repeating: "0", count: max(0, 6 - String(next).count)) + String(next)
        }
        store = try SQLiteStore(
            path: folder + "/glute.sqlite", configuration: configuration, clock: clock.wallClock, ids: ids)
        var accounts = AccountSettings(hasher: Self.fastHasher)
        // Tests sign many clients up from few addresses; the limit has a test of its own.
        accounts.signUpLimit = RateLimit(attempts: 10_000, per: .seconds(3600))
        settings(&accounts)
        app = GluteApp(
            store: store, knowledge: knowledge, clock: clock.wallClock, defaultTimeZone: nil, accounts: accounts)
    }

    /// The database file's bytes with its write-ahead log: everything the store wrote.
    func databaseBytes() throws -> Data {
        var data = try Data(contentsOf: URL(fileURLWithPath: folder + "/glute.sqlite"))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: folder + "/glute.sqlite-wal")) { data.append(wal) }
        return data
    }

    /// Removes the folder.
    func remove() async {
        await store.close()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Signs up a client with a fixed password.
    func client(_ email: String, name: String? = nil, timeZone: String? = nil) async throws -> SignedIn {
        try await app.signUp(
            email: email, password: Self.password, name: name, timeZone: timeZone, address: "10.0.0.\(email.count)")
    }

    /// Makes a coach account as the server machine does.
    func coach(_ email: String, name: String? = nil) async throws -> AccountView {
        try await app.createAccount(email: email, role: .coach, password: Self.password, name: name)
    }

    /// Links `client` to `coach` through an invitation.
    func link(_ client: AccountView, to coach: AccountView) async throws {
        let invitation = try await app.createInvitation(coach.id)
        _ = try await app.acceptInvitation(client.id, code: invitation.code)
    }

    static let password = "correct horse battery staple"
}

/// Assessment documents for tests, varied through their parameters.
enum SampleAssessment {
    /// A desk worker with left glute amnesia (a recruitment deficit and asymmetry: the loaded hinge
    /// stays gated), working 09:00-17:00 Monday to Friday.
    ///
    /// - Parameters:
    ///   - parq: answer "yes" to one PAR-Q question (medical clearance needed before load).
    ///   - cleared: a clinician has cleared loaded work.
    ///   - bridgeFelt: where the left single-leg bridge is felt (`glutes` lifts the hinge gate).
    static func text(
        parq: Bool = false, cleared: Bool? = nil, equipment: [String] = ["band", "kettlebell", "dumbbells"],
        bridgeFelt: String = "lowerBack", painNow: Int = 2, numbness: Bool = false, redFlag: Bool = false,
        wakeUpEvery: Int? = nil, timeZone: String? = nil
    ) -> String {
        var profile: JSONObject = [
            "age": 38, "sex": "female", "units": "kg", "sittingHoursPerDay": 9, "longestSittingMinutes": 120,
            "workHours": .object(["start": "09:00", "end": "17:00", "days": ["mon", "tue", "wed", "thu", "fri"]]),
            "goal": "stability", "experience": "novice", "equipment": .strings(equipment),
            "trainingDays": ["mon", "wed", "fri"], "minutesPerSession": 30,
        ]
        if let wakeUpEvery { profile["wakeUpEveryMinutes"] = .int(wakeUpEvery) }
        if let timeZone { profile["timeZone"] = .string(timeZone) }
        var screening: JSONObject = [
            "parq": .object([
                "heartCondition": .bool(parq), "chestPain": false, "dizziness": false, "chronicCondition": false,
                "medication": false, "boneOrJointProblem": false, "supervisedOnly": false,
            ]),
            "redFlags": .object([
                "saddleNumbness": .bool(redFlag), "bladderOrBowelChange": false, "progressiveLegWeakness": false,
                "unexplainedWeightLoss": false, "constantNightPain": false, "recentTrauma": false,
            ]),
            "symptoms": .object([
                "backAcheAfterWalking": true, "kneePain": false, "hipPain": false,
                "legNumbnessOrTingling": .bool(numbness), "painNow": .int(painNow),
            ]),
        ]
        if let cleared { screening["medicalClearance"] = .bool(cleared) }
        let side: (String, Int) -> JSONValue = { felt, reps in
            .object(["reps": .int(reps), "feltIn": .string(felt), "pelvisLevel": .bool(felt == "glutes")])
        }
        let tests: JSONObject = [
            "singleLegBridge": .object(["left": side(bridgeFelt, 11), "right": side("glutes", 18)]),
            "gluteSqueeze": .object([
                "left": .object(["isolated": "partly", "strength": 4]),
                "right": .object(["isolated": "yes", "strength": 7]),
            ]),
            "singleLegStance": .object([
                "left": .object(["hipDrop": false, "seconds": 30]),
                "right": .object(["hipDrop": false, "seconds": 30]),
            ]),
            "singleLegSquat": .object([
                "left": .object(["kneeValgus": "none"]), "right": .object(["kneeValgus": "none"]),
            ]),
            "singleLegDeadlift": .object([
                "left": .object(["balance": "steady"]), "right": .object(["balance": "steady"]),
            ]),
            "hipHinge": .object(["pass": true]), "pelvicTilt": "anterior", "bodyweightSquatFeltIn": "both",
        ]
        return JSONValue.object([
            "version": 1, "profile": .object(profile), "screening": .object(screening), "tests": .object(tests),
        ]).serialized()
    }
}

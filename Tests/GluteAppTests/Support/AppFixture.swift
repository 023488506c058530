import Foundation
import GluteApp
import GluteCore
import GluteJSON
import GluteSQLite
import GluteStore

/// The bundled catalogue, read once for all tests.
let knowledge: KnowledgeBase = {
    do { return try KnowledgeBase.bundled() } catch { preconditionFailure("the bundled knowledge base: \(error)") }
}()

/// A fresh SQLite database in a unique temporary folder, with the application over it on a
/// clock the test steps and sequential identifiers.
struct AppFixture: Sendable {
    /// The folder holding the database; removed when the test ends.
    let folder: URL
    /// The database file.
    let path: String
    /// The one clock of the application.
    let clock: SteppingClock
    /// The store.
    let store: SQLiteStore
    /// The application.
    let app: GluteApp

    /// Runs `body` on a fresh fixture whose clock starts at `start`, then closes the store and
    /// removes its folder.
    ///
    /// - Parameter defaultTimeZone: the zone of people who have none; tests that care give
    ///   their people a zone and set this to something else on purpose.
    static func with<T: Sendable>(
        start: Timestamp = .at("2026-11-02T07:00:00Z"), defaultTimeZone: String? = "UTC",
        _ body: (AppFixture) async throws -> T
    ) async throws -> T {
        let fixture = try make(start: start, defaultTimeZone: defaultTimeZone)
        do {
            let value = try await body(fixture)
            await fixture.close()
            return value
        } catch {
            await fixture.close()
            throw error
        }
    }

    /// A fixture that the caller closes.
    static func make(start: Timestamp, defaultTimeZone: String?, clock: WallClock? = nil) throws -> AppFixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "glute-app-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("glute.sqlite").path
        let stepping = SteppingClock(start)
        let store = try SQLiteStore(
            path: path, configuration: testConfiguration, clock: clock ?? stepping.wallClock,
            ids: .sequential())
        let app = GluteApp(
            store: store, knowledge: knowledge, clock: clock ?? stepping.wallClock, defaultTimeZone: defaultTimeZone)
        return AppFixture(folder: folder, path: path, clock: stepping, store: store, app: app)
    }

    /// Throwaway databases need no disk syncs.
    static var testConfiguration: SQLiteStore.Configuration {
        var configuration = SQLiteStore.Configuration()
        configuration.synchronous = .off
        configuration.readers = 1
        return configuration
    }

    /// Closes the store and removes the folder.
    func close() async {
        await store.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// A new person with `timeZone`, assessed with `document` (a fixture name and edits).
    func assessedPerson(
        _ name: String = Cases.desk, _ edits: [(String, JSONValue?)] = [], timeZone: String? = nil
    ) async throws -> Trainee {
        let person = try await app.createPerson(name: nil, timeZone: timeZone)
        let trainee = Trainee(app: app, clock: clock, id: person.id)
        _ = try await trainee.assess(name, edits)
        return trainee
    }
}

/// One person of a fixture and the calls the tests make for them.
struct Trainee: Sendable {
    let app: GluteApp
    let clock: SteppingClock
    let id: Person.ID

    /// Assesses with the fixture document `name`, edited.
    @discardableResult
    func assess(_ name: String, _ edits: [(String, JSONValue?)] = []) async throws -> AssessOutcome {
        try await app.assess(id, inputText: try Cases.text(name, edits))
    }

    /// Logs reps of an exercise, now unless `at` is given.
    @discardableResult
    func log(
        _ exercise: String, _ side: Side? = nil, reps: [Int], load: Load? = nil, felt: FeltIn = .glutes,
        balance: Balance = .steady, pain: Int = 0, numbness: Bool = false, at: Timestamp? = nil,
        session: Session.Kind? = nil
    ) async throws -> LogOutcome {
        try await app.logSet(
            id,
            SetEntry(
                exerciseID: exercise, side: side, setCount: reps.count, reps: reps, load: load, felt: felt,
                balance: balance, pain: pain, numbness: numbness, performedAt: at ?? clock.now, session: session))
    }

    /// Logs a timed hold: `sets` sets of `seconds`.
    @discardableResult
    func hold(
        _ exercise: String, _ side: Side? = nil, sets: Int, seconds: Int, felt: FeltIn = .glutes, pain: Int = 0,
        at: Timestamp? = nil
    ) async throws -> LogOutcome {
        try await app.logSet(
            id,
            SetEntry(
                exerciseID: exercise, side: side, setCount: sets, reps: [], durationSeconds: seconds, felt: felt,
                balance: .steady, pain: pain, performedAt: at ?? clock.now))
    }

    /// Logs what `next` prescribes for `key`, every set at the target: a "good session".
    @discardableResult
    func logAsPrescribed(_ key: ItemKey, plus extra: Int = 0, felt: FeltIn = .glutes) async throws -> LogOutcome {
        let next = try await app.next(id)
        guard let entry = next.entries.first(where: { $0.key == key }) else {
            throw TestFailure("no item \(key) in the plan in force")
        }
        let prescription = entry.prescription
        if prescription.measure == .seconds {
            return try await hold(
                prescription.exerciseID, key.side, sets: prescription.sets, seconds: prescription.target + extra,
                felt: felt)
        }
        return try await log(
            prescription.exerciseID, key.side,
            reps: Array(repeating: prescription.target + extra, count: prescription.sets), load: prescription.load,
            felt: felt, session: key.kind)
    }

    /// The single-leg bridge retest with both sides felt in `felt`.
    @discardableResult
    func bridgeRetest(left: Int = 14, right: Int = 18, felt: String = "glutes", leftFelt: String? = nil)
        async throws -> RetestDone
    {
        try await app.retest(
            id, kind: .singleLegBridge,
            result: .object([
                "left": .object(["reps": .int(left), "feltIn": .string(leftFelt ?? felt), "pelvisLevel": true]),
                "right": .object(["reps": .int(right), "feltIn": .string(felt), "pelvisLevel": true]),
            ]))
    }

    /// The entry of `next` for `key`.
    func entry(_ key: ItemKey) async throws -> NextView.Entry {
        guard let entry = try await app.next(id).entries.first(where: { $0.key == key }) else {
            throw TestFailure("no item \(key) in the plan in force")
        }
        return entry
    }
}

/// A failure a helper reports by throwing (the test then fails with this message).
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension ItemKey {
    /// A key from its text form (`strength/split-squat/left`); the tests only write valid ones.
    static func of(_ text: String) -> ItemKey {
        guard let key = ItemKey(text) else { preconditionFailure("not an item key: \(text)") }
        return key
    }
}

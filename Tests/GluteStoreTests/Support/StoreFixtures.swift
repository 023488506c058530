import Foundation
import GluteCore
import GluteJSON
import GluteStore
import Synchronization

@testable import GluteSQLite

/// A unique folder under the system's temporary directory, removed when the value goes away.
final class TemporaryFolder: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "glute-store-tests-" + UUID().uuidString.lowercased()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder.
    func file(_ name: String = "glute.sqlite") -> String { path + "/" + name }

    deinit {
        // A read-only test may leave the folder without write permission; give it back first.
        chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Collects the SQL a store executes, for assertions.
final class SQLRecorder: Sendable {
    private let statements = Mutex<[String]>([])

    /// Every statement so far.
    var all: [String] { statements.withLock { $0 } }

    /// How many recorded statements are exactly `sql`.
    func count(_ sql: String) -> Int { statements.withLock { $0.count { $0 == sql } } }

    /// How many recorded statements satisfy `predicate`.
    func count(where predicate: (String) -> Bool) -> Int { statements.withLock { $0.count(where: predicate) } }

    /// Whether a statement starting with `prefix` was recorded.
    func contains(prefix: String) -> Bool { statements.withLock { $0.contains { $0.hasPrefix(prefix) } } }

    /// Forgets what was recorded.
    func clear() { statements.withLock { $0.removeAll() } }

    /// A trace closure that appends to this recorder.
    var trace: @Sendable (String) -> Void {
        { sql in self.statements.withLock { $0.append(sql) } }
    }
}

/// Identifiers `<prefix>-000001`, `<prefix>-000002`, …: zero-padded, so that identifier order (the
/// tie-breaker of every list) is creation order and the same on every run.
func numberedIDs(prefix: String = "id") -> IdentifierSource {
    let counter = Mutex(0)
    return IdentifierSource {
        let number = counter.withLock { value in
            value += 1
            return value
        }
        let digits = String(number)
        return "\(prefix)-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}

/// The clock every test store is given.
///
/// The store reads it only to date applied migrations; every record's time is given by the test
/// itself, so no test depends on the real date.
let testClock = WallClock.fixed(Timestamp(iso8601: "2026-11-01T06:00:00Z")!)

/// A fresh SQLite store at `folder/name`.
///
/// Tests relax `synchronous` to NORMAL for speed unless they ask for FULL.
func makeSQLiteStore(
    in folder: TemporaryFolder, name: String = "glute.sqlite", ids: IdentifierSource = numberedIDs(),
    synchronous: SQLiteStore.Synchronous = .normal, recorder: SQLRecorder? = nil,
    migrationTarget: String? = nil, readers: Int = 2, readOnly: Bool = false
) throws -> SQLiteStore {
    var configuration = SQLiteStore.Configuration()
    configuration.synchronous = synchronous
    configuration.trace = recorder?.trace
    configuration.migrationTarget = migrationTarget
    configuration.readers = readers
    configuration.readOnly = readOnly
    return try SQLiteStore(path: folder.file(name), configuration: configuration, clock: testClock, ids: ids)
}

/// A timestamp on 2026-11-`day` at `hour:minute` UTC.
func at(_ hour: Int, _ minute: Int = 0, day: Int = 2) -> Timestamp {
    Timestamp(date: CivilDate(year: 2026, month: 11, day: day)!, hour: hour, minute: minute)
}

/// A typical logged set, adjustable through its parameters.
func sampleEntry(
    exercise: String = "glute-bridge", side: Side? = .left, performedAt: Timestamp = at(9),
    pain: Int = 1, reps: [Int] = [15, 12], numbness: Bool = false, session: Session.Kind? = nil
) -> SetEntry {
    SetEntry(
        exerciseID: exercise, side: side, setCount: reps.isEmpty ? 3 : reps.count, reps: reps,
        load: Load(12.5, .kg), durationSeconds: reps.isEmpty ? 30 : nil, felt: .glutes, balance: .wobble,
        rpe: 7, pain: pain, numbness: numbness, performedAt: performedAt, note: "felt \"good\"\non the left",
        session: session)
}

/// A small but complete plan, as the engine writes plans.
let samplePlanJSON = #"""
    {"wakeUpCalls": {"everyMinutes": 60, "during": {"start": "09:00", "end": "17:00", "days": ["mon", "wed"]},
      "options": ["10 glute squeezes"], "items": [{"exercise": "glute-squeeze", "reps": 10}], "why": ["sitting"]},
     "week": [{"day": "mon", "sessions": [{"kind": "strength", "minutes": 20, "focus": "glutes", "items": [
       {"exercise": "glute-bridge", "side": "both", "sets": 3, "reps": 12, "repRange": [8, 15],
        "restSeconds": 60, "why": ["GLUTE_AMNESIA"]},
       {"exercise": "clamshell", "side": "left-first", "sets": 2, "reps": 15, "restSeconds": 45, "why": []}]}]}],
     "gates": [{"code": "no-loaded-hinge", "until": "retest", "blocks": "deadlifts", "why": []}],
     "reassessOn": "2026-12-14", "startsOn": "2026-11-02", "ergonomics": [], "notes": ["a note"]}
    """#

/// ``samplePlanJSON`` decoded.
let samplePlan = try! Plan.decode(JSONValue.parse(samplePlanJSON))

/// A progression state of `exercise` in a strength session aiming at `target` reps.
func sampleState(_ exercise: String, side: Side? = nil, target: Int = 10) -> ItemState {
    ItemState(
        key: ItemKey(kind: .strength, exercise: exercise, side: side),
        current: Prescription(exerciseID: exercise, side: side, sets: 3, range: 8...15, target: target))
}

/// A valid single-leg bridge result: `left` and `right` reps, felt in the glutes.
func bridgeResult(left: Int, right: Int) -> JSONValue {
    .object([
        "left": .object(["reps": .int(left), "feltIn": "glutes"]),
        "right": .object(["reps": .int(right), "feltIn": "glutes"]),
    ])
}

/// Waits, without blocking a thread of the cooperative pool, until `condition` holds.
///
/// Fails the caller with an error after `timeout`, so a broken expectation cannot hang the suite.
func waitUntil(
    timeout: Duration = .seconds(120), _ what: String = "condition", _ condition: @Sendable () -> Bool
) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while !condition() {
        guard clock.now < deadline else { throw WaitTimeout(what: what) }
        try await Task.sleep(for: .milliseconds(1))
    }
}

/// ``waitUntil(timeout:_:_:)`` gave up.
struct WaitTimeout: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out waiting for \(what)" }
}

/// A flag set on one thread and read on another.
final class Flag: Sendable {
    private let value = Mutex(false)

    var isSet: Bool { value.withLock { $0 } }

    func set() { value.withLock { $0 = true } }

    /// Blocks the calling thread until the flag is set, or `timeout` seconds have passed.
    ///
    /// Only for bodies running on the store's own queue, never on the cooperative pool.
    func wait(timeout: Double = 10) {
        let deadline = Date().addingTimeInterval(timeout)
        while !isSet && Date() < deadline { Thread.sleep(forTimeInterval: 0.001) }
    }
}

/// An error a test's own transaction body throws.
struct BodyError: Error, Equatable {
    let label: String
}

/// Runs `body(0)`, …, `body(count - 1)` at once on threads of their own (never on the cooperative
/// pool: opening a store blocks), and returns when all are done, throwing the first error.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) async throws {
    let errors = Mutex<[any Error]>([])
    let ready = Mutex(0)
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread.detachNewThread {
                // Start together, so that the bodies really race.
                ready.withLock { $0 += 1 }
                while ready.withLock({ $0 }) < count { Thread.sleep(forTimeInterval: 0.0005) }
                do { try body(index) } catch { errors.withLock { $0.append(error) } }
                group.leave()
            }
        }
        group.notify(queue: .global()) { continuation.resume() }
    }
    if let first = errors.withLock({ $0.first }) { throw first }
}

import Foundation
import GluteCore
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
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Collects the SQL a store executes, for assertions.
final class SQLRecorder: Sendable {
    private let statements = Mutex<[String]>([])

    /// Every statement so far.
    var all: [String] { statements.withLock { $0 } }

    /// Forgets what was recorded.
    func clear() { statements.withLock { $0.removeAll() } }

    /// A trace closure that appends to this recorder.
    var trace: @Sendable (String) -> Void {
        { sql in self.statements.withLock { $0.append(sql) } }
    }
}

/// Deterministic clock and identifiers: ids `<prefix>-000001`, … and times one second apart
/// from 2026-11-02T08:00:00Z.
func makeTestEnvironment(prefix: String = "id", start: Timestamp = Timestamp(iso8601: "2026-11-02T08:00:00Z")!)
    -> StoreEnvironment
{
    let counter = Mutex(0)
    let clock = Mutex(start)
    return StoreEnvironment(
        now: {
            clock.withLock { now in
                defer { now = now.adding(seconds: 1) }; return now
            }
        },
        makeID: {
            let number = counter.withLock { value in
                value += 1; return value
            }
            let digits = String(number)
            return "\(prefix)-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        })
}

/// A fresh SQLite store in `folder`. Tests relax `synchronous` to NORMAL for speed unless they ask.
func makeSQLiteStore(
    in folder: TemporaryFolder, name: String = "glute.sqlite",
    environment: StoreEnvironment = makeTestEnvironment(),
    synchronous: SQLiteStore.Synchronous = .normal, recorder: SQLRecorder? = nil,
    migrationTarget: String? = nil
) throws -> SQLiteStore {
    var configuration = SQLiteStore.Configuration()
    configuration.synchronous = synchronous
    configuration.trace = recorder?.trace
    configuration.migrationTarget = migrationTarget
    return try SQLiteStore(path: folder.file(name), configuration: configuration, environment: environment)
}

/// A timestamp on 2026-11-02 at `hour:minute` UTC.
func at(_ hour: Int, _ minute: Int = 0, day: Int = 2) -> Timestamp {
    Timestamp(date: CivilDate(year: 2026, month: 11, day: day)!, hour: hour, minute: minute)
}

/// A typical logged set, adjustable through its parameters.
func sampleEntry(
    exercise: String = "glute-bridge", side: Side? = .left, performedAt: Timestamp = at(9),
    pain: Int = 1, reps: [Int] = [15, 12]
) -> SetEntry {
    SetEntry(
        exerciseID: exercise, side: side, setCount: reps.isEmpty ? 3 : reps.count, reps: reps,
        load: Load(12.5, .kg), durationSeconds: reps.isEmpty ? 30 : nil, felt: .glutes, balance: .wobble,
        rpe: 7, pain: pain, performedAt: performedAt, note: "felt \"good\"\non the left")
}

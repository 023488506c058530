internal import Foundation
internal import GluteCore
internal import GluteJSON
internal import GluteSQLite
internal import GluteStore

/// The store as the CLI uses it: opened at the configured location, for the single default
/// person, with the plan and the logs turned back into engine values.
struct StoreAccess {
    let store: any Store
    let person: Person
    let io: CommandIO

    /// Opens the store at `--database`, else `$GLUTE_DATABASE`, else the XDG data folder.
    static func open(database: String?, io: CommandIO) async throws -> StoreAccess {
        let store = try SQLiteStoreOpener.open(try SQLiteStoreOpener.path(database: database, io: io), io: io)
        do {
            return StoreAccess(store: store, person: try await store.defaultPerson(), io: io)
        } catch let error as StoreError {
            throw CLIError.failure("cannot read the database: \(error)")
        }
    }

    /// How the reason of a version without a plan begins.
    static let stoppedReason = "stopped: see a clinician"

    /// The latest plan and its stored version, or `nil` before the first assessment and after
    /// an assessment that stopped the flow.
    func latestPlan() async throws -> (plan: Plan, version: PlanVersion)? {
        guard let version = try await store.latestPlan(for: person.id), version.planJSON != "null" else { return nil }
        do {
            return (try Plan.decode(try JSONValue.parse(version.planJSON)), version)
        } catch let error as FieldError {
            throw CLIError.failure("plan version \(version.version) in the database is damaged: \(error)")
        }
    }

    /// The latest plan, or a failure telling the person to assess first.
    func requirePlan() async throws -> (plan: Plan, version: PlanVersion) {
        guard let latest = try await latestPlan() else {
            if let stopped = try await store.latestPlan(for: person.id), stopped.planJSON == "null" {
                throw CLIError.failure(
                    "no plan is active: your last assessment found something a clinician should see first (\(stopped.reason)); once cleared, run 'glute assess' again"
                )
            }
            throw CLIError.failure("there is no plan yet: run 'glute assess' first")
        }
        return latest
    }

    /// Where each exercise of `plan` stands now, replayed from the logs and retests.
    func progressionTracks(plan: Plan, knowledge: KnowledgeBase) async throws -> [PlanProgression.Track] {
        PlanProgression(plan: plan, knowledge: knowledge)
            .tracks(history: try await sessionLogs(), retests: try await retestResults())
    }

    /// Every logged set, oldest first.
    func allSets() async throws -> [LoggedSet] {
        try await store.loggedSets(
            for: person.id, in: Timestamp(millisecondsSince1970: 0)..<Timestamp(millisecondsSince1970: Int64.max))
    }

    /// The logged sets as the progression engine reads them, dated in local time.
    func sessionLogs() async throws -> [SessionLog] {
        try await allSets().map { set in
            SessionLog(
                date: io.localDate(set.performedAt), exerciseID: set.exerciseID,
                side: set.side,
                sets: set.reps.isEmpty ? Array(repeating: set.durationSeconds ?? 0, count: set.setCount) : set.reps,
                load: set.load, feltIn: set.felt, balance: set.balance,
                rpe: set.rpe.map(Double.init), pain: set.pain, newNumbness: set.numbness)
        }
    }

    /// The retests as the gate evaluator reads them.
    func retestResults() async throws -> [RetestResult] {
        try await store.retests(for: person.id, testName: nil).compactMap { retest in
            guard let value = try? JSONValue.parse(retest.resultJSON) else { return nil }
            return RetestRecord.result(name: retest.testName, value: value, date: io.localDate(retest.takenAt))
        }
    }
}

/// Finds and opens the SQLite database, turning store errors into CLI failures.
enum SQLiteStoreOpener {
    /// `--database`, else `$GLUTE_DATABASE`, else `$XDG_DATA_HOME/glutecoach/glute.sqlite`.
    static func path(database: String?, io: CommandIO) throws -> String {
        do {
            return try SQLiteDatabaseLocation.resolve(explicit: database, environment: io.environment)
        } catch {
            throw CLIError.failure("cannot find where to keep the database: \(error)")
        }
    }

    /// Opens (and migrates) the database at `path`, with the command's clock (so `GLUTE_NOW`
    /// reaches every timestamp the store writes).
    static func open(_ path: String, io: CommandIO) throws -> any Store {
        let environment = StoreEnvironment(now: { io.timestamp }, makeID: StoreEnvironment.live.makeID)
        do {
            return try SQLiteStore(path: path, environment: environment)
        } catch {
            throw CLIError.failure("cannot open the database '\(path)': \(error)")
        }
    }
}

extension CommandIO {
    /// The current instant as a store timestamp.
    var timestamp: Timestamp {
        Timestamp(millisecondsSince1970: Int64((now().timeIntervalSince1970 * 1000).rounded(.down)))
    }

    /// The local calendar date of a timestamp.
    func localDate(_ timestamp: Timestamp) -> CivilDate {
        let date = Date(timeIntervalSince1970: Double(timestamp.millisecondsSince1970) / 1000)
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: date)
        return CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? timestamp.date
    }

    /// The local time of day now.
    var localTime: ClockTime {
        let parts = Calendar.current.dateComponents([.hour, .minute], from: now())
        return ClockTime(minutes: (parts.hour ?? 0) * 60 + (parts.minute ?? 0)) ?? .midnight
    }
}

internal import GluteStore

/// The small records each write reads back (the person, the plan in force, the dashboard state),
/// kept by the writer across its batches so that a log reads them from memory.
///
/// It is right because every change goes through the writer or shows in `PRAGMA data_version`:
/// - the writer's own writes keep or drop the entries they touch (``SQLiteTransaction`` does
///   it where it writes person, plan or client-state rows; anything wider clears it all);
/// - a job rolled back to its savepoint drops every entry it read or wrote (``forgetJob()``), and
///   a batch rolled back drops everything;
/// - another connection's commit changes `PRAGMA data_version`, which the writer reads at the
///   start of every batch (``validate(dataVersion:)``): the cache is cleared then.
///
/// Used only on the writer's queue, inside its transactions.
final class SQLiteWriterCache: @unchecked Sendable {
    // Safe to share between the store and its writer: only the writer's queue uses it.

    private var people: [String: Person] = [:]
    /// The plan in force by person; `.some(nil)` when the person has none.
    private var plans: [String: PlanVersion?] = [:]
    private var states: [String: ClientState] = [:]
    private var dataVersion: Int64?
    /// The people whose entries the current job read or wrote.
    private var touched: Set<String> = []
    private static let limit = 4096

    /// Clears everything unless the database is as the writer last saw it.
    func validate(dataVersion: Int64?) {
        if dataVersion == nil || dataVersion != self.dataVersion { clear() }
        self.dataVersion = dataVersion
    }

    /// Starts a job: what it touches is forgotten if it is rolled back.
    func startJob() { touched = [] }

    /// The job was rolled back: its entries go.
    func forgetJob() {
        for person in touched { drop(person) }
        touched = []
    }

    /// Forgets everything.
    func clear() {
        people = [:]
        plans = [:]
        states = [:]
        touched = []
    }

    /// Forgets a person's entries.
    func drop(_ person: String) {
        people[person] = nil
        plans[person] = nil
        states[person] = nil
        touched.insert(person)
    }

    func person(_ id: String) -> Person? { people[id] }

    func keep(_ person: Person) {
        guard room() else { return }
        people[person.id.rawValue] = person
        touched.insert(person.id.rawValue)
    }

    /// The plan in force, when known: `.some(nil)` for a person known to have none.
    func plan(of person: String) -> PlanVersion?? { plans[person] }

    func keep(plan: PlanVersion?, of person: String) {
        guard room() else { return }
        plans[person] = .some(plan)
        touched.insert(person)
    }

    func dropPlan(of person: String) {
        plans[person] = nil
        touched.insert(person)
    }

    func state(of person: String) -> ClientState? { states[person] }

    func keep(_ state: ClientState) {
        guard room() else { return }
        states[state.personID.rawValue] = state
        touched.insert(state.personID.rawValue)
    }

    /// Whether there is room for one more entry; a full cache starts again empty.
    private func room() -> Bool {
        if people.count + plans.count + states.count >= Self.limit * 3 { clear() }
        return true
    }
}

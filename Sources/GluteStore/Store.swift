public import GluteCore
public import GluteJSON

/// Storage for GluteCoach: people, their assessments and plan versions, the progression state
/// of each plan item, logged sets, wake-up calls, retests and deletions.
///
/// Every read and write runs inside a transaction that the use case opens, so a use case that
/// writes several records writes all of them or none:
///
/// ```swift
/// let logged = try await store.write { tx in
///     let set = try tx.insertSet(entry, for: person)
///     try tx.saveItemStates([next], plan: version.id, for: person)
///     return set
/// }
/// let week = try await store.read { tx in try tx.loggedSets(for: person, in: monday..<nextMonday) }
/// ```
///
/// The body runs on the store's own thread (never on Swift's cooperative pool) and must not
/// wait on anything: it reads, computes with the pure engine, and writes. A write is durable when
/// `write` returns. A back end may commit the writes of several callers together (one disk sync
/// for many requests); each caller's body still succeeds or fails on its own, and a caller that
/// is cancelled before its body starts is skipped without touching anyone else's work.
///
/// Every method of a transaction names the person it is for; the only read of everyone is the
/// explicit whole-database export. Lists come back in a stable order: by time, then by
/// identifier. Every back end (SQLite now, PostgreSQL later) passes the same contract tests.
/// All methods throw ``StoreError``, except that an error a transaction body throws itself
/// reaches the caller of ``read(_:)`` or ``write(_:)`` unchanged.
public protocol Store: Sendable {
    /// Runs `body` in one read transaction: every query in it sees one snapshot.
    ///
    /// Reads never write, so they work on a database the user cannot write to.
    func read<Value: Sendable>(_ body: @escaping @Sendable (any StoreReader) throws -> Value) async throws -> Value

    /// Runs `body` like ``read(_:)``, for a read bounded by design (a few rows, such as one
    /// person's plan in force and its kept states): a back end may run it on the caller's thread
    /// when a connection is free, saving the hop to its own threads and back. Never use it for a
    /// read that grows with the data (history, progress, export).
    func readBounded<Value: Sendable>(_ body: @escaping @Sendable (any StoreReader) throws -> Value) async throws
        -> Value

    /// Runs `body` in one write transaction: everything it writes is on disk when this returns,
    /// or nothing is.
    func write<Value: Sendable>(_ body: @escaping @Sendable (any StoreWriter) throws -> Value) async throws -> Value

    /// Everything in the database, read from one snapshot: the explicit whole-database export.
    func exportDatabase() async throws -> ExportDocument

    /// Waits for pending writes and closes the database; later calls fail.
    func close() async
}

/// The reads of one transaction.
///
/// ## Topics
/// ### People
/// - ``person(_:)``, ``earliestPerson()``
/// ### Assessments and plans
/// - ``latestAssessment(for:)``, ``assessments(for:)``, ``currentPlan(for:)``, ``planHistory(for:)``
/// - ``itemStates(plan:for:)``, ``latestItemStates(for:)``
/// ### Daily log
/// - ``loggedSets(for:in:)``, ``loggedSet(_:for:)``, ``wakeUpCalls(for:in:)``, ``wakeUpCall(_:for:)``
/// - ``retests(for:kind:)``, ``retest(_:for:)``, ``deletions(for:)``
/// ### Accounts
/// - ``AccountStoreReader``: logins, sessions, tokens, coaching and the dashboard's kept state,
///   read in the same transaction.
public protocol StoreReader: AccountStoreReader {
    /// The person with `id`, or `nil`.
    func person(_ id: Person.ID) throws -> Person?

    /// The earliest created person, or `nil` in an empty database: the one person of a
    /// single-user front end such as the command line.
    func earliestPerson() throws -> Person?

    /// The most recently taken assessment of `person`, or `nil`.
    func latestAssessment(for person: Person.ID) throws -> AssessmentRecord?

    /// Every assessment of `person`, oldest first.
    func assessments(for person: Person.ID) throws -> [AssessmentRecord]

    /// The highest plan version of `person` (active or stopped), or `nil`.
    func currentPlan(for person: Person.ID) throws -> PlanVersion?

    /// Every plan version of `person`, version 1 first.
    func planHistory(for person: Person.ID) throws -> [PlanVersion]

    /// The progression state of every item of plan version `plan`, in key order.
    func itemStates(plan: PlanVersion.ID, for person: Person.ID) throws -> [ItemState]

    /// The latest known state of every item key `person` has had, across all plan versions: what
    /// a new version carries over.
    func latestItemStates(for person: Person.ID) throws -> [ItemKey: ItemState]

    /// The sets `person` performed in `range` (start included, end excluded), oldest first.
    func loggedSets(for person: Person.ID, in range: Range<Timestamp>) throws -> [LoggedSet]

    /// The logged set with `id`, when it is `person`'s.
    func loggedSet(_ id: LoggedSet.ID, for person: Person.ID) throws -> LoggedSet?

    /// Whether `person` has a set that comes after `set` in replay order: performed later, or in
    /// the same millisecond with a greater identifier.
    func hasLoggedSet(for person: Person.ID, after set: LoggedSet) throws -> Bool

    /// The wake-up call logs of `person` in `range` (start included, end excluded), oldest first.
    func wakeUpCalls(for person: Person.ID, in range: Range<Timestamp>) throws -> [WakeUpCall]

    /// The wake-up call log with `id`, when it is `person`'s.
    func wakeUpCall(_ id: WakeUpCall.ID, for person: Person.ID) throws -> WakeUpCall?

    /// The retests of `person`, oldest first, only those of `kind` when it is given.
    func retests(for person: Person.ID, kind: RetestKind?) throws -> [Retest]

    /// The retest with `id`, when it is `person`'s.
    func retest(_ id: Retest.ID, for person: Person.ID) throws -> Retest?

    /// The deletions of `person`'s entries, oldest first.
    func deletions(for person: Person.ID) throws -> [Deletion]
}

/// The writes of one transaction, beside its reads.
///
/// Records get their identifiers from the store; times are always given by the caller. The
/// account writes of ``AccountStoreWriter`` are part of the same transaction.
public protocol StoreWriter: StoreReader, AccountStoreWriter {
    /// Creates a person.
    ///
    /// - Throws: ``StoreError/Code/invalidRecord`` for a name outside 1 to 200 characters or an
    ///   unknown time zone.
    func createPerson(name: String?, timeZone: String?, at time: Timestamp) throws -> Person

    /// Changes a person's time zone.
    func setTimeZone(_ timeZone: String, for person: Person.ID) throws

    /// Stores an assessment: its input text exactly as given and the engine's output.
    func insertAssessment(for person: Person.ID, inputText: String, output: JSONValue, takenAt: Timestamp)
        throws -> AssessmentRecord

    /// Saves the next plan version of `person` (1 for the first).
    ///
    /// - Parameters:
    ///   - status: the plan, or a stop with its reason, which must be `reason` (a version keeps one).
    ///   - reason: why this version exists, 1 to 500 characters.
    ///   - assessment: the assessment it was made from; it must belong to `person`.
    ///   - causes: the logged entries that caused it.
    /// - Throws: ``StoreError/Code/notFound`` for an unknown person or an assessment that is not
    ///   theirs; ``StoreError/Code/invalidRecord`` for a reason of another length or a stop whose
    ///   reason is not `reason`.
    func insertPlan(
        for person: Person.ID, status: PlanVersion.Status, reason: String, assessment: AssessmentRecord.ID?,
        causes: [String], at time: Timestamp
    ) throws -> PlanVersion

    /// Records one more entry among the causes of plan version `plan`.
    func addCause(_ entryID: String, to plan: PlanVersion.ID, for person: Person.ID) throws

    /// Replaces the states of the given items of plan version `plan`; other items keep theirs.
    func saveItemStates(_ states: [ItemState], plan: PlanVersion.ID, for person: Person.ID, at time: Timestamp)
        throws

    /// Removes every item state of plan version `plan` (before a rebuild writes them again).
    func clearItemStates(plan: PlanVersion.ID, for person: Person.ID) throws

    /// Stores one logged set.
    ///
    /// - Throws: ``StoreError/Code/invalidRecord`` naming the field when the entry breaks
    ///   ``SetEntry/validate(path:)``.
    func insertSet(_ entry: SetEntry, for person: Person.ID) throws -> LoggedSet

    /// Records a wake-up call log.
    func insertWakeUpCall(
        for person: Person.ID, at time: Timestamp, outcome: WakeUpOutcome, answers call: Timestamp?
    ) throws -> WakeUpCall

    /// Stores the result of a retest.
    func insertRetest(for person: Person.ID, kind: RetestKind, result: JSONValue, takenAt: Timestamp) throws
        -> Retest

    /// Deletes one of `person`'s entries (a set, a wake-up call log or a retest) and records the
    /// deletion; an entry that is not theirs is not found.
    func deleteEntry(_ kind: Deletion.Kind, id: String, for person: Person.ID, entry: JSONValue, at time: Timestamp)
        throws -> Deletion

    /// Adds every record of an already validated export document, keeping its identifiers.
    ///
    /// A failure part-way (an identifier that already exists, say) fails the whole transaction.
    func importRecords(_ document: ExportDocument) throws -> ImportSummary
}

extension Store {
    /// Reads as ``read(_:)`` does, for back ends without a faster way.
    public func readBounded<Value: Sendable>(_ body: @escaping @Sendable (any StoreReader) throws -> Value)
        async throws -> Value
    { try await read(body) }
}

public import GluteCore
internal import GluteJSON

/// Storage for the daily loop: people, their assessments and plan versions, logged sets,
/// wake-up calls and retests, plus a lossless export and an all-or-nothing import.
///
/// Every back end (SQLite now, PostgreSQL later) passes the same contract tests. Methods are
/// `async` and the store is `Sendable`: any number of tasks may call one store at once, and
/// several stores (processes or stateless servers) may share one database. Each write is one
/// transaction and is durable when the call returns.
///
/// Lists come back in a stable order: by time, then by identifier.
///
/// ```swift
/// let store = try await SQLiteStore(path: SQLiteStore.defaultPath(explicit: nil))
/// let me = try await store.defaultPerson()
/// _ = try await store.logSet(entry, for: me.id)
/// let week = try await store.loggedSets(for: me.id, in: monday..<nextMonday)
/// ```
///
/// All methods throw ``StoreError``.
///
/// ## Topics
/// ### People
/// - ``createPerson(name:)``, ``defaultPerson()``, ``person(_:)``, ``people()``
/// ### Assessments and plans
/// - ``recordAssessment(for:inputJSON:outputJSON:takenAt:)``, ``latestAssessment(for:)``, ``assessments(for:)``
/// - ``savePlan(for:planJSON:reason:assessmentID:)``, ``latestPlan(for:)``, ``planHistory(for:)``
/// - ``recordAssessment(for:inputJSON:outputJSON:takenAt:plan:)``
/// ### Daily log
/// - ``logSet(_:for:)``, ``loggedSets(for:in:)``, ``loggedSets(for:exerciseID:side:)``
/// - ``recordWakeUpCall(for:at:outcome:)``, ``wakeUpCalls(for:in:)``
/// - ``recordRetest(for:testName:side:resultJSON:takenAt:)``, ``retests(for:testName:)``
/// ### Export and import
/// - ``exportedDocument()``, ``importDocument(_:)-(ExportDocument)``
/// - ``exportDocument()``, ``importDocument(_:)-(String)``
public protocol Store: Sendable {
    // MARK: People

    /// Creates a person with an optional name (1 to 200 characters), created now.
    func createPerson(name: String?) async throws -> Person

    /// The single user of the CLI: the earliest created person, created (without a name) on first use.
    ///
    /// Safe to call from several processes at once: only one person is created.
    func defaultPerson() async throws -> Person

    /// The person with `id`, or `nil`.
    func person(_ id: Person.ID) async throws -> Person?

    /// Every person, earliest created first.
    func people() async throws -> [Person]

    // MARK: Assessments

    /// Stores an assessment: the input JSON text exactly as given and the engine's output JSON text.
    ///
    /// - Throws: ``StoreError/Code/notFound`` for an unknown person; ``StoreError/Code/invalidRecord``
    ///   when either text is not JSON.
    func recordAssessment(
        for person: Person.ID, inputJSON: String, outputJSON: String,
        takenAt: Timestamp
    ) async throws -> AssessmentRecord

    /// The most recently taken assessment of `person`, or `nil`.
    func latestAssessment(for person: Person.ID) async throws -> AssessmentRecord?

    /// Every assessment of `person`, oldest first.
    func assessments(for person: Person.ID) async throws -> [AssessmentRecord]

    // MARK: Plans

    /// Saves the next plan version of `person` (1 for the first), created now.
    ///
    /// - Parameters:
    ///   - reason: why this version exists, 1 to 500 characters.
    ///   - assessmentID: the assessment it was generated from; it must belong to `person`.
    func savePlan(
        for person: Person.ID, planJSON: String, reason: String,
        assessmentID: AssessmentRecord.ID?
    ) async throws -> PlanVersion

    /// Stores an assessment and the plan version made from it in one transaction: both are on
    /// disk when the call returns, or neither is.
    ///
    /// - Parameters:
    ///   - plan: the plan's JSON text and the reason for the new version; `nil` stores the
    ///     assessment alone.
    /// - Returns: the assessment and, when `plan` was given, the new plan version (pointing at it).
    func recordAssessment(
        for person: Person.ID, inputJSON: String, outputJSON: String, takenAt: Timestamp,
        plan: (json: String, reason: String)?
    ) async throws -> (assessment: AssessmentRecord, plan: PlanVersion?)

    /// The highest plan version of `person`, or `nil`.
    func latestPlan(for person: Person.ID) async throws -> PlanVersion?

    /// Every plan version of `person`, version 1 first.
    func planHistory(for person: Person.ID) async throws -> [PlanVersion]

    // MARK: Daily log

    /// Stores one logged set; it is on disk when the call returns.
    ///
    /// - Throws: ``StoreError/Code/invalidRecord`` naming the field when the entry breaks
    ///   ``SetEntry/validate(path:)``; ``StoreError/Code/notFound`` for an unknown person.
    func logSet(_ entry: SetEntry, for person: Person.ID) async throws -> LoggedSet

    /// The sets `person` performed in `range` (start included, end excluded), oldest first.
    func loggedSets(for person: Person.ID, in range: Range<Timestamp>) async throws -> [LoggedSet]

    /// Every set of one exercise on one side for `person`, oldest first: the history progression reads.
    func loggedSets(for person: Person.ID, exerciseID: String, side: Side?) async throws -> [LoggedSet]

    /// Records a wake-up call as done or skipped. A person has one call per instant.
    func recordWakeUpCall(for person: Person.ID, at: Timestamp, outcome: WakeUpOutcome) async throws -> WakeUpCall

    /// The wake-up calls of `person` in `range` (start included, end excluded), oldest first.
    func wakeUpCalls(for person: Person.ID, in range: Range<Timestamp>) async throws -> [WakeUpCall]

    /// Stores the result of a retest.
    func recordRetest(
        for person: Person.ID, testName: String, side: Side?, resultJSON: String,
        takenAt: Timestamp
    ) async throws -> Retest

    /// The retests of `person`, oldest first, only those of `testName` when it is given.
    func retests(for person: Person.ID, testName: String?) async throws -> [Retest]

    // MARK: Export and import

    /// Everything in the store, read from one consistent snapshot.
    ///
    /// ``exportDocument()`` turns it into the JSON text.
    func exportedDocument() async throws -> ExportDocument

    /// Adds every record of an already validated document in one transaction, all or nothing.
    ///
    /// A failure part-way (for example an identifier that already exists) leaves the store exactly
    /// as it was. ``importDocument(_:)-(String)`` parses and validates text first.
    ///
    /// - Returns: how many records of each kind were added.
    func importDocument(_ document: ExportDocument) async throws -> ImportSummary
}

extension Store {
    /// Everything in the store as one JSON document (``ExportDocument``), pretty-printed.
    ///
    /// The same contents always give the same bytes, whichever back end wrote them.
    public func exportDocument() async throws -> String {
        try await exportedDocument().serialized()
    }

    /// Adds everything in an export document's text to the store, all or nothing.
    ///
    /// The whole document is validated first and nothing is written when any part is wrong; then
    /// every record is written in one transaction, so a failure part-way (for example an
    /// identifier that already exists) leaves the store exactly as it was.
    ///
    /// ```swift
    /// let summary = try await store.importDocument(text)
    /// ```
    ///
    /// - Returns: how many records of each kind were added.
    /// - Throws: ``StoreError/Code/invalidDocument`` naming the field path, or the back end's error.
    public func importDocument(_ text: String) async throws -> ImportSummary {
        let document: ExportDocument
        do { document = try ExportDocument.parse(text) } catch { throw StoreError.invalidDocument(error) }
        return try await importDocument(document)
    }
}

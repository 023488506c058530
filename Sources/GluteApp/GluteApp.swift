public import GluteCore
public import GluteStore

/// GluteCoach's use cases, as calls that return values: every front end (the command line, the
/// HTTP API, the web app through it) goes through here and only renders what comes back.
///
/// Each call names the person it acts for. Everything a call writes is written in one store
/// transaction (all or nothing), and every timestamp it writes comes from ``clock``. Returned
/// values carry one JSON encoding (`jsonValue`), which is what `--json` prints and what the API
/// answers.
///
/// ```swift
/// let app = GluteApp(store: store, knowledge: try .bundled(), clock: .system, defaultTimeZone: "Europe/Berlin")
/// let me = try await app.createPerson(name: nil, timeZone: nil)
/// _ = try await app.assess(me.id, inputText: text)
/// let today = try await app.today(me.id)
/// ```
///
/// ## Topics
/// ### The loop
/// - ``assess(_:inputText:)``, ``plan(_:)``, ``planHistory(_:)``, ``today(_:)``, ``logSet(_:_:)``,
///   ``logWakeUpCall(_:outcome:at:)``, ``next(_:)``, ``retest(_:kind:result:)``, ``progress(_:weeks:)``
/// ### Corrections and transfer
/// - ``history(_:limit:)``, ``deleteEntry(_:id:)``, ``exportPerson(_:)``, ``exportDatabase()``,
///   ``importDocument(_:asNewPerson:)``
/// ### Accounts and access
/// - ``authorize(_:_:)``, ``principal(_:concerning:)``
/// - ``signUp(email:password:name:timeZone:address:)``, ``signIn(email:password:address:replacing:)``,
///   ``signOut(cookie:)``, ``session(cookie:)``, ``me(_:)``
/// - ``createAPIToken(_:name:)``, ``apiTokens(_:)``, ``revokeAPIToken(_:id:)``, ``apiToken(_:)``
/// - ``changePassword(_:current:new:keepingSession:)``, ``deleteAccount(_:)``,
///   ``renewCalendarFeed(_:)``, ``removeCalendarFeed(_:)``, ``calendarFeed(secret:sessionTime:)``
/// - On the server machine: ``createAccount(email:role:password:name:timeZone:)``,
///   ``resetPassword(email:newPassword:)``
/// ### Coaching
/// - ``createInvitation(_:email:)``, ``invitations(_:)``, ``revokeInvitation(_:id:)``,
///   ``acceptInvitation(_:code:)``, ``clients(_:)``, ``removeClient(_:client:)``, ``leaveCoach(_:coach:)``
/// - ``client(_:client:)``, ``addClientNote(_:client:text:)``, ``clientNotes(_:client:)``,
///   ``editClientPlan(_:client:plan:reason:)``, ``dashboard(_:)``
/// ### Profile and retries
/// - ``updateProfile(_:_:)``, ``logSet(_:_:idempotency:aheadTolerance:)``,
///   ``logWakeUpCall(_:outcome:at:idempotency:aheadTolerance:)``
public struct GluteApp: Sendable {
    /// Where everything is kept.
    public let store: any Store
    /// The catalogue, education and rules the engine reads.
    public let knowledge: KnowledgeBase
    /// The one source of the time.
    public let clock: WallClock
    /// The time zone of a person who has none recorded: the machine's for the command line, never
    /// for the server (which gives every account a zone).
    public let defaultTimeZone: String?
    /// How accounts, sessions and sign-in limits behave.
    public let accounts: AccountSettings
    /// Trackers of the plan versions seen, shared by copies of this value.
    let trackers = TrackerCache()

    /// Creates the application over `store`.
    ///
    /// - Parameter accounts: how accounts behave; the defaults hash passwords at full cost.
    public init(
        store: any Store, knowledge: KnowledgeBase, clock: WallClock, defaultTimeZone: String?,
        accounts: AccountSettings = AccountSettings()
    ) {
        self.store = store
        self.knowledge = knowledge
        self.clock = clock
        self.defaultTimeZone = defaultTimeZone
        self.accounts = accounts
    }

    /// The time-zone rules for `person`.
    func zone(_ person: Person) -> TimeZoneRules { person.zone(fallback: defaultTimeZone) }

    /// Runs `body` on the person's record in a read transaction, failing when there is none.
    ///
    /// - Parameter bounded: the read is bounded by design (see ``GluteStore/Store/readBounded(_:)``).
    func reading<Value: Sendable>(
        _ person: Person.ID, bounded: Bool = false,
        _ body: @escaping @Sendable (any StoreReader, Person) throws -> Value
    ) async throws -> Value {
        let read: @Sendable (any StoreReader) throws -> Value = { tx in
            guard let record = try tx.person(person) else { throw AppError.noSuchPerson() }
            return try body(tx, record)
        }
        return try await run { bounded ? try await store.readBounded(read) : try await store.read(read) }
    }

    /// Runs `body` on the person's record in a write transaction, failing when there is none.
    func writing<Value: Sendable>(
        _ person: Person.ID, _ body: @escaping @Sendable (any StoreWriter, Person) throws -> Value
    ) async throws -> Value {
        try await run {
            try await store.write { tx in
                guard let record = try tx.person(person) else { throw AppError.noSuchPerson() }
                return try body(tx, record)
            }
        }
    }

    /// Runs `body` like ``writing(_:_:)``, then brings the person's kept dashboard state up to
    /// date in the same transaction (see ``ClientStateKeeper``).
    func writing<Value: Sendable>(
        _ person: Person.ID, keeping event: ClientStateKeeper.Event, at now: Timestamp,
        _ body: @escaping @Sendable (any StoreWriter, Person) throws -> Value
    ) async throws -> Value {
        let keeper = ClientStateKeeper(person: person, fallbackZone: defaultTimeZone)
        return try await writing(person) { tx, record in
            let value = try body(tx, record)
            try keeper.refresh(tx, at: now, after: event)
            return value
        }
    }

    /// Turns store errors into application errors.
    func run<Value>(_ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch let error as StoreError {
            throw AppError(store: error)
        }
    }
}

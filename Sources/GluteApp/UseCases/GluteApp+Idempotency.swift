public import GluteCore
public import GluteJSON
public import GluteStore

/// A request's `Idempotency-Key`: a retry with the same key gets the first answer again instead
/// of being carried out twice.
public struct IdempotencyKey: Sendable, Hashable {
    /// The account that sent the request (keys are per account).
    public var account: Account.ID
    /// The key, 1 to 255 characters, chosen by the client.
    public var key: String
    /// A digest of the request body as sent, when the front end has one: a retry whose body
    /// differs is refused instead of answered with another request's outcome.
    public var fingerprint: String?
    /// The HTTP status a first success is answered with (kept with the answer).
    public var status: Int

    /// Creates a key.
    public init(account: Account.ID, key: String, fingerprint: String? = nil, status: Int = 201) {
        self.account = account
        self.key = key
        self.fingerprint = fingerprint
        self.status = status
    }
}

/// The answer to a request with an idempotency key: the first one, or the one kept for it.
public struct IdempotentAnswer: Sendable, Equatable {
    /// The HTTP status.
    public var status: Int
    /// The body.
    public var body: JSONValue
    /// Whether this is a replay of an earlier answer (nothing was written this time).
    public var replayed: Bool
}

extension GluteApp {
    /// Logs a set once per idempotency key (see ``logSet(_:_:aheadTolerance:)``): in the same
    /// write transaction the key is looked up, and a key seen before gets its kept answer back
    /// without anything written again.
    ///
    /// - Throws: ``AppError/Code/conflict`` for a key used for another operation or another
    ///   body; the errors of ``logSet(_:_:aheadTolerance:)`` (nothing is kept for them, so a retry
    ///   is checked again).
    public func logSet(
        _ person: Person.ID, _ entry: SetEntry, idempotency: IdempotencyKey, aheadTolerance: Int64 = 0,
        stampedOnWrite: Bool = false
    ) async throws -> IdempotentAnswer {
        _ = try check(entry, aheadTolerance: aheadTolerance)
        let asked = clock.now()
        return try await idempotently(person, idempotency, operation: "logSet", at: asked) { tx, record in
            let (entry, now) = self.stamped(entry, asked: asked, onWrite: stampedOnWrite)
            return (try self.recordSet(entry, for: record, tx: tx, at: now).jsonValue, .loggedSet(entry))
        }
    }

    /// Logs a wake-up call once per idempotency key (see ``logWakeUpCall(_:outcome:at:aheadTolerance:)``).
    public func logWakeUpCall(
        _ person: Person.ID, outcome: WakeUpOutcome, at time: Timestamp? = nil, idempotency: IdempotencyKey,
        aheadTolerance: Int64 = 0
    ) async throws -> IdempotentAnswer {
        let now = clock.now()
        let at = time ?? now
        guard at <= now.adding(seconds: aheadTolerance) else { throw AppError.invalid("at", "is in the future") }
        return try await idempotently(person, idempotency, operation: "logWakeUpCall", at: now) { tx, record in
            (try self.recordWakeUpCall(outcome, at: at, for: record, tx: tx).jsonValue, .logged(at))
        }
    }

    /// Runs `body` in one write transaction unless `idempotency` was answered before, and keeps
    /// its answer under the key in the same transaction; the event `body` names is counted into
    /// the person's kept state (see ``ClientStateKeeper``).
    func idempotently(
        _ person: Person.ID, _ idempotency: IdempotencyKey, operation: String, at now: Timestamp,
        _ body: @escaping @Sendable (any StoreWriter, Person) throws -> (JSONValue, ClientStateKeeper.Event)
    ) async throws -> IdempotentAnswer {
        guard (1...255).contains(idempotency.key.unicodeScalars.count),
            idempotency.key.unicodeScalars.allSatisfy({ (0x21...0x7e).contains($0.value) })
        else {
            throw AppError.invalid("Idempotency-Key", "must be 1 to 255 visible ASCII characters")
        }
        let retention = accounts.idempotencyRetention
        let keeper = ClientStateKeeper(person: person, fallbackZone: defaultTimeZone)
        return try await writing(person) { tx, record in
            guard let account = try tx.account(idempotency.account), account.personID == person else {
                throw AppError(code: .forbidden, message: "an idempotency key belongs to the account of the person")
            }
            if let kept = try tx.idempotencyRecord(account: account.id, key: idempotency.key) {
                guard kept.operation == operation,
                    idempotency.fingerprint == nil || kept.fingerprint == nil
                        || kept.fingerprint == idempotency.fingerprint
                else {
                    throw AppError(
                        code: .conflict, message: "this Idempotency-Key was used for another request",
                        field: "Idempotency-Key")
                }
                return IdempotentAnswer(status: kept.status, body: kept.body, replayed: true)
            }
            let (answer, event) = try body(tx, record)
            try keeper.refresh(tx, at: now, after: event)
            try tx.deleteIdempotencyRecords(for: account.id, before: now.adding(milliseconds: -retention.milliseconds))
            try tx.insertIdempotencyRecord(
                IdempotencyRecord(
                    accountID: account.id, key: idempotency.key, operation: operation,
                    fingerprint: idempotency.fingerprint, status: idempotency.status, body: answer, createdAt: now))
            return IdempotentAnswer(status: idempotency.status, body: answer, replayed: false)
        }
    }
}

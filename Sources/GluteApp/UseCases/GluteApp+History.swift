public import GluteCore
public import GluteJSON
public import GluteStore

/// One entry of a person's history: a logged set, a wake-up call log or a retest.
public struct HistoryEntry: Sendable {
    /// What kind of entry.
    public var kind: Deletion.Kind
    /// Its identifier (what `glute delete` takes).
    public var id: String
    /// When it happened.
    public var at: Timestamp
    /// The entry in its export form.
    public var entry: JSONValue

    /// `{ "kind", "id", "at", "entry" }`.
    public var jsonValue: JSONValue {
        .object(["kind": .string(kind.rawValue), "id": .string(id), "at": .string(at.description), "entry": entry])
    }
}

/// What a deletion did.
public struct DeletionDone: Sendable {
    /// The record of the deletion (a coach sees it).
    public var deletion: Deletion
    /// The plan version that lifted what the deleted entry alone had caused (a pain swap or a
    /// stop), if any.
    public var lifted: PlanVersion?
    /// A stop or swap the entry caused that stays because something else caused it too.
    public var kept: PlanVersion?

    /// `{ "deleted": { "kind", "id", "at" }, "lifted", "kept" }`.
    public var jsonValue: JSONValue {
        .object([
            "deleted": .object([
                "kind": .string(deletion.kind.rawValue), "id": .string(deletion.entryID),
                "at": .string(deletion.deletedAt.description),
            ]),
            "lifted": .optional(lifted) { $0.summaryJSON },
            "kept": .optional(kept) { $0.summaryJSON },
        ])
    }
}

extension GluteApp {
    /// The person's latest entries, newest first, at most `limit`.
    public func history(_ person: Person.ID, limit: Int) async throws -> [HistoryEntry] {
        guard (1...10_000).contains(limit) else { throw AppError.invalid("limit", "must be between 1 and 10000") }
        let now = clock.now()
        return try await reading(person) { tx, _ in
            var entries: [HistoryEntry] = []
            // Most people log every week: a month back is usually enough; look further only if not.
            for days: Int64 in [31, 366, 36_600] {
                let range = now.adding(seconds: -days * 86_400)..<Timestamp.distantFuture
                entries =
                    try tx.loggedSets(for: person, in: range).map {
                        HistoryEntry(kind: .set, id: $0.id.rawValue, at: $0.performedAt, entry: ExportDocument.json($0))
                    }
                    + tx.wakeUpCalls(for: person, in: range).map {
                        HistoryEntry(kind: .wakeUpCall, id: $0.id.rawValue, at: $0.at, entry: ExportDocument.json($0))
                    }
                    + tx.retests(for: person, kind: nil).filter { range.contains($0.takenAt) }.map {
                        HistoryEntry(kind: .retest, id: $0.id.rawValue, at: $0.takenAt, entry: ExportDocument.json($0))
                    }
                if entries.count >= limit { break }
            }
            return Array(entries.sorted { ($0.at, $0.id) > ($1.at, $1.id) }.prefix(limit))
        }
    }

    /// The deletions of the person's entries, oldest first.
    public func deletions(_ person: Person.ID) async throws -> [Deletion] {
        try await reading(person) { tx, _ in try tx.deletions(for: person) }
    }

    /// Deletes a mistaken entry of the person's (a set, a wake-up call log or a retest).
    ///
    /// The deletion is recorded. Progression is worked out again from the deleted entry on. When
    /// the entry alone caused the plan version in force (a pain swap, a stop, a retest's change),
    /// the version before it comes back as a new version; a stop that something else caused too
    /// stays.
    ///
    /// - Throws: ``AppError`` (``AppError/Code/notFound``) for an id that is not one of the person's entries.
    public func deleteEntry(_ person: Person.ID, id: String) async throws -> DeletionDone {
        let now = clock.now()
        let knowledge = self.knowledge
        let fallback = defaultTimeZone
        return try await writing(person, keeping: .deleted, at: now) { tx, record in
            let found: (Deletion.Kind, Timestamp, JSONValue)
            if let set = try tx.loggedSet(.init(rawValue: id), for: person) {
                found = (.set, set.performedAt, ExportDocument.json(set))
            } else if let call = try tx.wakeUpCall(.init(rawValue: id), for: person) {
                found = (.wakeUpCall, call.at, ExportDocument.json(call))
            } else if let retest = try tx.retest(.init(rawValue: id), for: person) {
                found = (.retest, retest.takenAt, ExportDocument.json(retest))
            } else {
                throw AppError(code: .notFound, message: "there is no entry '\(id)' of yours", field: "id")
            }
            let deletion = try tx.deleteEntry(found.0, id: id, for: person, entry: found.2, at: now)
            let zone = record.zone(fallback: fallback)
            if found.0 != .wakeUpCall {
                try Tracking(knowledge: knowledge, zone: zone, person: person).rebuild(tx, from: found.1, at: now)
            }
            guard let current = try tx.currentPlan(for: person), current.causes.contains(id) else {
                return DeletionDone(deletion: deletion, lifted: nil, kept: nil)
            }
            let others = try current.causes.filter { cause in
                try cause != id
                    && (tx.loggedSet(.init(rawValue: cause), for: person) != nil
                        || tx.retest(.init(rawValue: cause), for: person) != nil)
            }
            let history = try tx.planHistory(for: person)
            guard others.isEmpty, let previous = history.last(where: { $0.version < current.version }) else {
                return DeletionDone(deletion: deletion, lifted: nil, kept: current)
            }
            let reason =
                "version \(previous.version) again: the entry behind version \(current.version) was deleted on \(zone.localDate(now))"
            let versions = PlanVersions(knowledge: knowledge, person: person)
            let lifted: PlanVersion
            if let plan = previous.plan {
                lifted = try versions.start(
                    plan, reason: reason, assessment: previous.assessmentID, causes: [], tx: tx, at: now)
            } else {
                lifted = try versions.stop(
                    reason: previous.reason, assessment: previous.assessmentID, causes: previous.causes, tx: tx, at: now
                )
            }
            return DeletionDone(deletion: deletion, lifted: lifted, kept: nil)
        }
    }
}

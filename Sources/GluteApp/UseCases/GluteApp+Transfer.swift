internal import Foundation
public import GluteCore
internal import GluteJSON
public import GluteStore

/// What to do when an import meets a database that already holds people.
public enum ImportPolicy: Sendable {
    /// Refuse (the default): a person's data never mixes with another's by accident.
    case refuseIntoNonEmpty
    /// Import into whatever is there; identifiers must be new.
    case merge
    /// Give every imported record a new identifier, as a new person created now.
    case asNewPerson
}

extension GluteApp {
    /// Everything about one person, as an export document.
    public func exportPerson(_ person: Person.ID) async throws -> ExportDocument {
        try await reading(person) { tx, record in
            let all = Timestamp.distantPast..<Timestamp.distantFuture
            return ExportDocument(
                people: [record], assessments: try tx.assessments(for: person), plans: try tx.planHistory(for: person),
                loggedSets: try tx.loggedSets(for: person, in: all),
                wakeUpCalls: try tx.wakeUpCalls(for: person, in: all),
                retests: try tx.retests(for: person, kind: nil), deletions: try tx.deletions(for: person))
        }
    }

    /// Everything in the database: the explicit whole-database export.
    public func exportDatabase() async throws -> ExportDocument {
        try await run { try await store.exportDatabase() }
    }

    /// Imports an export document (version 1 or 2), all or nothing, and works out the progression
    /// of every imported person from their logs.
    ///
    /// - Throws: ``AppError`` naming the field path of the first problem in the document;
    ///   ``AppError/Code/conflict`` when the database already holds people (``ImportPolicy``) or
    ///   the document was imported before.
    public func importDocument(_ text: String, policy: ImportPolicy = .refuseIntoNonEmpty) async throws -> ImportSummary
    {
        var document: ExportDocument
        do { document = try ExportDocument.parse(text) } catch { throw AppError.invalid(error) }
        let now = clock.now()
        if case .asNewPerson = policy { document = document.renumbered(with: .ordered, createdAt: now) }
        let knowledge = self.knowledge
        let fallback = defaultTimeZone
        let imported = document
        return try await run {
            try await store.write { tx in
                if case .refuseIntoNonEmpty = policy, try tx.earliestPerson() != nil {
                    throw AppError(
                        code: .conflict,
                        message:
                            "this database already holds a person: import into an empty database, or import as a new person"
                    )
                }
                if try imported.people.contains(where: { try tx.person($0.id) != nil }) {
                    throw AppError(
                        code: .conflict,
                        message:
                            "already imported: this database holds the people of this file (import as a new person to add a copy)"
                    )
                }
                let summary = try tx.importRecords(imported)
                for person in imported.people {
                    try Tracking(knowledge: knowledge, zone: person.zone(fallback: fallback), person: person.id)
                        .rebuild(tx, from: .distantPast, at: now)
                    let logs =
                        imported.loggedSets.filter { $0.personID == person.id }.map(\.performedAt)
                        + imported.wakeUpCalls.filter { $0.personID == person.id }.map(\.at)
                        + imported.retests.filter { $0.personID == person.id }.map(\.takenAt)
                    try ClientStateKeeper(person: person.id, fallbackZone: fallback).refresh(
                        tx, at: now, after: logs.max().map { .logged($0) } ?? .none)
                }
                return summary
            }
        }
    }

    /// The plan as an iCalendar file in the person's zone; after a stop, a calendar that only
    /// says to see a clinician.
    public func calendar(_ person: Person.ID, sessionTime: ClockTime, calendarID: String? = nil) async throws -> String
    {
        let now = clock.now()
        let fallback = defaultTimeZone
        return try await reading(person) { tx, record in
            guard let version = try tx.currentPlan(for: person) else { throw AppError.noPlan() }
            let zone = record.zone(fallback: fallback)
            let date = Date(timeIntervalSince1970: Double(now.millisecondsSince1970) / 1000)
            let id = calendarID ?? person.rawValue
            guard let plan = version.plan else {
                return StopCalendar(calendarID: id, reason: version.reason, date: zone.localDate(now)).render(now: date)
            }
            let timeZone = TimeZone(identifier: zone.identifier) ?? TimeZone(secondsFromGMT: 0) ?? .current
            return PlanCalendar(plan: plan, calendarID: id, timeZone: timeZone, sessionTime: sessionTime).render(
                now: date)
        }
    }

    /// Every logged set as CSV (RFC 4180), dated and timed on the person's clock.
    public func setsCSV(_ person: Person.ID) async throws -> String {
        let fallback = defaultTimeZone
        return try await reading(person) { tx, record in
            let zone = record.zone(fallback: fallback)
            return LogCSV.render(try tx.loggedSets(for: person, in: .distantPast..<Timestamp.distantFuture), zone: zone)
        }
    }
}

/// The logged sets as CSV (RFC 4180): one row per logged entry, local date and time.
enum LogCSV {
    static let header = [
        "date", "time", "exercise", "side", "session", "sets", "reps", "seconds", "load", "unit", "felt", "balance",
        "rpe", "pain", "numbness", "note",
    ]

    static func render(_ sets: [LoggedSet], zone: TimeZoneRules) -> String {
        var rows = [header]
        for set in sets {
            let local = zone.localDateTime(set.performedAt)
            rows.append([
                local.date.description, local.time.description, set.exerciseID, Side.name(of: set.side),
                set.session?.rawValue ?? "", String(set.setCount), set.reps.map(String.init).joined(separator: " "),
                set.durationSeconds.map(String.init) ?? "", set.load.map { JSONValue.format($0.value) } ?? "",
                set.load?.unit.rawValue ?? "", set.felt.rawValue, set.balance.rawValue, set.rpe.map(String.init) ?? "",
                String(set.pain), set.numbness ? "yes" : "", set.note ?? "",
            ])
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes a field when it holds a comma, a quote or a line break; doubles inner quotes.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

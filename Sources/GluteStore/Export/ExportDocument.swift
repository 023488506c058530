public import GluteCore
internal import GluteJSON

/// Everything a database holds about its people, as one document that imports back without loss.
///
/// Version 2 embeds assessment input and output, plans and retest results as JSON values (version
/// 1 held them as strings of JSON text, so a reader had to parse twice); version 1 files still
/// import. The same contents always give the same bytes: records are sorted, members come in a
/// fixed order, and the progression states (which the logs determine) are left out and rebuilt.
///
/// ```swift
/// let text = try await store.exportDatabase().serialized()
/// let document = try ExportDocument.parse(text)   // validated: every field, every reference
/// ```
public struct ExportDocument: Sendable, Equatable {
    /// The value of the document's `format` member.
    public static let format = "glutecoach-export"
    /// The version this build writes.
    public static let version = 2
    /// The versions this build reads.
    public static let readableVersions = 1...2

    /// The people, earliest created first.
    public private(set) var people: [Person]
    /// The assessments, oldest first.
    public private(set) var assessments: [AssessmentRecord]
    /// The plan versions, per person in version order.
    public private(set) var plans: [PlanVersion]
    /// The logged sets, oldest first.
    public private(set) var loggedSets: [LoggedSet]
    /// The wake-up call logs, oldest first.
    public private(set) var wakeUpCalls: [WakeUpCall]
    /// The retests, oldest first.
    public private(set) var retests: [Retest]
    /// The deletions, oldest first.
    public private(set) var deletions: [Deletion]

    /// Creates a document; records are put in the document's order.
    public init(
        people: [Person], assessments: [AssessmentRecord], plans: [PlanVersion], loggedSets: [LoggedSet],
        wakeUpCalls: [WakeUpCall], retests: [Retest], deletions: [Deletion] = []
    ) {
        self.people = people.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        self.assessments = assessments.sorted { ($0.takenAt, $0.id) < ($1.takenAt, $1.id) }
        self.plans = plans.sorted { ($0.personID, $0.version) < ($1.personID, $1.version) }
        self.loggedSets = loggedSets.sorted { ($0.performedAt, $0.id) < ($1.performedAt, $1.id) }
        self.wakeUpCalls = wakeUpCalls.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
        self.retests = retests.sorted { ($0.takenAt, $0.id) < ($1.takenAt, $1.id) }
        self.deletions = deletions.sorted { ($0.deletedAt, $0.id) < ($1.deletedAt, $1.id) }
    }

    /// How many records of each kind the document holds.
    public var summary: ImportSummary {
        ImportSummary(
            people: people.count, assessments: assessments.count, plans: plans.count,
            loggedSets: loggedSets.count, wakeUpCalls: wakeUpCalls.count, retests: retests.count,
            deletions: deletions.count)
    }

    /// Every identifier in the document, by kind of record (for checking what a database already has).
    public var identifiers: [String: [String]] {
        [
            "person": people.map(\.id.rawValue), "assessment": assessments.map(\.id.rawValue),
            "plan": plans.map(\.id.rawValue), "logged_set": loggedSets.map(\.id.rawValue),
            "wake_up_call": wakeUpCalls.map(\.id.rawValue), "retest": retests.map(\.id.rawValue),
            "deletion": deletions.map(\.id.rawValue),
        ]
    }

    /// The same document with every record given a new identifier from `ids` (references
    /// follow) and its people created at `createdAt`, for importing a file again as a new person.
    public func renumbered(with ids: IdentifierSource, createdAt: Timestamp) -> ExportDocument {
        var map: [String: String] = [:]
        func new(_ old: String) -> String {
            if let known = map[old] { return known }
            let made = ids.make()
            map[old] = made
            return made
        }
        return ExportDocument(
            people: people.map {
                Person(
                    id: .init(rawValue: new($0.id.rawValue)), name: $0.name, timeZone: $0.timeZone, createdAt: createdAt
                )
            },
            assessments: assessments.map {
                AssessmentRecord(
                    id: .init(rawValue: new($0.id.rawValue)), personID: .init(rawValue: new($0.personID.rawValue)),
                    takenAt: $0.takenAt, inputText: $0.inputText, output: $0.output)
            },
            plans: plans.map {
                PlanVersion(
                    id: .init(rawValue: new($0.id.rawValue)), personID: .init(rawValue: new($0.personID.rawValue)),
                    version: $0.version, status: $0.status, reason: $0.reason, createdAt: $0.createdAt,
                    assessmentID: $0.assessmentID.map { .init(rawValue: new($0.rawValue)) },
                    causes: $0.causes.map(new))
            },
            loggedSets: loggedSets.map {
                LoggedSet(
                    id: .init(rawValue: new($0.id.rawValue)), personID: .init(rawValue: new($0.personID.rawValue)),
                    entry: $0.entry)
            },
            wakeUpCalls: wakeUpCalls.map {
                WakeUpCall(
                    id: .init(rawValue: new($0.id.rawValue)), personID: .init(rawValue: new($0.personID.rawValue)),
                    at: $0.at, outcome: $0.outcome, answers: $0.answers)
            },
            retests: retests.map {
                Retest(
                    id: .init(rawValue: new($0.id.rawValue)), personID: .init(rawValue: new($0.personID.rawValue)),
                    kind: $0.kind, result: $0.result, takenAt: $0.takenAt)
            },
            deletions: deletions.map {
                Deletion(
                    id: .init(rawValue: new($0.id.rawValue)), personID: .init(rawValue: new($0.personID.rawValue)),
                    kind: $0.kind, entryID: new($0.entryID), entry: $0.entry, deletedAt: $0.deletedAt)
            })
    }
}

/// How many records of each kind an import added.
public struct ImportSummary: Sendable, Hashable {
    /// People.
    public var people: Int
    /// Assessments.
    public var assessments: Int
    /// Plan versions.
    public var plans: Int
    /// Logged sets.
    public var loggedSets: Int
    /// Wake-up call logs.
    public var wakeUpCalls: Int
    /// Retests.
    public var retests: Int
    /// Deletion records.
    public var deletions: Int

    /// Creates a summary.
    public init(
        people: Int, assessments: Int, plans: Int, loggedSets: Int, wakeUpCalls: Int, retests: Int,
        deletions: Int = 0
    ) {
        self.people = people
        self.assessments = assessments
        self.plans = plans
        self.loggedSets = loggedSets
        self.wakeUpCalls = wakeUpCalls
        self.retests = retests
        self.deletions = deletions
    }
}

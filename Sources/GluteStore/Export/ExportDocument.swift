internal import GluteCore
internal import GluteJSON

/// Everything a store holds, as one value: what ``Store/exportDocument()`` writes and
/// ``Store/importDocument(_:)`` reads.
///
/// The JSON form is versioned: `{"format": "glutecoach-export", "version": 1, "people": […], …}`.
/// Records are kept in a canonical order (see ``init(people:assessments:plans:loggedSets:wakeUpCalls:retests:)``),
/// so the same contents always serialize to the same bytes, whichever back end produced them.
/// JSON documents inside records (assessment input, plans, retest results) are carried as
/// strings so their text survives exactly.
///
/// ```swift
/// let document = try ExportDocument.parse(text)    // validates everything
/// document.serialized() == text                    // for any text this type wrote
/// ```
public struct ExportDocument: Sendable, Hashable {
    /// The value of the `format` member.
    public static let format = "glutecoach-export"
    /// The format version this build writes and reads.
    public static let version = 1

    /// People, earliest created first.
    public private(set) var people: [Person]
    /// Assessments, oldest first.
    public private(set) var assessments: [AssessmentRecord]
    /// Plan versions by person identifier, then version.
    public private(set) var plans: [PlanVersion]
    /// Logged sets, oldest first.
    public private(set) var loggedSets: [LoggedSet]
    /// Wake-up calls, oldest first.
    public private(set) var wakeUpCalls: [WakeUpCall]
    /// Retests, oldest first.
    public private(set) var retests: [Retest]

    /// Creates a document, sorting each list into the canonical order: by time then identifier,
    /// and plans by person identifier then version.
    public init(
        people: [Person], assessments: [AssessmentRecord], plans: [PlanVersion], loggedSets: [LoggedSet],
        wakeUpCalls: [WakeUpCall], retests: [Retest]
    ) {
        self.people = people.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        self.assessments = assessments.sorted { ($0.takenAt, $0.id) < ($1.takenAt, $1.id) }
        self.plans = plans.sorted { ($0.personID, $0.version) < ($1.personID, $1.version) }
        self.loggedSets = loggedSets.sorted { ($0.performedAt, $0.id) < ($1.performedAt, $1.id) }
        self.wakeUpCalls = wakeUpCalls.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
        self.retests = retests.sorted { ($0.takenAt, $0.id) < ($1.takenAt, $1.id) }
    }

    /// How many records of each kind the document holds.
    public var summary: ImportSummary {
        ImportSummary(
            people: people.count, assessments: assessments.count, plans: plans.count,
            loggedSets: loggedSets.count, wakeUpCalls: wakeUpCalls.count, retests: retests.count)
    }
}

/// How many records of each kind an import added.
public struct ImportSummary: Sendable, Hashable {
    /// People added.
    public var people: Int
    /// Assessments added.
    public var assessments: Int
    /// Plan versions added.
    public var plans: Int
    /// Logged sets added.
    public var loggedSets: Int
    /// Wake-up calls added.
    public var wakeUpCalls: Int
    /// Retests added.
    public var retests: Int

    /// Creates a summary.
    public init(people: Int, assessments: Int, plans: Int, loggedSets: Int, wakeUpCalls: Int, retests: Int) {
        self.people = people
        self.assessments = assessments
        self.plans = plans
        self.loggedSets = loggedSets
        self.wakeUpCalls = wakeUpCalls
        self.retests = retests
    }
}

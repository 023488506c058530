public import GluteCore
public import GluteJSON
internal import GluteStore

/// Why a client needs their coach's attention.
public struct AttentionReason: Sendable, Hashable {
    /// The kinds of reason, most urgent first: the dashboard's order.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
        /// The plan is stopped: a red flag, pain of 7 or more, or numbness.
        case stopped
        /// Pain of 4 or more logged this week.
        case pain
        /// Activation sessions the plan asked for this week that were not done.
        case missedActivation
        /// Progressions that held or went back.
        case stalledOrRegressed
        /// Retests or a reassessment the plan asks for.
        case retestDue
        /// Nothing logged for 7 days or more.
        case noRecentLog
        /// Entries deleted since the coach last opened the client.
        case deletedEntries

        /// The position in the dashboard's order, 0 for the most urgent.
        public var rank: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }

        /// Orders by urgency.
        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rank < rhs.rank }
    }

    /// The kind.
    public var kind: Kind
    /// The reason in words, for example "pain of 6/10 logged this week".
    public var message: String

    /// Creates a reason.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// `{ "kind", "message" }`.
    public var jsonValue: JSONValue { .object(["kind": .string(kind.rawValue), "message": .string(message)]) }
}

/// One client on the dashboard, with the reasons they need attention (none when all is well).
public struct DashboardEntry: Sendable, Hashable {
    /// The client.
    public var client: ClientSummary
    /// The reasons, most urgent first.
    public var reasons: [AttentionReason]
    /// The client's latest logged entry.
    public var lastLogAt: Timestamp?

    /// `{ "client", "reasons", "lastLogAt" }`.
    public var jsonValue: JSONValue {
        .object([
            "client": client.jsonValue, "reasons": .array(reasons.map(\.jsonValue)),
            "lastLogAt": .optional(lastLogAt) { .string($0.description) },
        ])
    }
}

/// A coach's clients sorted by what needs attention: a stop first, then pain this week, missed
/// activation sessions, stalled or regressed progressions, retests due, no log for 7 days and
/// deleted entries; clients with more reasons before those with fewer at the same urgency;
/// clients with none last.
public struct Dashboard: Sendable, Hashable {
    /// The clients in order.
    public var entries: [DashboardEntry]
    /// When it was worked out (time-based reasons are as of then).
    public var at: Timestamp

    /// `{ "at", "clients": [...] }`.
    public var jsonValue: JSONValue {
        .object(["at": .string(at.description), "clients": .array(entries.map(\.jsonValue))])
    }
}

/// A personal weekly plan: wake-up calls, activation and strength sessions, gates, the
/// reassessment date and, for people who sit a lot, an ergonomics checklist.
///
/// Made by ``PlanGenerator``; the same assessment and start date always give the same plan.
public struct Plan: Sendable, Equatable {
    /// The first day the plan applies to.
    public var startsOn: CivilDate
    /// Short breaks from sitting during working hours.
    public var wakeUpCalls: WakeUpCalls
    /// The days that have sessions, Monday first.
    public var week: [PlanDay]
    /// What stays locked, and until when.
    public var gates: [PlanGate]
    /// When to repeat the assessment.
    public var reassessOn: CivilDate
    /// Ergonomics for people who sit; empty otherwise.
    public var ergonomics: [ChecklistItem]
    /// Short notes about choices the generator made (for example no strength days given).
    public var notes: [String]

    /// Every session of the week with its day.
    public var sessions: [(day: Weekday, session: Session)] {
        week.flatMap { day in day.sessions.map { (day.day, $0) } }
    }
}

/// One thing to do at a wake-up call.
public struct WakeUpOption: Sendable, Equatable {
    /// The exercise id, from the catalogue.
    public var exercise: String
    /// Repetitions, when the option is a number of reps.
    public var reps: Int?
    /// Seconds, when the option is a hold.
    public var seconds: Int?
    /// Extra seconds for the weaker side's glute alone, when one side lags.
    public var weakerSideExtraSeconds: Int?
    /// The side that lags, when one does.
    public var weakerSide: Side?
    /// The option in words.
    public var text: String
}

/// The sessions of one day.
public struct PlanDay: Sendable, Equatable {
    /// The weekday.
    public var day: Weekday
    /// The sessions of that day, activation first.
    public var sessions: [Session]
}

/// One session: a short activation, a strength session or mobility work.
public struct Session: Sendable, Equatable {
    /// The kinds of session.
    public enum Kind: String, Sendable, CaseIterable {
        case activation, strength, mobility
    }

    /// Activation, strength or mobility.
    public var kind: Kind
    /// Estimated minutes, rounded up.
    public var minutes: Int
    /// What the session concentrates on, in words.
    public var focus: String
    /// The exercises in order.
    public var items: [PlanItem]
}

/// Which side goes first, or whether both sides work together.
public enum SideOrder: String, Sendable, CaseIterable {
    case both, left, right
    case leftFirst = "left-first"
    case rightFirst = "right-first"

    /// The order for a unilateral exercise when `weaker` lags (or `.both` when no side does).
    public static func weakerFirst(_ weaker: Side?) -> SideOrder {
        switch weaker {
        case .left?: .leftFirst
        case .right?: .rightFirst
        case nil: .both
        }
    }
}

/// One exercise in a session, with its dose and the reasons it is there.
public struct PlanItem: Sendable, Equatable {
    /// The exercise id, from the catalogue.
    public var exercise: String
    /// Which side works, or which goes first.
    public var side: SideOrder
    /// Number of sets (per side for unilateral work).
    public var sets: Int
    /// Target reps per set (per side for unilateral work); `nil` for holds.
    public var reps: Int?
    /// The double-progression range the reps move in.
    public var repRange: ClosedRange<Int>?
    /// Hold time per set; `nil` for repetitions.
    public var seconds: Int?
    /// Starting load, when external load is allowed and at hand.
    public var load: Load?
    /// The implement that carries the load.
    public var implement: Equipment?
    /// Rest between sets and sides.
    public var restSeconds: Int
    /// Finding codes and principles that put the item here.
    public var why: [String]
    /// A cue or a caution for this person.
    public var note: String?
}

/// Something that stays locked until a condition is met.
public struct PlanGate: Sendable, Equatable {
    /// Stable code, for example `no-loaded-hinge`.
    public var code: String
    /// The condition that opens it.
    public var until: String
    /// What it holds back, in words.
    public var blocks: String
    /// Finding codes and principles behind it.
    public var why: [String]
}

/// One item of a checklist.
public struct ChecklistItem: Sendable, Equatable {
    /// Stable id.
    public var id: String
    /// The item in words.
    public var text: String
}

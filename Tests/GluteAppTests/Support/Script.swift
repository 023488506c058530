import GluteApp
import GluteCore
import GluteJSON
import GluteStore

/// One thing a person does at an instant, to be replayed on several databases in any order.
enum Step: Sendable, CustomStringConvertible {
    /// A logged set; its `performedAt` is when it was done.
    case set(SetEntry)
    /// A retest, taken at the instant.
    case retest(RetestKind, JSONValue, at: Timestamp)
    /// A wake-up call answered at the instant.
    case wakeUp(WakeUpOutcome, at: Timestamp)

    /// When it happened.
    var at: Timestamp {
        switch self {
        case .set(let entry): entry.performedAt
        case .retest(_, _, let at), .wakeUp(_, let at): at
        }
    }

    var description: String {
        switch self {
        case .set(let entry): "\(entry.exerciseID)/\(Side.name(of: entry.side)) \(entry.reps) at \(entry.performedAt)"
        case .retest(let kind, _, let at): "retest \(kind.rawValue) at \(at)"
        case .wakeUp(let outcome, let at): "wake-up \(outcome.rawValue) at \(at)"
        }
    }

    /// A set of reps, done at `at`.
    static func reps(
        _ exercise: String, _ side: Side?, _ reps: [Int], load: Double? = nil, felt: FeltIn = .glutes,
        balance: Balance = .steady, pain: Int = 0, at: Timestamp
    ) -> Step {
        .set(
            SetEntry(
                exerciseID: exercise, side: side, setCount: reps.count, reps: reps, load: load.map { Load($0, .kg) },
                felt: felt, balance: balance, pain: pain, performedAt: at))
    }
}

/// What a step did: the id of the record it kept.
struct StepRecord: Sendable {
    var id: String
    var log: LogOutcome?
}

extension Trainee {
    /// Does `step`, with the clock at the step's instant or, for a set logged late, at `now`
    /// when that is later (a correction is entered after the fact).
    @discardableResult
    func run(_ step: Step) async throws -> StepRecord {
        if clock.now < step.at { clock.set(step.at) }
        switch step {
        case .set(let entry):
            let outcome = try await app.logSet(id, entry)
            return StepRecord(id: outcome.set.id.rawValue, log: outcome)
        case .retest(let kind, let result, _):
            clock.set(step.at)
            return StepRecord(id: try await app.retest(id, kind: kind, result: result).retest.id.rawValue)
        case .wakeUp(let outcome, let at):
            return StepRecord(id: try await app.logWakeUpCall(id, outcome: outcome, at: at).log.id.rawValue)
        }
    }

    /// What `next` shows, as JSON (items, prescriptions, decisions; no identifiers).
    func nextSignature() async throws -> JSONValue { try await app.next(id).jsonValue }

    /// What `next` and `today` show, as JSON.
    func signatures() async throws -> (next: JSONValue, today: JSONValue) {
        (try await app.next(id).jsonValue, try await app.today(id).jsonValue)
    }

    /// What `next` shows after a full replay: the person exported and imported into a fresh
    /// database at the same instant, where every state is worked out again from the logs.
    func rebuiltNextSignature() async throws -> JSONValue { try await rebuiltSignatures().next }

    /// What `next` and `today` show after a full replay.
    func rebuiltSignatures() async throws -> (next: JSONValue, today: JSONValue) {
        let document = try await app.exportPerson(id).serialized()
        return try await AppFixture.with(start: clock.now, defaultTimeZone: app.defaultTimeZone) { fresh in
            _ = try await fresh.app.importDocument(document)
            return try await Trainee(app: fresh.app, clock: fresh.clock, id: id).signatures()
        }
    }
}

extension JSONValue {
    /// The entries of two `next` signatures that differ, compactly, for failure messages.
    static func nextDifferences(_ live: JSONValue, _ replayed: JSONValue) -> String {
        let left = live.arrayValue ?? [live]
        let right = replayed.arrayValue ?? [replayed]
        var lines: [String] = []
        if left.count != right.count { lines.append("\(left.count) items live, \(right.count) replayed") }
        for (one, two) in zip(left, right) where one != two {
            lines.append("live:     " + one.serialized(.compact))
            lines.append("replayed: " + two.serialized(.compact))
        }
        return lines.joined(separator: "\n")
    }
}

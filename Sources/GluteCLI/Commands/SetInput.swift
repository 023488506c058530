internal import Foundation
internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// The flags of `glute log` for one exercise, checked one by one so every error names its flag.
struct SetInput {
    let side: Side??
    let setCount: Int
    let reps: [Int]
    let holdSeconds: Int?
    let load: Load?
    let felt: FeltIn
    let balance: Balance
    let rpe: Int?
    let pain: Int
    let numbness: Bool
    let note: String?
    let summary: String

    init(parsed: ParsedArguments) throws(CLIError) {
        side = try parsed.option("side", expecting: "left, right or both") { Side.parse($0) }
        let sets = try parsed.requiredOption("sets", expecting: "sets like 2x15, 15,14,12 or 2x30s", SetInput.parseSets)
        setCount = sets.count
        reps = sets.reps
        holdSeconds = sets.seconds
        load = try parsed.option("load", expecting: "a number with kg or lb, like 8kg or 17.5lb", SetInput.parseLoad)
        felt = try parsed.requiredOption("felt", expecting: "glutes, hamstrings, lowerBack, quads or nowhere") {
            FeltIn(rawValue: $0)
        }
        balance =
            try parsed.option("balance", expecting: "steady, wobble or lost") { Balance(rawValue: $0) } ?? .steady
        rpe = try parsed.option("rpe", expecting: "a whole number from 1 to 10") {
            Int($0).flatMap { (1...10).contains($0) ? $0 : nil }
        }
        pain = try parsed.requiredOption("pain", expecting: "a whole number from 0 to 10") {
            Int($0).flatMap { (0...10).contains($0) ? $0 : nil }
        }
        numbness = parsed.flag("numbness")
        let text = parsed.option("note")
        if let text, text.count > 500 {
            throw CLIError.usage("Invalid value for '--note <text>': at most 500 characters.")
        }
        note = text
        var summary =
            sets.seconds.map { "\(sets.count) x \($0) s" }
            ?? (Set(sets.reps).count == 1
                ? "\(sets.count) x \(sets.reps[0])" : sets.reps.map(String.init).joined(separator: ", "))
        if let load { summary += " @ \(JSONValue.format(load.value)) \(load.unit.rawValue)" }
        self.summary = summary
    }

    /// The store entry, checking the side against the exercise.
    func entry(for exercise: Exercise, at time: Timestamp) throws(CLIError) -> SetEntry {
        let chosen: Side?
        if exercise.isUnilateral {
            guard let side, let side else {
                throw CLIError.usage(
                    "Missing '--side <side>': \(exercise.id) is done one side at a time, so give left or right.")
            }
            chosen = side
        } else {
            chosen = side ?? nil
        }
        if load != nil, !exercise.loadable {
            throw CLIError.usage("Invalid value for '--load <load>': \(exercise.id) takes no external load.")
        }
        let entry = SetEntry(
            exerciseID: exercise.id, side: chosen, setCount: setCount, reps: reps, load: load,
            durationSeconds: holdSeconds, felt: felt, balance: balance, rpe: rpe, pain: pain,
            numbness: numbness, performedAt: time, note: note)
        do { try entry.validate() } catch { throw CLIError.usage("Invalid value: \(error)") }
        return entry
    }

    /// `2x15` (sets x reps), `15,14,12` (reps per set), `2x30s` or `45s` (holds in seconds).
    static func parseSets(_ text: String) -> (count: Int, reps: [Int], seconds: Int?)? {
        let lower = text.lowercased()
        if lower.contains(",") {
            let reps = lower.split(separator: ",").compactMap { Int($0) }
            guard reps.count == lower.split(separator: ",").count, (1...20).contains(reps.count),
                reps.allSatisfy({ (0...1000).contains($0) })
            else { return nil }
            return (reps.count, reps, nil)
        }
        let parts = lower.split(separator: "x")
        let count: Int
        let dose: Substring
        switch parts.count {
        case 1: count = 1; dose = parts[0]
        case 2: guard let sets = Int(parts[0]) else { return nil }; count = sets; dose = parts[1]
        default: return nil
        }
        guard (1...20).contains(count) else { return nil }
        if dose.hasSuffix("s") {
            guard let seconds = Int(dose.dropLast()), (1...3600).contains(seconds) else { return nil }
            return (count, [], seconds)
        }
        guard let reps = Int(dose), (0...1000).contains(reps) else { return nil }
        return (count, Array(repeating: reps, count: count), nil)
    }

    /// `8kg`, `17.5lb`, `8 kg`.
    static func parseLoad(_ text: String) -> Load? {
        let trimmed = text.lowercased().replacingOccurrences(of: " ", with: "")
        for unit in LoadUnit.allCases where trimmed.hasSuffix(unit.rawValue) {
            guard let value = Double(trimmed.dropLast(unit.rawValue.count)), value >= 0, value <= Load.maximum
            else { return nil }
            return Load(value, unit)
        }
        return nil
    }
}

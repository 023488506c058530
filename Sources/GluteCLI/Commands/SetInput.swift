internal import Foundation
internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// The flags of `glute log` for one exercise, declared once and checked one by one so that every
/// error names its flag.
struct SetInput {
    static let side = Option<Side?>(
        "side", value: "side", help: "left or right, for exercises done one side at a time.",
        expecting: "left or right"
    ) { text in
        text == "left" ? .some(.left) : text == "right" ? .some(.right) : nil
    }
    static let sets = Option<Sets>(
        "sets", value: "sets", help: "Sets and reps: 2x15, or reps per set 15,14,12, or holds 2x30s.",
        isRequired: true, expecting: "sets like 2x15, 15,14,12 or 2x30s (at least 1 rep a set)", parse: Sets.init)
    static let load = Option<Load>(
        "load", value: "load", help: "External load with its unit: 8kg or 17.5lb.",
        expecting: "a number with kg or lb, like 8kg or 17.5lb", parse: SetInput.parseLoad)
    static let felt = Option<FeltIn>(
        "felt", value: "place", help: "Where you felt it most: glutes, hamstrings, lowerBack, quads, nowhere.",
        isRequired: true, expecting: "glutes, hamstrings, lowerBack, quads or nowhere"
    ) { text in
        FeltIn.allCases.first { Prompter.words($0.rawValue) == Prompter.words(text) }
    }
    static let balance = Option<Balance>(
        "balance", value: "balance", help: "steady (default), wobble or lost.", expecting: "steady, wobble or lost"
    ) {
        Balance(rawValue: $0.lowercased())
    }
    static let rpe = Option<Int>(
        "rpe", value: "rpe", help: "Effort, 1 to 10.", expecting: "a whole number from 1 to 10"
    ) {
        Int($0).flatMap { SetEntry.rpeRange.contains($0) ? $0 : nil }
    }
    static let pain = Option<Int>(
        "pain", value: "pain", help: "Pain during the exercise, 0 to 10.", isRequired: true,
        expecting: "a whole number from 0 to 10"
    ) { Int($0).flatMap { SetEntry.painRange.contains($0) ? $0 : nil } }
    static let numbness = Flag("numbness", help: "New or worse numbness or tingling appeared.")
    static let note = Option<String>(
        "note", value: "text", help: "A short note, up to 500 characters.", expecting: "at most 500 characters"
    ) {
        $0.count <= 500 ? $0 : nil
    }
    static let session = Option<Session.Kind>(
        "session", value: "kind",
        help: "activation or strength, when the exercise sits in both of today's sessions (default: the next due).",
        expecting: "activation, strength or mobility"
    ) { Session.Kind(rawValue: $0) }

    static let options: [OptionDefinition] = [
        side.definition, sets.definition, load.definition, felt.definition, balance.definition, rpe.definition,
        pain.definition, numbness.definition, note.definition, session.definition,
    ]

    /// Refuses every set flag, for `glute log wakeup`.
    static func refuseAll(_ parsed: ParsedArguments, because reason: String) throws(CLIError) {
        try parsed.refuse(side, because: reason)
        try parsed.refuse(sets, because: reason)
        try parsed.refuse(load, because: reason)
        try parsed.refuse(felt, because: reason)
        try parsed.refuse(balance, because: reason)
        try parsed.refuse(rpe, because: reason)
        try parsed.refuse(pain, because: reason)
        try parsed.refuse(numbness, because: reason)
        try parsed.refuse(note, because: reason)
        try parsed.refuse(session, because: reason)
    }

    /// Sets of reps or holds.
    struct Sets: Sendable {
        let count: Int
        let reps: [Int]
        let seconds: Int?

        /// `2x15` (sets x reps), `15,14,12` (reps per set), `2x30s` or `45s` (holds in seconds).
        init?(_ text: String) {
            let lower = text.lowercased()
            if lower.contains(",") {
                let reps = lower.split(separator: ",", omittingEmptySubsequences: false).compactMap { Int($0) }
                guard reps.count == lower.split(separator: ",", omittingEmptySubsequences: false).count,
                    SetEntry.setCountRange.contains(reps.count), reps.allSatisfy({ (1...1000).contains($0) })
                else { return nil }
                (count, self.reps, seconds) = (reps.count, reps, nil)
                return
            }
            let parts = lower.split(separator: "x")
            let dose: Substring
            switch parts.count {
            case 1: count = 1; dose = parts[0]
            case 2:
                guard let sets = Int(parts[0]) else { return nil }
                count = sets; dose = parts[1]
            default: return nil
            }
            guard SetEntry.setCountRange.contains(count) else { return nil }
            if dose.hasSuffix("s") {
                guard let value = Int(dose.dropLast()), SetEntry.durationRange.contains(value) else { return nil }
                (reps, seconds) = ([], value)
                return
            }
            guard let value = Int(dose), (1...1000).contains(value) else { return nil }
            (reps, seconds) = (Array(repeating: value, count: count), nil)
        }
    }

    let side: Side?
    let sets: Sets
    let load: Load?
    let felt: FeltIn
    let balance: Balance
    let rpe: Int?
    let pain: Int
    let numbness: Bool
    let note: String?
    let session: Session.Kind?

    init(parsed: ParsedArguments) throws(CLIError) {
        side = try parsed.value(Self.side) ?? nil
        sets = try parsed.required(Self.sets)
        load = try parsed.value(Self.load)
        felt = try parsed.required(Self.felt)
        balance = try parsed.value(Self.balance) ?? .steady
        rpe = try parsed.value(Self.rpe)
        pain = try parsed.required(Self.pain)
        numbness = parsed.isSet(Self.numbness)
        note = try parsed.value(Self.note)
        session = try parsed.value(Self.session)
    }

    /// "2 x 15 @ 8 kg", "2 x 30 s", "15, 14, 12".
    var summary: String {
        var text =
            sets.seconds.map { "\(sets.count) x \($0) s" }
            ?? (Set(sets.reps).count == 1
                ? "\(sets.count) x \(sets.reps[0])" : sets.reps.map(String.init).joined(separator: ", "))
        if let load { text += " @ \(JSONValue.format(load.value)) \(load.unit.rawValue)" }
        return text
    }

    /// The entry to log (the application checks it against the exercise).
    func entry(exerciseID: String, at time: Timestamp) -> SetEntry {
        SetEntry(
            exerciseID: exerciseID, side: side, setCount: sets.count, reps: sets.reps, load: load,
            durationSeconds: sets.seconds, felt: felt, balance: balance, rpe: rpe, pain: pain, numbness: numbness,
            performedAt: time, note: note, session: session)
    }

    /// `8kg`, `17.5lb`, `8 kg`.
    static func parseLoad(_ text: String) -> Load? {
        let trimmed = text.lowercased().replacingOccurrences(of: " ", with: "")
        for unit in LoadUnit.allCases where trimmed.hasSuffix(unit.rawValue) {
            guard let value = Double(trimmed.dropLast(unit.rawValue.count)), value > 0, value <= Load.maximum
            else { return nil }
            return Load(value, unit)
        }
        return nil
    }
}

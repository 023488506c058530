internal import GluteCore
internal import GluteJSON

/// Progression decisions as text, in plain words: the codes stay in `--json`.
enum NextRenderer {
    static func line(_ decision: ProgressionDecision, knowledge: KnowledgeBase) -> String {
        var text = decision.reason.text
        if decision.addPelvicTiltCue { text += " Tuck your tailbone before each rep." }
        if let retest = decision.retest { text += " Time for a retest: run 'glute retest \(retest.rawValue)'." }
        return text
    }

    static func prescription(_ p: Prescription, knowledge: KnowledgeBase) -> String {
        let name = knowledge.exercise(p.exerciseID)?.name ?? p.exerciseID
        var text = "\(name) \(p.sets) x \(p.target)\(p.measure == .seconds ? " s" : "")"
        if let load = p.load { text += " @ \(JSONValue.format(load.value)) \(load.unit.rawValue)" }
        if let side = p.side { text += " (\(side.rawValue))" }
        return text
    }

    /// What a logged set was, in words: "2 x 15 @ 8 kg, felt in the glutes".
    static func done(_ entry: SetEntry) -> String {
        var text: String
        if let seconds = entry.durationSeconds, entry.reps.isEmpty {
            text = "\(entry.setCount) x \(seconds) s"
        } else if Set(entry.reps).count == 1, let reps = entry.reps.first {
            text = "\(entry.setCount) x \(reps)"
        } else {
            text = entry.reps.map(String.init).joined(separator: ", ") + " reps"
        }
        if let load = entry.load { text += " @ \(JSONValue.format(load.value)) \(load.unit.rawValue)" }
        if let side = entry.side { text += " (\(side.rawValue))" }
        return text
    }
}

internal import GluteCore
internal import GluteJSON

/// Progression decisions as text.
enum NextRenderer {
    static func line(_ decision: ProgressionDecision, knowledge: KnowledgeBase) -> String {
        var text = "\(decision.action.rawValue): " + decision.reason.text
        if let next = decision.next {
            text += " Next time: " + prescription(next, knowledge: knowledge) + "."
        }
        if decision.addPelvicTiltCue { text += " Tuck your tailbone before each rep." }
        if decision.requestRetest { text += " Time for a retest: run 'glute retest'." }
        return text
    }

    static func prescription(_ p: Prescription, knowledge: KnowledgeBase) -> String {
        let name = knowledge.exercise(p.exerciseID)?.name ?? p.exerciseID
        var text = "\(name) \(p.sets) x \(p.target)\(p.measure == .seconds ? " s" : "")"
        if let load = p.load { text += " @ \(JSONValue.format(load.value)) \(load.unit.rawValue)" }
        if let side = p.side { text += " (\(side.rawValue))" }
        return text
    }
}

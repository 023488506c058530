internal import Foundation
internal import GluteApp
internal import GluteCore
internal import GluteStore

/// `glute today` as text: what to do now, what was done, and what is due.
struct TodayRenderer {
    let knowledge: KnowledgeBase
    let width: Int

    func render(_ today: TodayView) -> String {
        var out = "Today, \(today.date.weekday.name) \(today.date) (plan version \(today.version.version))\n"
        if let stop = today.stop { return out + "\n" + StopRenderer.text(stop, width: width) }
        if today.sessions.isEmpty { out += "\n  No session today. Keep up the wake-up calls.\n" }
        for session in today.sessions {
            out += "\n  \(session.kind.rawValue.capitalized), about \(session.minutes) min\n"
            for item in session.items { out += wrap(line(item), indent: 4, hanging: 8) }
        }
        if let calls = today.wakeUps {
            let plan = calls.calls
            let line =
                calls.isWorkDay
                ? "Wake-up calls: \(calls.done) done of \(calls.dueSoFar) due so far (\(calls.planned) planned today, every \(plan.everyMinutes) min from \(plan.start) to \(plan.end))."
                : "No wake-up calls today (not a work day)."
            out += "\n" + wrap(line, indent: 2, hanging: 4)
        }
        if !today.closedGates.isEmpty {
            out += "\n  Still locked:\n"
            for gate in today.closedGates {
                out += wrap("- \(gate.blocks), until \(gate.until)", indent: 4, hanging: 6)
            }
        }
        for (kind, items) in today.retestsDue {
            let names = Set(items.map { knowledge.exercise($0.exercise)?.name ?? $0.exercise }).sorted()
            out +=
                "\n"
                + wrap(
                    "A retest is due (asked by \(names.joined(separator: ", "))): run 'glute retest \(kind.rawValue)'.",
                    indent: 2, hanging: 4)
        }
        if today.reassessDue { out += "\n  Your 4-week reassessment is due: run 'glute assess'.\n" }
        return out
    }

    /// `[ ] Clamshell 2 x 15 (left); Clamshell 2 x 15 (right)` before, `[x] done ...` after.
    private func line(_ item: TodayView.Item) -> String {
        let name = knowledge.exercise(item.item.exercise)?.name ?? item.item.exercise
        if item.isDone {
            return "[x] \(name): done " + item.logged.map(done).joined(separator: "; ")
        }
        var text =
            "[ ] "
            + item.prescriptions.map { NextRenderer.prescription($0, knowledge: knowledge) }
            .joined(separator: "; ")
        if item.item.side == .leftFirst { text += " - left first" }
        if item.item.side == .rightFirst { text += " - right first" }
        if !item.logged.isEmpty {
            text += " (done so far: " + item.logged.map(done).joined(separator: "; ") + ")"
        }
        return text
    }

    /// A session done today, in words: "2 x 15 (left)".
    private func done(_ session: SessionLog) -> String {
        let measure = knowledge.exercise(session.exerciseID)?.logMeasure ?? .reps
        var text: String
        if Set(session.sets).count == 1, let first = session.sets.first {
            text = "\(session.sets.count) x \(first)\(measure == .seconds ? " s" : "")"
        } else {
            text = session.sets.map(String.init).joined(separator: ", ") + (measure == .seconds ? " s" : " reps")
        }
        if let load = session.load { text += " @ \(load)" }
        if let side = session.side { text += " (\(side.rawValue))" }
        return text
    }

    private func wrap(_ text: String, indent: Int, hanging: Int) -> String {
        TextWrap.hanging(text, indent: indent, hanging: hanging, width: width)
    }
}

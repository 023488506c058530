internal import Foundation
internal import GluteCore
internal import GluteJSON

/// Writes findings and a plan as text a person reads in a terminal.
struct ResultRenderer {
    let knowledge: KnowledgeBase
    /// The width lines wrap to, at word boundaries.
    var width = 80

    /// `text` wrapped to ``width``, its first line at `indent` and the rest at `hanging`.
    func line(_ text: String, indent: Int, hanging: Int) -> String {
        TextWrap.hanging(text, indent: indent, hanging: hanging, width: width)
    }

    func render(_ result: AssessmentResult) -> String {
        var out = "FINDINGS\n"
        if result.findings.isEmpty {
            out += "  Nothing of note: your tests look balanced and your glutes are doing their job.\n"
        }
        for finding in result.findings {
            let sides = finding.sides.isEmpty ? "" : " (\(finding.sides.map(\.rawValue).joined(separator: ", ")))"
            out += "\n  \(finding.code.rawValue)\(sides) - \(finding.severity.rawValue)\n"
            out += TextWrap.paragraph(finding.explanation, indent: 4, width: width)
        }
        guard let plan = result.plan else {
            out +=
                "\nNO PLAN\n    A finding above means you should see a clinician before starting any exercise plan.\n"
            return out
        }
        out += "\n" + render(plan)
        return out
    }

    func render(_ plan: Plan) -> String {
        var out = "YOUR PLAN (from \(plan.startsOn))\n"
        let calls = plan.wakeUpCalls
        out +=
            "\n"
            + line(
                "Wake-up calls: every \(calls.everyMinutes) minutes of sitting, \(calls.start)-\(calls.end) on \(days(calls.days)); take turns:",
                indent: 2, hanging: 4)
        for option in calls.options { out += line("- \(option.text)", indent: 4, hanging: 6) }
        for day in plan.week {
            out += "\n  \(day.day.name)\n"
            for session in day.sessions {
                out += line(
                    "\(session.kind.rawValue.capitalized), \(session.minutes) min: \(session.focus)", indent: 4,
                    hanging: 6)
                for item in session.items { out += line("- " + describe(item), indent: 6, hanging: 8) }
            }
        }
        if !plan.gates.isEmpty {
            out += "\n  Locked for now:\n"
            for gate in plan.gates { out += line("- \(gate.blocks), until \(gate.until)", indent: 4, hanging: 6) }
        }
        out += "\n  Reassess on \(plan.reassessOn) (every 4 weeks, earlier if your logs ask for it).\n"
        if !plan.ergonomics.isEmpty {
            out += "\n  Ergonomics checklist:\n"
            for item in plan.ergonomics { out += line("[ ] \(item.text)", indent: 4, hanging: 8) }
        }
        for note in plan.notes { out += "\n" + line("Note: \(note)", indent: 2, hanging: 4) }
        return out
    }

    /// One item as "Clamshell: 2 x 12 per side, left first, why: medius-weakness".
    func describe(_ item: PlanItem) -> String {
        let name = knowledge.exercise(item.exercise)?.name ?? item.exercise
        var dose = item.reps.map { "\(item.sets) x \($0)" } ?? "\(item.sets) x \(item.seconds ?? 0) s"
        if let seconds = item.seconds, item.reps != nil { dose += " (\(seconds)-second holds)" }
        if let range = item.repRange { dose += " (\(range.lowerBound)-\(range.upperBound))" }
        if let load = item.load { dose += " @ \(JSONValue.format(load.value)) \(load.unit.rawValue)" }
        switch item.side {
        case .both: break
        case .leftFirst: dose += ", left side first"
        case .rightFirst: dose += ", right side first"
        case .left, .right: dose += ", \(item.side.rawValue) only"
        }
        return "\(name): \(dose); why: \(item.why.joined(separator: ", "))"
    }

    func days(_ days: [Weekday]) -> String {
        days.map { String($0.name.prefix(3)) }.joined(separator: " ")
    }
}

/// Word wrapping for terminal text.
enum TextWrap {
    static func paragraph(_ text: String, indent: Int, width: Int = 78) -> String {
        let prefix = String(repeating: " ", count: indent)
        return HelpGenerator.wrap(text, width: width - indent).map { prefix + $0 + "\n" }.joined()
    }

    /// `text` wrapped at word boundaries to `width`: the first line at `indent`, the others at `hanging`.
    static func hanging(_ text: String, indent: Int, hanging: Int, width: Int) -> String {
        let lines = HelpGenerator.wrap(text, width: max(20, width - hanging))
        guard let first = lines.first else { return "\n" }
        return String(repeating: " ", count: indent) + first + "\n"
            + lines.dropFirst().map { String(repeating: " ", count: hanging) + $0 + "\n" }.joined()
    }
}

internal import GluteCore

/// `glute progress` as text: compact Unicode charts with their numbers and dates, at most
/// 80 columns wide.
struct ProgressRenderer {
    let report: ProgressReport
    let weeks: Int

    /// Points shown per table; older ones are counted, not drawn.
    static let maximumRows = 12

    /// The whole report.
    func render() -> String {
        var out = "Progress from \(report.from) to \(report.to) (\(weeks) week\(weeks == 1 ? "" : "s"))\n"
        for section in [activation(), wakeUps(), asymmetry(), bridgeReps(), loads(), findings()] {
            out += "\n" + section
        }
        return out.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n")
    }

    func activation() -> String {
        var out = "Activation sessions per week (target \(ProgressCalculator.weeklyActivationTarget))\n"
        guard !report.weeks.isEmpty else { return out + "  No plan in this period yet: run 'glute assess'.\n" }
        for week in report.weeks {
            let mark = week.sessions >= week.target ? "  ✓" : ""
            out +=
                "  week of \(week.weekOf)  \(TextChart.meter(week.sessions, target: week.target, cellsPerUnit: 4))"
                + "  \(week.sessions)/\(week.target)\(mark)\n"
        }
        return out
    }

    func wakeUps() -> String {
        var out = "Wake-up calls done per day, against the plan   (▁ none … █ all, · no calls)\n"
        guard !report.wakeUps.isEmpty else { return out + "  No wake-up calls planned or answered in this period.\n" }
        out += "                      MTWTFSS\n"
        let byDate = Dictionary(report.wakeUps.map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first })
        var monday = report.wakeUps[0].date.startOfWeek
        while monday <= report.to {
            let days = (0..<7).map { monday.adding(days: $0) }
            let ratios: [Double?] = days.map { day in
                guard let entry = byDate[day] else { return nil }
                return Double(entry.done) / Double(max(entry.planned, entry.done, 1))
            }
            var line = TextChart.sparkline(ratios, maximum: 1)
            let shown = days.filter { $0 <= report.to }.count
            line = String(line.prefix(shown)) + String(repeating: " ", count: 7 - shown)
            let entries = days.compactMap { byDate[$0] }
            let done = entries.reduce(0) { $0 + $1.done }, planned = entries.reduce(0) { $0 + $1.planned }
            let skipped = entries.reduce(0) { $0 + $1.skipped }
            out +=
                "  week of \(monday)  \(line)  \(done)/\(planned) done" + (skipped > 0 ? ", \(skipped) skipped" : "")
                + "\n"
            monday = monday.adding(days: 7)
        }
        return out
    }

    func asymmetry() -> String {
        var out = "Asymmetry index |L-R|/max(L,R)   (0% = both sides even)\n"
        guard !report.asymmetry.isEmpty else { return out + "  No measurements of both sides in this period.\n" }
        for series in report.asymmetry {
            let points = series.points.suffix(16)
            let top = max(points.map(\.index).max() ?? 0, 0.01)
            let spark = TextChart.pad(TextChart.sparkline(points.map { $0.index }, maximum: top), 16)
            guard let first = points.first, let last = points.last else { continue }
            let change =
                points.count == 1
                ? TextChart.percent(first.index)
                : "\(TextChart.percent(first.index)) → \(TextChart.percent(last.index))"
            out +=
                "  \(TextChart.pad(series.test, 18)) \(spark) \(TextChart.pad(change, 11)) "
                + (points.count == 1 ? "\(first.date)" : "\(first.date)…\(last.date.description.suffix(5))") + "\n"
        }
        return out
    }

    func bridgeReps() -> String {
        var out = "Single-leg bridge reps per side\n"
        guard !report.bridgeReps.isEmpty else {
            return out + "  No single-leg bridge tested or logged in this period.\n"
        }
        let points = report.bridgeReps.suffix(Self.maximumRows)
        if report.bridgeReps.count > points.count {
            out += "  (\(report.bridgeReps.count - points.count) earlier not shown)\n"
        }
        let top = Double(points.flatMap { [$0.left ?? 0, $0.right ?? 0] }.max() ?? 0)
        for point in points {
            func side(_ name: String, _ reps: Int?) -> String {
                guard let reps else { return "\(name) " + TextChart.pad("·", 12) + "   -" }
                return "\(name) " + TextChart.bar(Double(reps), of: top, width: 12) + TextChart.padLeft(String(reps), 4)
            }
            let index = point.left.flatMap { left in
                point.right.map { AsymmetryIndex.value(PerSide(left: left, right: $0)) }
            }
            out +=
                "  \(point.date) \(TextChart.pad(point.source.rawValue, 10)) \(side("L", point.left))  \(side("R", point.right))"
                + "  " + TextChart.padLeft(index.map(TextChart.percent) ?? "", 4) + "\n"
        }
        return out
    }

    func loads() -> String {
        var out = "Heaviest load per exercise per day\n"
        guard !report.loads.isEmpty else { return out + "  No loaded sets logged in this period.\n" }
        for series in report.loads {
            let points = series.points.suffix(20)
            guard let first = points.first, let last = points.last else { continue }
            let values = points.map { $0.load.unit == .kg ? $0.load.value : $0.load.value * 0.453_592_37 }
            let change = points.count == 1 ? "\(last.load)" : "\(first.load) → \(last.load)"
            out +=
                "  \(TextChart.pad(series.exerciseID, 26)) \(TextChart.pad(TextChart.sparkline(values), 20)) \(change)"
                + " (\(series.points.count) day\(series.points.count == 1 ? "" : "s"))\n"
        }
        return out
    }

    func findings() -> String {
        let changes = report.findings
        guard let firstOn = changes.firstOn, let latestOn = changes.latestOn else {
            return "Findings\n  No assessment yet: run 'glute assess'.\n"
        }
        var out = "Findings resolved since the first assessment (\(firstOn); latest \(latestOn))\n"
        func line(_ label: String, _ codes: [String]) -> String {
            let lines = HelpGenerator.wrap(codes.isEmpty ? "none" : codes.joined(separator: ", "), width: 78 - 13)
            return lines.enumerated().map { index, text in
                (index == 0 ? "  " + TextChart.pad(label, 11) : String(repeating: " ", count: 13)) + text + "\n"
            }.joined()
        }
        out += line("resolved:", changes.resolved)
        out += line("remaining:", changes.latest.filter { changes.first.contains($0) })
        out += line("new:", changes.new)
        return out
    }
}

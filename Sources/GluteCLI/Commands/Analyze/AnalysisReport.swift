import GluteCore

/// The text a person reads after `glute analyze`: per side a table of repetitions, the answers
/// and the interpretation, then the warnings.
struct AnalysisReport {
    let analysis: FormAnalysis

    init(_ analysis: FormAnalysis) { self.analysis = analysis }

    /// A column of the repetition table, titled over two lines: its name, then the unit of its
    /// cells (a second line keeps the widest table, a side-view squat, within 80 columns).
    private struct Column: Sendable {
        let title: String
        let unit: String
        /// The metric the column shows, if it is one that can be withheld.
        var metric: FormMetric? = nil
        let value: @Sendable (RepetitionResult) -> String?
    }

    /// The table's columns for `test`: times in seconds from the start of the file, angles in
    /// degrees, hip flexion over knee flexion, depth as a fraction of the standing leg's height in
    /// the image (for a bridge: the rise in hip widths), and the tempo (for a hold: its length).
    private static func columns(for test: FormTest) -> [Column] {
        var columns: [Column] = [
            Column(title: "start", unit: "(s)") { seconds($0.start) },
            Column(title: "bottom", unit: "(s)") { seconds($0.bottom) },
            Column(title: "end", unit: "(s)") { seconds($0.end) },
            Column(title: "FPPA", unit: "(°)", metric: .fppaDegrees) { $0.fppaDegrees.map(degrees) },
            Column(title: "pelvic drop", unit: "(°)", metric: .pelvicDropDegrees) {
                $0.pelvicDropDegrees.map(degrees)
            },
            Column(title: "trunk lean", unit: "(°)", metric: .trunkLeanDegrees) { $0.trunkLeanDegrees.map(degrees) },
            Column(title: "hip flex", unit: "(°)", metric: .hipFlexionDegrees) { $0.hipFlexionDegrees.map(degrees) },
            Column(title: "knee flex", unit: "(°)", metric: .kneeFlexionDegrees) {
                $0.kneeFlexionDegrees.map(degrees)
            },
            Column(title: "hip/knee", unit: "(ratio)", metric: .hipKneeRatio) {
                $0.hipKneeRatio.map { decimal($0, 2) }
            },
            test == .singleLegBridge
                ? Column(title: "rise", unit: "(x hip width)", metric: .depth) { $0.depth.map { decimal($0, 2) } }
                : Column(title: "depth", unit: "(x leg length)", metric: .depth) { $0.depth.map { decimal($0, 2) } },
        ]
        if test == .singleLegStance {
            columns.append(Column(title: "hold", unit: "(s)") { decimal($0.end - $0.start, 1) })
        } else {
            columns.append(
                Column(title: "down/up", unit: "(s)") {
                    "\(decimal($0.descentSeconds, 1))/\(decimal($0.ascentSeconds, 1))"
                })
        }
        return columns
    }

    /// What a cell shows for a metric withheld for want of the image size.
    static let notAvailable = "n/a"

    var text: String {
        var lines: [String] = []
        let how = analysis.testWasRecognised ? " (recognised)" : ""
        lines.append(
            "\(analysis.test.title)\(how), \(analysis.view.rawValue) view: "
                + "\(analysis.framesUsed) of \(analysis.frames) frames used")
        for result in analysis.measuredSides {
            lines.append("")
            let noun = analysis.test == .singleLegStance ? "hold" : "rep"
            let role = analysis.test.isSingleLeg ? " (standing leg)" : ""
            lines.append(
                "\(result.side == .left ? "Left" : "Right") leg\(role): \(result.reps.count) "
                    + "\(noun)\(result.reps.count == 1 ? "" : "s")")
            lines.append(contentsOf: table(result.reps))
            var answers: [String] = []
            if let valgus = result.summary.kneeValgus { answers.append("knee caves in: \(valgus.rawValue)") }
            if let drop = result.summary.hipDrop { answers.append("hip drops: \(drop ? "yes" : "no")") }
            if let pattern = result.summary.pattern { answers.append("pattern: \(pattern.rawValue)") }
            if !answers.isEmpty { lines.append("  Answers: " + answers.joined(separator: ", ")) }
            lines.append(contentsOf: Self.wrap(result.summary.interpretation, width: 92, indent: "  "))
        }
        if !analysis.warnings.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            for warning in analysis.warnings {
                lines.append(contentsOf: Self.wrap(warning, width: 92, indent: "  - ", hanging: "    "))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The repetition table, with only the columns that hold a value.
    private func table(_ reps: [RepetitionResult]) -> [String] {
        guard !reps.isEmpty else { return [] }
        let all = Self.columns(for: analysis.test)
        let withheld = analysis.metricsNeedingImageSize
        func isWithheld(_ column: Column) -> Bool { column.metric.map(withheld.contains) ?? false }
        let shown = all.filter { column in isWithheld(column) || reps.contains { column.value($0) != nil } }
        var rows = [["#"] + shown.map(\.title), [""] + shown.map(\.unit)]
        for (index, rep) in reps.enumerated() {
            rows.append(
                [String(index + 1)] + shown.map { $0.value(rep) ?? (isWithheld($0) ? Self.notAvailable : "-") })
        }
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows { for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) } }
        return rows.map { row in
            "  "
                + row.enumerated().map { column, cell in
                    String(repeating: " ", count: widths[column] - cell.count) + cell
                }.joined(separator: "  ")
        }
    }

    static func seconds(_ value: Double) -> String { decimal(value, 2) }
    static func degrees(_ value: Double) -> String { decimal(value, 1) }

    static func decimal(_ value: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale), fraction = String(scaled % Int(scale))
        let sign = value < 0 && scaled != 0 ? "-" : ""
        return sign + String(whole)
            + (places > 0 ? "." + String(repeating: "0", count: places - fraction.count) + fraction : "")
    }

    static func wrap(_ text: String, width: Int, indent: String, hanging: String? = nil) -> [String] {
        var lines: [String] = []
        var current = indent
        var empty = true
        for word in text.split(separator: " ") {
            if !empty, current.count + 1 + word.count > width {
                lines.append(current)
                current = hanging ?? indent
                empty = true
            }
            current += (empty ? "" : " ") + word
            empty = false
        }
        if !empty { lines.append(current) }
        return lines
    }
}

/// One published EMG figure for an exercise and a muscle, taken from the project's reference
/// file `emg.json` (never typed in by hand), with the study that reported it.
///
/// %MVIC figures are not comparable across studies (different reference contractions,
/// mean against peak amplitude); use them to rank exercises within one study.
public struct EMGMeasurement: Sendable, Equatable {
    /// The muscle id in the knowledge base.
    public let muscle: String
    /// The muscle as the study names it ("gluteus maximus (upper)").
    public let measuredMuscle: String
    /// The exercise as the study names it (without the reference file's notes on how it was read).
    public let measuredExercise: String
    /// The figure, in percent of a maximal voluntary isometric contraction.
    public let percentMVIC: Double
    /// Its standard deviation when reported.
    public let sd: Double?
    /// How it was computed ("mean %MVIC", "average peak %MVIC").
    public let metric: String
    /// The study, cited for people to read: the reference file's citation without its
    /// research notes.
    public let study: String
    /// Where the figure was read: `primary-abstract` (the study's abstract), `primary-table` (a
    /// table of the study or review) or `secondary` (quoted by another source).
    public let verification: String

    /// The figure as people see it: muscle, exercise, number, metric and study.
    ///
    /// For example "gluteus maximus (upper), barbell hip thrust: 69.5 (mean %MVIC); Contreras B,
    /// ... 2015, ..."; a figure read in a secondary source says so.
    public var statement: String {
        let sd = self.sd.map { " +/- \(Self.format($0))" } ?? ""
        let quoted = verification == "secondary" ? ", as quoted by secondary sources" : ""
        return "\(measuredMuscle), \(measuredExercise): \(Self.format(percentMVIC))\(sd) (\(metric)); \(study)\(quoted)"
    }

    /// Whether `metric` says mean or peak amplitude, as every figure shown to people must.
    static func namesMeanOrPeak(_ metric: String) -> Bool {
        let words = metric.lowercased()
        return words.contains("mean") || words.contains("peak")
    }

    /// The words of the reference file's research notes: a part of a citation that holds one of
    /// them is left out of what people see.
    static let researchNoteMarkers = [
        "not visible", "believed", "not confirmed", "plausibl", "excerpt", "unverified", "not verified",
        "could not", "verify", "secondarily", "in abstract",
    ]

    /// A citation without research notes: the pieces of a parenthesised part (split at `;`)
    /// that say what could not be read or checked are dropped, and so is a trailing " - ..."
    /// remark of that kind.
    static func citation(_ study: String) -> String {
        func isNote(_ text: Substring) -> Bool {
            let lower = text.lowercased()
            return researchNoteMarkers.contains { lower.contains($0) }
        }
        func trimmed(_ text: Substring) -> Substring {
            guard let first = text.firstIndex(where: { $0 != " " }), let last = text.lastIndex(where: { $0 != " " })
            else { return "" }
            return text[first...last]
        }
        var text = Substring(study)
        if let dash = text.ranges(of: " - ").first, isNote(text[dash.upperBound...]) {
            text = text[..<dash.lowerBound]
        }
        var out = ""
        while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            let kept = text[text.index(after: open)..<close].split(separator: ";").map(trimmed).filter { !isNote($0) }
            out +=
                kept.isEmpty ? String(trimmed(text[..<open])) : text[..<open] + "(" + kept.joined(separator: "; ") + ")"
            text = text[text.index(after: close)...]
        }
        return String(trimmed(Substring(out + text)))
    }

    /// The reference file's verification tag reduced to where the figure was read.
    static func sourceKind(_ verification: String) -> String {
        if verification.hasPrefix("primary-table") { return "primary-table" }
        if verification.hasPrefix("primary") { return "primary-abstract" }
        return "secondary"
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

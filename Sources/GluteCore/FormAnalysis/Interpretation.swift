/// The plain-language reading of a side's numbers, naming the norms and their sources.
enum Interpretation {
    static func text(
        for summary: SideSummary, reps: [RepetitionResult], test: FormTest, view: CameraView, aspectIsKnown: Bool
    ) -> String {
        var parts: [String] = []
        let count = summary.reps
        if count == 0 { return "Nothing to measure: no \(test == .singleLegStance ? "hold" : "repetition") was found." }
        let noun = test == .singleLegStance ? (count == 1 ? "hold" : "holds") : (count == 1 ? "rep" : "reps")
        if let fppa = summary.fppaDegrees {
            var text = "Knee FPPA \(degrees(fppa.mean)) on average (max \(degrees(fppa.max))) over \(count) \(noun)."
            if test == .singleLegSquat, let valgus = summary.kneeValgus {
                text +=
                    " Pain-free women average 8.4 ± 5.1° in this test and women with patellofemoral pain "
                    + "16.8 ± 5.4° (Herrington 2014); this reads as \"\(valgus.rawValue)\""
                switch valgus {
                case .none: text += " (at or under the pain-free average)."
                case .slight: text += " (above the pain-free average, within one SD of it)."
                case .marked: text += " (more than one SD above the pain-free average, towards the pain group)."
                }
                let nearest =
                    [FormNorms.slightValgusFromDegrees, FormNorms.markedValgusFromDegrees]
                    .map { abs($0 - fppa.mean) }.min() ?? .infinity
                if nearest < FormNorms.fppaMeasurementErrorDegrees {
                    text +=
                        " It lies within the ~3° measurement error of 2D FPPA (Munro 2012) of a cut-off, "
                        + "so it could read either way."
                }
                text += " The norms come from women; the cut-offs are our reading of them, not validated."
            } else {
                text += " Published FPPA norms are for the single-leg squat and landing; none grade this test."
            }
            parts.append(text)
        }
        if let drop = summary.pelvicDropDegrees {
            var text = "Pelvic drop \(degrees(drop.mean)) on average (max \(degrees(drop.max)))"
            if let hipDrop = summary.hipDrop {
                text += hipDrop ? ": the hip drops" : ": the pelvis stays about level"
                text += " (we count 5° or more as a drop; no validated 2D threshold exists)."
            } else {
                text += "."
            }
            parts.append(text)
        }
        if let pattern = summary.pattern {
            var text = "A \(pattern.rawValue) pattern"
            if let ratio = summary.hipKneeRatio {
                text += ": hip flexion is \(decimal(ratio, places: 2)) times knee flexion at the bottom"
            }
            text += ". No published ratio separates a hinge from a squat; our cut-off is 2."
            parts.append(text)
        }
        if parts.isEmpty {
            parts.append("\(count) \(noun) counted.")
            if view == .front, test == .hipHinge {
                parts.append("Film from the side to see the flexion angles.")
            } else if view == .side, test.isSingleLeg {
                parts.append("Film from the front to see knee and pelvis.")
            } else if !aspectIsKnown {
                parts.append("The angles need the image size (see the warnings).")
            }
        }
        if let first = reps.first, count > 0 {
            let descent = reps.map(\.descentSeconds).reduce(0, +) / Double(count)
            let ascent = reps.map(\.ascentSeconds).reduce(0, +) / Double(count)
            if test != .singleLegStance {
                parts.append("Tempo: \(decimal(descent, places: 1)) s down, \(decimal(ascent, places: 1)) s up.")
            } else {
                parts.append("First hold: \(decimal(first.end - first.start, places: 1)) s.")
            }
        }
        return parts.joined(separator: " ")
    }

    /// Adds the comparison of the two sides' FPPA against the smallest real change (Munro 2012).
    static func compareSides(_ analysis: inout FormAnalysis) {
        guard analysis.test == .singleLegSquat,
            let left = analysis.sides.left?.summary.fppaDegrees?.mean,
            let right = analysis.sides.right?.summary.fppaDegrees?.mean
        else { return }
        let difference = abs(left - right)
        let sentence =
            FormNorms.isRealChange(from: left, to: right)
            ? " The sides differ by \(degrees(difference)), more than the ~8° that 2D FPPA can tell apart (Munro 2012)."
            : " The sides differ by \(degrees(difference)), within what 2D FPPA cannot tell apart (~8°, Munro 2012)."
        for side in Side.allCases { analysis.sides[side]?.summary.interpretation += sentence }
    }

    static func degrees(_ value: Double) -> String { decimal(value, places: 1) + "°" }

    /// `value` rounded to `places` decimals, written without Foundation.
    static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale), fraction = scaled % Int(scale)
        var text = (value < 0 && scaled != 0 ? "-" : "") + String(whole)
        if places > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: places - digits.count) + digits
        }
        return text
    }
}

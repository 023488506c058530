/// Turns detected repetitions into per-side results: picks the side of each repetition, reads
/// the values the test and the view allow, and summarises them against the norms.
struct ResultBuilder {
    let plan: AnalysisPlan
    let signal: MovementSignal
    /// Whether coordinates are in square units; when not, metrics that need the image's aspect
    /// are left out.
    let aspectIsKnown: Bool
    var side: Side? { plan.onlySide }

    func fill(_ analysis: inout FormAnalysis, with found: [DetectedRepetition]) {
        var reps = PerSide<[RepetitionResult]>(left: [], right: [])
        var otherSide = 0
        var withheld = Set<FormMetric>()
        for rep in found {
            for repSide in sides(of: rep) {
                if let side, side != repSide {
                    otherSide += 1
                    continue
                }
                var result = result(rep, side: repSide)
                if !aspectIsKnown { withhold(from: &result, into: &withheld) }
                reps[repSide].append(result)
            }
        }
        analysis.metricsNeedingImageSize = FormMetric.allCases.filter(withheld.contains)
        if otherSide > 0, plan.test.isSingleLeg {
            analysis.warnings.append("\(otherSide) repetition(s) on the other leg were left out (--side).")
        }
        if found.isEmpty {
            analysis.warnings.append(
                plan.test == .singleLegStance
                    ? "No hold was found: lift one foot clearly off the floor and hold for a few seconds."
                    : "No repetition was found: start at rest, move through the full range, and keep the whole body "
                        + "in the picture.")
        }
        for repSide in Side.allCases where !reps[repSide].isEmpty || shouldListEmpty(repSide, found: found) {
            analysis.sides[repSide] = SideResult(
                side: repSide, reps: reps[repSide],
                summary: summary(reps[repSide], side: repSide))
        }
        Interpretation.compareSides(&analysis)
    }

    /// Leaves out of `result` the metrics that need the image's aspect, noting which were there.
    private func withhold(from result: inout RepetitionResult, into withheld: inout Set<FormMetric>) {
        for metric in FormMetric.allCases where metric.needsImageAspect(in: plan.test) {
            guard result[keyPath: metric.keyPath] != nil else { continue }
            result[keyPath: metric.keyPath] = nil
            withheld.insert(metric)
        }
    }

    /// When nothing was found, the side asked for (or the measured one) is still listed, empty.
    private func shouldListEmpty(_ candidate: Side, found: [DetectedRepetition]) -> Bool {
        found.isEmpty && candidate == (side ?? plan.nearSide)
    }

    /// The sides a repetition counts for.
    private func sides(of rep: DetectedRepetition) -> [Side] {
        if plan.test.isSingleLeg {
            let sample = plan.test == .singleLegStance ? rep.meanSample : rep.bottomSample
            return [sample.lowerAnkleSide]
        }
        return plan.view == .front ? Side.allCases : [plan.nearSide]
    }

    private func result(_ rep: DetectedRepetition, side repSide: Side) -> RepetitionResult {
        let bottom = rep.bottomSample
        var result = RepetitionResult(start: rep.start, bottom: rep.bottom, end: rep.end)
        let front = plan.view == .front
        switch plan.test {
        case .singleLegSquat:
            if front {
                result.fppaDegrees = bottom.fppa(repSide)
                result.pelvicDropDegrees = bottom.pelvicDrop(standing: repSide)
                result.trunkLeanDegrees = bottom.trunkLean(towards: repSide)
                result.depth = signal.compression(of: bottom, side: repSide)
            } else if repSide == plan.nearSide {
                result.hipFlexionDegrees = bottom.hipFlexion(repSide)
                result.kneeFlexionDegrees = bottom.kneeFlexion(repSide)
                result.depth = signal.compression(of: bottom, side: repSide)
            }
        case .singleLegStance:
            if front {
                result.pelvicDropDegrees = rep.meanSample.pelvicDrop(standing: repSide)
                result.trunkLeanDegrees = rep.meanSample.trunkLean(towards: repSide)
            }
        case .singleLegBridge:
            if front {
                result.pelvicDropDegrees = bottom.pelvicDrop(standing: repSide)
                result.depth = signal.hipRise(of: bottom)
            }
        case .hipHinge, .bodyweightSquat:
            if front {
                if plan.test == .bodyweightSquat { result.fppaDegrees = bottom.fppa(repSide) }
                result.trunkLeanDegrees = bottom.trunkLean(towards: repSide)
                result.depth = signal.compressionOfBothLegs(bottom)
            } else {
                result.depth = signal.compression(of: bottom, side: repSide)
            }
        }
        if !front, !plan.test.isSingleLeg {
            result.hipFlexionDegrees = bottom.hipFlexion(repSide)
            result.kneeFlexionDegrees = bottom.kneeFlexion(repSide)
        }
        if let hip = result.hipFlexionDegrees, let knee = result.kneeFlexionDegrees, knee >= 1 {
            result.hipKneeRatio = hip / knee
        }
        return result
    }

    private func summary(_ reps: [RepetitionResult], side repSide: Side) -> SideSummary {
        let fppa = Statistic(reps.compactMap(\.fppaDegrees))
        let drop = Statistic(reps.compactMap(\.pelvicDropDegrees))
        let ratios = reps.compactMap(\.hipKneeRatio)
        var summary = SideSummary(
            reps: reps.count, fppaDegrees: fppa, pelvicDropDegrees: drop, kneeValgus: nil,
            hipDrop: nil, pattern: nil, hipKneeRatio: nil, interpretation: "")
        if plan.test == .singleLegSquat, let fppa {
            summary.kneeValgus = FormNorms.kneeValgus(fppaDegrees: fppa.mean)
        }
        if plan.test.isSingleLeg, let drop {
            summary.hipDrop = FormNorms.hipDrop(pelvicDropDegrees: drop.mean)
        }
        if !ratios.isEmpty, !plan.test.isSingleLeg {
            let mean = ratios.reduce(0, +) / Double(ratios.count)
            summary.hipKneeRatio = mean
            summary.pattern = FormNorms.pattern(hipKneeRatio: mean)
        } else if plan.view == .side, !plan.test.isSingleLeg, !reps.isEmpty, aspectIsKnown {
            // Knees hardly bent: hip-led by any measure.
            summary.pattern = .hinge
        }
        summary.interpretation = Interpretation.text(
            for: summary, reps: reps, test: plan.test, view: plan.view, aspectIsKnown: aspectIsKnown)
        return summary
    }
}

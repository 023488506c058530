/// Decides whether one side lags the other, and which.
///
/// Each side-to-side difference the format names is a signal pointing at the weaker side: bridge
/// reps 20 % apart, the bridge felt in the glutes on one side only or the pelvis level on one side
/// only, a squeeze that isolates on one side only, squeeze strength 3 points apart, and hip drop,
/// knee valgus or lost balance on one side only. The weaker side is the one most signals point
/// at; on a tie the bridge reps decide, and without them both sides are named.
enum AsymmetryRule {
    struct Signal {
        let side: Side
        let text: String
    }

    static func finding(for tests: SelfTests) -> Finding? {
        let signals = signals(tests)
        guard !signals.isEmpty else { return nil }
        let counts = PerSide(
            left: signals.filter { $0.side == .left }.count,
            right: signals.filter { $0.side == .right }.count)
        var sides: [Side]
        if counts.left != counts.right {
            sides = [counts.left > counts.right ? .left : .right]
        } else if let bridgeSide = bridgeGap(tests)?.weaker {
            sides = [bridgeSide]
        } else {
            sides = [.left, .right]
        }
        let gap = bridgeGap(tests)?.fraction ?? 0
        let weakerCount = sides.count == 1 ? counts[sides[0]] : max(counts.left, counts.right)
        let severity: Finding.Severity =
            gap >= FindingThresholds.severeBridgeAsymmetryFraction || weakerCount >= 4
            ? .severe
            : gap >= FindingThresholds.bridgeAsymmetryFraction || weakerCount >= 2 ? .moderate : .mild
        let seen = signals.map(\.text).joined(separator: "; ")
        let who =
            sides.count == 1 ? "Your \(sides[0].rawValue) side is the weaker one" : "Each side lags in a different test"
        return Finding(
            code: .asymmetry, sides: sides, severity: severity,
            explanation:
                "\(who) (\(seen)). The source article holds that when one side does less, the other overworks and the pelvis tilts; that is its claim, not a measured finding. Every single-leg exercise starts on the weaker side, and the stronger side matches its reps instead of racing ahead.",
            evidence: [
                "Side-to-side differences: \(seen)",
                "'The other side overworks and the pelvis tilts': the source article's claim (glute wake-up article, 'The Mind-Muscle Connection')",
                "Roberti LS et al. 2024, IJSPT 19(12) (single-leg bridge symmetry in 40 healthy men: 99 +/- 12 %)",
                "Freckleton G et al. 2014, BJSM 48(8):713-717 (footballers whose right leg scored lower on the single-leg bridge strained the right hamstring more often)",
            ])
    }

    /// The bridge-rep gap when it reaches the threshold: the weaker side and the gap as a
    /// fraction of the larger side.
    static func bridgeGap(_ tests: SelfTests) -> (weaker: Side, fraction: Double)? {
        guard let bridge = tests.singleLegBridge else { return nil }
        let larger = max(bridge.left.reps, bridge.right.reps)
        guard larger > 0 else { return nil }
        let fraction = Double(abs(bridge.left.reps - bridge.right.reps)) / Double(larger)
        guard fraction >= FindingThresholds.bridgeAsymmetryFraction else { return nil }
        return (bridge.left.reps < bridge.right.reps ? .left : .right, fraction)
    }

    static func signals(_ tests: SelfTests) -> [Signal] {
        var signals: [Signal] = []
        if let bridge = tests.singleLegBridge {
            if let gap = bridgeGap(tests) {
                let percent = Int((gap.fraction * 100).rounded())
                signals.append(
                    Signal(
                        side: gap.weaker,
                        text:
                            "single-leg bridge \(bridge.left.reps) reps left against \(bridge.right.reps) right, \(percent) % apart"
                    ))
            }
            if let side = oneSided(bridge.map { $0.feltIn.map { $0 != .glutes } }) {
                signals.append(Signal(side: side, text: "bridge felt outside the glutes on the \(side.rawValue) only"))
            }
            if let side = oneSided(bridge.map { $0.pelvisLevel.map { !$0 } }) {
                signals.append(Signal(side: side, text: "pelvis not level in the \(side.rawValue) bridge only"))
            }
        }
        if let squeeze = tests.gluteSqueeze {
            if let side = oneSided(squeeze.map { $0.isolated != .yes }) {
                signals.append(Signal(side: side, text: "the \(side.rawValue) glute does not squeeze fully on its own"))
            }
            if let left = squeeze.left.strength, let right = squeeze.right.strength,
                abs(left - right) >= FindingThresholds.squeezeStrengthGap
            {
                signals.append(
                    Signal(
                        side: left < right ? .left : .right,
                        text: "squeeze strength \(left) left against \(right) right"))
            }
        }
        if let stance = tests.singleLegStance, let side = oneSided(stance.map(\.hipDrop)) {
            signals.append(Signal(side: side, text: "hip drop on the \(side.rawValue) leg only"))
        }
        if let squat = tests.singleLegSquat, let side = oneSided(squat.map { $0.kneeValgus != .none }) {
            signals.append(Signal(side: side, text: "knee caves in on the \(side.rawValue) only"))
        }
        if let reach = tests.singleLegDeadlift, let side = oneSided(reach.map { $0.balance != .steady }) {
            signals.append(
                Signal(side: side, text: "balance \(reach[side].balance.rawValue) on the \(side.rawValue) only"))
        }
        return signals
    }

    /// The side that fails when exactly one side fails and both were observed.
    static func oneSided(_ failed: PerSide<Bool?>) -> Side? {
        guard let left = failed.left, let right = failed.right, left != right else { return nil }
        return left ? .left : .right
    }

    static func oneSided(_ failed: PerSide<Bool>) -> Side? {
        oneSided(failed.map { Optional($0) })
    }
}

/// Ties the two sides of a unilateral exercise together: weaker side first, and the stronger
/// side matches its reps (PRODUCT.md section 3).
///
/// Applied after each side has its own decision:
/// - **Stops spread.** When one side must stop (``ProgressionDecision/Action/stopAndSwap``) or
///   see a clinician, the other side gets the same action with reason `other-side-stopped`:
///   the exercise is swapped as a whole. See-a-clinician wins over stop-and-swap.
/// - **Variants wait.** The stronger side does not move to a harder variant unless the weaker
///   side moves to the same one; it holds with reason `matched-to-weaker-side`.
/// - **Reps are capped.** When both sides go on with the same exercise and measure, the
///   stronger side's target is lowered to the weaker side's. A capped rep progression becomes a
///   hold with reason `matched-to-weaker-side`; other actions (a load increase, say) keep their
///   action and get the lower target, with the cap appended to the reason.
///
/// The weaker side is the one given, or else the side whose next prescription is lighter, or at
/// the same load has the lower target. Loads in different units are not compared.
///
/// ```swift
/// let both = SideCoupling(weakerSide: .left).couple(PerSide(left: leftDecision, right: rightDecision))
/// ```
public struct SideCoupling: Sendable {
    /// The weaker side when known, or `nil` to infer it.
    public var weakerSide: Side?

    /// Creates a coupling.
    ///
    /// - Parameter weakerSide: The weaker side when known, or `nil` to infer it from the decisions.
    public init(weakerSide: Side? = nil) {
        self.weakerSide = weakerSide
    }

    /// Applies the coupling rules to a pair of decisions.
    ///
    /// - Parameter decisions: Each side's own decision.
    /// - Returns: The coupled decisions.
    public func couple(_ decisions: PerSide<ProgressionDecision>) -> PerSide<ProgressionDecision> {
        if let stopped = stoppingSide(decisions) {
            var result = decisions
            let source = decisions[stopped]
            let other = stopped.opposite
            if decisions[other].action != source.action {
                result[other].action = source.action
                result[other].next = nil
                result[other].loadChange = nil
                result[other].reason = ProgressionReason(
                    .otherSideStopped,
                    "The \(stopped.rawValue) side stopped "
                        + "this exercise (\(source.reason.text)) Both sides stop together.")
            }
            return result
        }
        guard let left = decisions.left.next, let right = decisions.right.next,
            let weaker = weakerSide ?? Self.inferWeaker(PerSide(left: left, right: right))
        else { return decisions }
        let stronger = weaker.opposite
        var result = decisions
        if decisions[stronger].action == .moveToHarder, left.exerciseID != right.exerciseID {
            result = waitForWeaker(decisions, stronger: stronger)
        }
        return capReps(result, weaker: weaker)
    }

    /// Lowers the stronger side's target to the weaker side's when both do the same exercise.
    private func capReps(_ decisions: PerSide<ProgressionDecision>, weaker: Side) -> PerSide<ProgressionDecision> {
        let stronger = weaker.opposite
        guard let weak = decisions[weaker].next, var capped = decisions[stronger].next,
            weak.exerciseID == capped.exerciseID, weak.measure == capped.measure,
            max(weak.target, capped.range.lowerBound) < capped.target
        else { return decisions }
        capped.target = max(weak.target, capped.range.lowerBound)
        var result = decisions
        result[stronger].next = capped
        let text =
            "The \(stronger.rawValue) side matches the weaker \(weaker.rawValue) side's "
            + "\(capped.amount(capped.target)) (weaker side first)."
        if result[stronger].action == .progressReps {
            result[stronger].action = .hold
            result[stronger].reason = ProgressionReason(.matchedToWeakerSide, text)
        } else {
            result[stronger].reason.text += " " + text
        }
        return result
    }

    /// Holds the stronger side on its current variant while the weaker side is not moving to the
    /// same harder one.
    private func waitForWeaker(_ decisions: PerSide<ProgressionDecision>, stronger: Side)
        -> PerSide<ProgressionDecision>
    {
        var result = decisions
        let current = decisions[stronger].current
        let weaker = stronger.opposite
        result[stronger].action = .hold
        result[stronger].next = current
        result[stronger].reason = ProgressionReason(
            .matchedToWeakerSide,
            "The \(stronger.rawValue) side is ready "
                + "for \(decisions[stronger].next?.exerciseID ?? "the harder variant"), but waits on \(current.exerciseID) "
                + "until the weaker \(weaker.rawValue) side gets there too (weaker side first).")
        return result
    }

    /// The side whose decision stops the exercise, preferring see-a-clinician; left first on a tie.
    private func stoppingSide(_ decisions: PerSide<ProgressionDecision>) -> Side? {
        for action in [ProgressionDecision.Action.seeClinician, .stopAndSwap] {
            if let side = decisions.sides(where: { $0.action == action }).first { return side }
        }
        return nil
    }

    /// The side with the lighter load, or at the same load the lower target; `nil` when equal or
    /// not comparable (different exercises, or loads in different units).
    static func inferWeaker(_ next: PerSide<Prescription>) -> Side? {
        guard next.left.exerciseID == next.right.exerciseID else { return nil }
        let left = next.left.load?.value ?? 0, right = next.right.load?.value ?? 0
        if left != right {
            guard next.left.load == nil || next.right.load == nil || next.left.load?.unit == next.right.load?.unit
            else { return nil }
            return left < right ? .left : .right
        }
        if next.left.target != next.right.target { return next.left.target < next.right.target ? .left : .right }
        return nil
    }
}

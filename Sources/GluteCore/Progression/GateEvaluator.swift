/// Decides which gates are open from the person's retest results.
///
/// For each test the latest retest that includes it counts, so a later failed retest closes a
/// gate again. A gate whose tests were never done stays closed (`gate-not-retested`); a gate
/// the evaluator has no rule for stays closed too.
///
/// ```swift
/// let open = GateEvaluator().openGates(from: retests)
/// open.contains(.noLoadedHinge)
/// ```
public struct GateEvaluator: Sendable {
    /// Whether one gate is open, and why.
    public struct Status: Sendable, Hashable {
        /// The gate.
        public var gate: Gate
        /// Whether it is open.
        public var isOpen: Bool
        /// Why: `gate-open`, `gate-closed` or `gate-not-retested`, with a sentence.
        public var reason: ProgressionReason
    }

    /// Creates an evaluator.
    public init() {}

    /// The status of each gate.
    ///
    /// - Parameters:
    ///   - retests: Retest results in any order.
    ///   - gates: The gates to evaluate, by default ``Gate/standard``.
    /// - Returns: One status per gate, in the order of `gates`.
    public func evaluate(_ retests: [RetestResult], gates: [Gate] = Gate.standard) -> [Status] {
        let latest = Latest(retests)
        return gates.map { status(of: $0, latest) }
    }

    /// The codes of the open gates.
    ///
    /// - Parameters:
    ///   - retests: Retest results in any order.
    ///   - gates: The gates to evaluate, by default ``Gate/standard``.
    /// - Returns: The codes of the gates that are open.
    public func openGates(from retests: [RetestResult], gates: [Gate] = Gate.standard) -> Set<Gate.Code> {
        Set(evaluate(retests, gates: gates).filter(\.isOpen).map(\.gate.code))
    }

    /// A condition's outcome: met, not met (with the failing detail), or not tested.
    private enum Check {
        case met(String)
        case failed(String)
        case untested(String)
    }

    private func status(of gate: Gate, _ latest: Latest) -> Status {
        let check: Check
        switch gate.code {
        case .noLoadedHinge: check = bridgeCheck(latest)
        case .noLoadSingleLeg: check = balanceCheck(latest)
        case .noBarbellHinge: check = both(bridgeCheck(latest), hingeCheck(latest))
        default: check = .failed("GluteCoach has no retest rule for this gate")
        }
        switch check {
        case .met(let detail):
            return Status(
                gate: gate, isOpen: true,
                reason: ProgressionReason(.gateOpen, "Open: \(detail)."))
        case .failed(let detail):
            return Status(
                gate: gate, isOpen: false,
                reason: ProgressionReason(
                    .gateClosed, "Closed until \(gate.until): \(detail)."))
        case .untested(let detail):
            return Status(
                gate: gate, isOpen: false,
                reason: ProgressionReason(
                    .gateNotRetested, "Closed until \(gate.until): \(detail)."))
        }
    }

    private func bridgeCheck(_ latest: Latest) -> Check {
        guard let (felt, date) = latest.bridge else { return .untested("the single-leg bridge has not been retested") }
        let off = felt.sides { $0 != .glutes }
        if off.isEmpty { return .met("single-leg bridge felt in the glutes on both sides (retest \(date))") }
        let parts = off.map { "\($0.rawValue) side \(Self.words(felt[$0]))" }
        return .failed("single-leg bridge felt on the \(parts.joined(separator: " and ")) (retest \(date))")
    }

    private func balanceCheck(_ latest: Latest) -> Check {
        guard let (balance, date) = latest.balance else {
            return .untested("the single-leg deadlift reach has not been retested")
        }
        let off = balance.sides { $0 != .steady }
        if off.isEmpty { return .met("single-leg deadlift reach steady on both sides (retest \(date))") }
        let parts = off.map { "\($0.rawValue) side \(balance[$0] == .lost ? "lost balance" : "wobbled")" }
        return .failed("in the single-leg deadlift reach the \(parts.joined(separator: " and the ")) (retest \(date))")
    }

    private func hingeCheck(_ latest: Latest) -> Check {
        guard let (passed, date) = latest.hinge else {
            return .untested("the hip-hinge wall test has not been retested")
        }
        return passed
            ? .met("hip-hinge wall test passed (retest \(date))")
            : .failed("hip-hinge wall test not passed (retest \(date))")
    }

    private func both(_ first: Check, _ second: Check) -> Check {
        switch (first, second) {
        case (.met(let a), .met(let b)): .met("\(a); \(b)")
        case (.failed(let a), _), (_, .failed(let a)): .failed(a)
        case (.untested(let a), _), (_, .untested(let a)): .untested(a)
        }
    }

    /// Where something was felt, as a phrase: "in the lower back", "nowhere in particular".
    static func words(_ felt: FeltIn) -> String {
        switch felt {
        case .glutes: "in the glutes"
        case .hamstrings: "in the hamstrings"
        case .lowerBack: "in the lower back"
        case .quads: "in the quads"
        case .nowhere: "nowhere in particular"
        }
    }

    /// The latest result of each test; among results of the same day, the later in the array wins.
    private struct Latest {
        var bridge: (PerSide<FeltIn>, CivilDate)?
        var balance: (PerSide<Balance>, CivilDate)?
        var hinge: (Bool, CivilDate)?

        init(_ retests: [RetestResult]) {
            let ordered = retests.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            for retest in ordered.map(\.element) {
                if let felt = retest.bridgeFeltIn { bridge = (felt, retest.date) }
                if let value = retest.deadliftBalance { balance = (value, retest.date) }
                if let passed = retest.hipHingePassed { hinge = (passed, retest.date) }
            }
        }
    }
}

/// A rule that keeps some work locked until a retest shows the person is ready for it.
///
/// PRODUCT.md section 3: "no loaded hinge while the bridge is felt in the lower back or
/// hamstrings (activation first, then retest); no added load on single-leg work while balance
/// wobbles". ``GateEvaluator`` decides from retest results which gates are open;
/// ``ProgressionExercise/gate`` names the gate an exercise waits for.
///
/// ```swift
/// Gate.noLoadedHinge.until   // "single-leg bridge felt in the glutes on both sides"
/// ```
public struct Gate: Sendable, Hashable {
    /// A stable gate code, as written in the plan's `gates` array.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The code text, kebab-case.
        public var rawValue: String
        /// Creates a code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code text.
        public var description: String { rawValue }

        /// No loaded hinge (deadlift variants, loaded hip thrusts, swings) yet.
        public static let noLoadedHinge = Code(rawValue: "no-loaded-hinge")
        /// No added load on single-leg work yet.
        public static let noLoadSingleLeg = Code(rawValue: "no-load-single-leg")
        /// No barbell hinge (conventional or Romanian deadlift with a bar) yet.
        public static let noBarbellHinge = Code(rawValue: "no-barbell-hinge")
    }

    /// The gate's code.
    public var code: Code
    /// The condition that opens it, in words ("single-leg bridge felt in the glutes on both sides").
    public var until: String

    /// Creates a gate.
    public init(code: Code, until: String) {
        self.code = code
        self.until = until
    }

    /// Loaded hinges wait until the single-leg bridge is felt in the glutes on both sides
    /// (PRODUCT.md section 3; assessment-format.md's example plan).
    public static let noLoadedHinge = Gate(
        code: .noLoadedHinge, until: "single-leg bridge felt in the glutes on both sides")

    /// Load on single-leg work waits until the single-leg deadlift reach is steady on both sides
    /// (PRODUCT.md section 3: "no added load on single-leg work while balance wobbles").
    public static let noLoadSingleLeg = Gate(
        code: .noLoadSingleLeg, until: "single-leg deadlift reach steady on both sides")

    /// Barbell hinges wait for the loaded-hinge condition and a passed hip-hinge wall test.
    ///
    /// Our choice: a heavy bar needs the hip-hinge pattern (PRODUCT.md's `hinge-deficit` finding
    /// calls for hinge drills first), while dumbbell hinges need only the bridge.
    public static let noBarbellHinge = Gate(
        code: .noBarbellHinge,
        until: "single-leg bridge felt in the glutes on both sides and the hip-hinge wall test passed")

    /// The gates the evaluator knows, in a fixed order.
    public static let standard: [Gate] = [.noLoadedHinge, .noLoadSingleLeg, .noBarbellHinge]

    /// What a gate waits for, in words: its ``until`` when it is a standard gate, else its code.
    public static func words(_ code: Code) -> String {
        standard.first { $0.code == code }.map { "until \($0.until)" } ?? code.rawValue
    }
}

/// Why the engine decided what it did: a stable machine code and a plain-English sentence.
///
/// Scripts and the coach dashboard match on ``code``; people read ``text``. Codes never change
/// meaning once published; the text may be reworded.
///
/// ```swift
/// decision.reason.code == .increaseLoad   // true
/// decision.reason.text   // "All 3 sets reached 12 reps ..."
/// ```
public struct ProgressionReason: Sendable, Hashable, CustomStringConvertible {
    /// A stable reason code, such as `increase-load`.
    ///
    /// A struct of static constants rather than an enum, so that new codes do not break
    /// callers that switch over the known ones.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The code as written in JSON, kebab-case.
        public var rawValue: String
        /// Creates a code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code text.
        public var description: String { rawValue }

        /// Nothing logged yet for this exercise and side: start with the prescription.
        public static let noHistory = Code(rawValue: "no-history")
        /// Pain of 7 or more: see a clinician.
        public static let severePain = Code(rawValue: "severe-pain")
        /// New numbness or tingling: see a clinician.
        public static let newNumbness = Code(rawValue: "new-numbness")
        /// Pain of 4 to 6: stop this exercise and swap it.
        public static let painStop = Code(rawValue: "pain-stop")
        /// Felt in the lower back once: easier variant with a pelvic-tilt cue.
        public static let lowerBack = Code(rawValue: "lower-back")
        /// Felt in the lower back twice: retest.
        public static let lowerBackRepeated = Code(rawValue: "lower-back-repeated")
        /// Balance lost once: hold.
        public static let balanceLost = Code(rawValue: "balance-lost")
        /// Balance lost twice: regress.
        public static let balanceLostRepeated = Code(rawValue: "balance-lost-repeated")
        /// Balance wobbled at the top of the range: the load is held.
        public static let balanceWobble = Code(rawValue: "balance-wobble")
        /// Felt in the hamstrings, quads or nowhere: hold.
        public static let feltElsewhere = Code(rawValue: "felt-elsewhere")
        /// Not felt in the glutes in three sessions running: retest the bridge.
        public static let feltElsewhereRepeated = Code(rawValue: "felt-elsewhere-repeated")
        /// Pain of 3: hold.
        public static let painElevated = Code(rawValue: "pain-elevated")
        /// Not every set reached the target: hold.
        public static let targetNotReached = Code(rawValue: "target-not-reached")
        /// Every set reached the target: one more rep (or second).
        public static let progressReps = Code(rawValue: "progress-reps")
        /// Every set reached the top of the range: more load.
        public static let increaseLoad = Code(rawValue: "increase-load")
        /// Every set reached the top of the range of bodyweight work: the harder variant.
        public static let moveToHarder = Code(rawValue: "move-to-harder")
        /// At the top of the range with nowhere harder to go: hold.
        public static let topOfRange = Code(rawValue: "top-of-range")
        /// At the top of the range, but a gate is still closed: hold.
        public static let gateClosed = Code(rawValue: "gate-closed")
        /// The stronger side's target was lowered to the weaker side's.
        public static let matchedToWeakerSide = Code(rawValue: "matched-to-weaker-side")
        /// The other side stopped the exercise, so this side stops too.
        public static let otherSideStopped = Code(rawValue: "other-side-stopped")
        /// A gate's condition was met on the latest retest.
        public static let gateOpen = Code(rawValue: "gate-open")
        /// A gate's condition has not been retested yet.
        public static let gateNotRetested = Code(rawValue: "gate-not-retested")
    }

    /// The machine code.
    public var code: Code
    /// One or two plain-English sentences.
    public var text: String

    /// Creates a reason.
    public init(_ code: Code, _ text: String) {
        self.code = code
        self.text = text
    }

    /// `"code: text"`.
    public var description: String { "\(code): \(text)" }
}

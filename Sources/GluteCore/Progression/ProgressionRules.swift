/// The thresholds of the progression rules, each with its source.
///
/// Every number the ``ProgressionEngine`` and ``GateEvaluator`` compare against lives here, so
/// that a change of rule is one edit with its citation next to it. `docs/progression.md` lists
/// the rules in the order the engine applies them.
public enum ProgressionRules {
    /// The smallest load increase, as a fraction of the current load (2 %).
    ///
    /// Source: ACSM position stand, Ratamess et al. 2009, *Progression Models in Resistance
    /// Training for Healthy Adults*: "increase load 2-10 % when the person can do the current
    /// load for 1-2 reps more than the target" (evidence.md section 5.1).
    public static let minimumLoadIncrease = 0.02

    /// The largest load increase, as a fraction of the current load (10 %).
    ///
    /// Source: ACSM 2009 (see ``minimumLoadIncrease``).
    ///
    /// When the equipment's smallest step is larger than this (a 1 kg step on a 6 kg dumbbell is
    /// 16.7 %), the engine still adds exactly one step and says so in the reason.
    public static let maximumLoadIncrease = 0.10

    /// The increase aimed for inside the ACSM range (5 %).
    ///
    /// The new load is the multiple of the equipment step closest to it. Our choice: the middle of ACSM 2009's 2-10 %, and the
    /// "2.5-5 %" practitioners give for double progression (evidence.md section 5.2).
    public static let preferredLoadIncrease = 0.05

    /// How much a regressed load drops (about 10 %, at least one step).
    ///
    /// Our choice: the mirror of
    /// the largest ACSM increase, so one regression undoes at most one or two increases.
    public static let loadRegression = 0.10

    /// The highest pain (0-10) at which the load may still go up.
    ///
    /// Source: PRODUCT.md section 4 ("load goes up only when ... pain stayed low"), with "low"
    /// fixed at 2 or below by the progression brief. Pain of 3 holds the exercise.
    public static let maximumPainForProgress = 2

    /// Pain (0-10) at or above which the exercise stops and is swapped.
    ///
    /// Source: PRODUCT.md section 4 ("pain stops it") and assessment-format.md, where `painNow`
    /// of 4 or more raises the `pain-now` finding.
    public static let stopPain = 4

    /// Pain (0-10) at or above which the person is told to see a clinician.
    ///
    /// Source: assessment-format.md (`pain-now` of 7 or more has severity `stop`) and PRODUCT.md
    /// section 2 (red flags and new neural symptoms stop the flow).
    public static let clinicianPain = 7

    /// How many of the latest sessions of one exercise and side the "twice" rules look at (3).
    ///
    /// "Twice" means: the problem is in the session being judged **and** in at least one of the
    /// two sessions before it (of the same exercise family and side, not counting sessions before
    /// a passed retest). So two problems in a row count, and so do two problems with one good
    /// session between them; two problems with two good sessions between them do not. Our
    /// choice: PRODUCT.md says "repeated problems ask for a retest" without a window, and
    /// evidence.md notes that "two consecutive sessions" is unverified for ACSM.
    public static let repeatWindow = 3

    /// How many sessions in ``repeatWindow`` make a problem "repeated" (2).
    public static let repeatCount = 2

    /// How many sessions running not felt in the glutes ask for the bridge retest (3).
    public static let feltElsewhereRun = 3
}

/// The numbers the finding rules use, each with where it comes from.
public enum FindingThresholds {
    /// Single-leg bridge reps differing by this fraction of the larger side or more count as an
    /// asymmetry.
    ///
    /// Source: the finding table of the assessment format (v1). For scale, healthy
    /// active men showed a limb symmetry index of 99 +/- 12 % on the single-leg bridge
    /// (Roberti et al. 2024, IJSPT 19(12)), so 20 % lies well outside the usual spread.
    public static let bridgeAsymmetryFraction = 0.20

    /// A bridge gap of this fraction or more makes the asymmetry `severe` rather than `moderate`.
    ///
    /// That is more than three standard deviations of the symmetry index in Roberti et al. 2024.
    public static let severeBridgeAsymmetryFraction = 0.40

    /// Squeeze strength ratings (0-10) differing by this many points or more count as an
    /// asymmetry.
    ///
    /// Source: the finding table of the assessment format (v1).
    public static let squeezeStrengthGap = 3

    /// Pain now at or above this (0-10) raises `pain-now`.
    ///
    /// Source: the assessment format (v1).
    public static let painFinding = 4

    /// Pain now at or above this stops the flow: no exercise plan.
    ///
    /// Source: the assessment format
    /// (v1); it matches the progression rule that sends pain of 7 or more to a clinician.
    public static let painStop = 7

    /// Pain now at or above this (and below ``painStop``) is `severe`.
    public static let painSevere = 6

    /// Sitting this many hours a day or more raises `prolonged-sitting`.
    ///
    /// Source: the assessment
    /// format (v1). The risk grows with total time and with bout length (Diaz et al. 2017).
    public static let prolongedSittingHours = 6.0

    /// A longest unbroken sitting stretch above this many minutes raises `prolonged-sitting`.
    ///
    /// Source: the assessment format (v1). Breaks every 20-30 minutes improved glucose and
    /// insulin after meals (Dunstan et al. 2012).
    public static let longestSittingMinutes = 60

    /// Sitting this many hours a day or more makes `prolonged-sitting` `moderate`.
    ///
    /// A judgement, not a published cut-off: nine hours is a whole working day seated, and in
    /// Diaz et al. 2017 the risk rose with total sedentary time (top quartile about 12.5 hours a
    /// day or more). A longest stretch of twice ``longestSittingMinutes`` counts the same way.
    public static let heavySittingHours = 9.0
}

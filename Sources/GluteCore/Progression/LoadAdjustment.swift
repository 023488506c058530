/// A change of load proposed by the engine, rounded to the equipment's step.
///
/// ``increase(from:increment:)`` follows ACSM 2009 (+2-10 %, see
/// ``ProgressionRules/minimumLoadIncrease``): the new load is a multiple of the step, above the
/// current load, between +2 % and +10 %, and as close to +5 % as the step allows (ties go to the
/// lighter load). When no multiple fits, because one step is more than 10 % of a light load, it
/// takes the lightest multiple that is at least 2 % heavier and sets ``isWithinGuideline`` to
/// `false`.
///
/// ```swift
/// let up = LoadAdjustment.increase(from: Load(60, .kg), increment: .standard)
/// up.to?.description   // "62.5 kg" (+4.2 %)
/// ```
public struct LoadAdjustment: Sendable, Hashable {
    /// The load before the change.
    public var from: Load
    /// The load after the change; `nil` when a regression leaves no external load.
    public var to: Load?
    /// The change in percent of ``from`` (positive for an increase); -100 when ``to`` is `nil`.
    public var percentChange: Double
    /// Whether an increase lies inside ACSM 2009's 2-10 %; always `true` for a decrease.
    public var isWithinGuideline: Bool

    /// Creates an adjustment.
    ///
    /// The engine builds them with ``increase(from:increment:)`` and
    /// ``decrease(from:increment:)``.
    public init(from: Load, to: Load?, percentChange: Double, isWithinGuideline: Bool) {
        self.from = from
        self.to = to
        self.percentChange = percentChange
        self.isWithinGuideline = isWithinGuideline
    }

    /// Loads above this are treated as input errors and left unchanged.
    static let largestLoad = 100_000.0
    /// Tolerance for comparing multiples of a step with a fraction of the load.
    private static let tolerance = 1e-9

    /// The next heavier load: +2-10 % (ACSM 2009), aiming at +5 %, rounded to the step.
    ///
    /// - Parameters:
    ///   - load: The current load. A load of zero or less gives one step.
    ///   - increment: The equipment's step.
    /// - Returns: The adjustment. An unusable load (not finite, or absurdly large) comes back
    ///   unchanged, with ``isWithinGuideline`` `false`.
    public static func increase(from load: Load, increment: LoadIncrement) -> LoadAdjustment {
        let step = increment.step(in: load.unit)
        let current = load.value
        guard current.isFinite, current < largestLoad else {
            return LoadAdjustment(from: load, to: load, percentChange: 0, isWithinGuideline: false)
        }
        guard current > 0 else {
            return LoadAdjustment(
                from: load, to: Load(step, load.unit), percentChange: 100,
                isWithinGuideline: false)
        }
        let firstAbove = Int((current / step + tolerance).rounded(.down)) + 1
        let lowest = max(
            firstAbove,
            Int(
                (current * (1 + ProgressionRules.minimumLoadIncrease) / step - tolerance)
                    .rounded(.up)))
        let highest = Int((current * (1 + ProgressionRules.maximumLoadIncrease) / step + tolerance).rounded(.down))
        let index: Int
        let within: Bool
        if lowest <= highest {
            let preferred = current * (1 + ProgressionRules.preferredLoadIncrease) / step
            let nearest = Int((preferred - 0.5).rounded(.up))  // ties go to the lighter load
            index = min(max(nearest, lowest), highest)
            within = true
        } else {
            index = lowest
            within = false
        }
        return make(from: load, value: Double(index) * step, within: within)
    }

    /// The next lighter load: about 10 % less (``ProgressionRules/loadRegression``), at least one
    /// step, rounded down to the step.
    ///
    /// - Parameters:
    ///   - load: The current load.
    ///   - increment: The equipment's step.
    /// - Returns: The adjustment; ``to`` is `nil` when nothing would be left.
    public static func decrease(from load: Load, increment: LoadIncrement) -> LoadAdjustment {
        let step = increment.step(in: load.unit)
        let current = load.value
        guard current.isFinite, current < largestLoad else {
            return LoadAdjustment(from: load, to: load, percentChange: 0, isWithinGuideline: true)
        }
        let highestBelow = Int((current / step - tolerance).rounded(.up)) - 1
        let target = Int((current * (1 - ProgressionRules.loadRegression) / step + tolerance).rounded(.down))
        let index = min(highestBelow, target)
        guard index > 0, current > 0 else {
            return LoadAdjustment(from: load, to: nil, percentChange: -100, isWithinGuideline: true)
        }
        return make(from: load, value: Double(index) * step, within: true)
    }

    private static func make(from load: Load, value: Double, within: Bool) -> LoadAdjustment {
        let to = Load(value, load.unit)
        return LoadAdjustment(
            from: load, to: to, percentChange: percentChange(from: load, to: to), isWithinGuideline: within)
    }

    /// The change from `from` to `to` in percent of `from`, as the adjustments compute it: -100
    /// when nothing is left, 100 from no load at all.
    static func percentChange(from: Load, to: Load?) -> Double {
        guard let to else { return -100 }
        return from.value > 0 ? (to.value - from.value) / from.value * 100 : 100
    }
}

/// Which side a logged set trained: one side, or both at once.
public enum LoggedSide: String, Sendable, CaseIterable, Hashable {
    /// The left side only.
    case left
    /// The right side only.
    case right
    /// Both sides together (a bilateral exercise).
    case both
}

/// Where the person felt a set working.
public enum FeltLocation: String, Sendable, CaseIterable, Hashable {
    /// In the glutes, as intended.
    case glutes
    /// In the hamstrings.
    case hamstrings
    /// In the lower back.
    case lowerBack
    /// In the front of the thighs.
    case quads
    /// Nowhere in particular.
    case nowhere
}

/// How steady the person was during a set.
public enum BalanceRating: String, Sendable, CaseIterable, Hashable {
    /// Steady throughout.
    case steady
    /// Wobbled but kept balance.
    case wobble
    /// Lost balance at least once.
    case lost
}

/// The unit of a load.
public enum LoadUnit: String, Sendable, CaseIterable, Hashable {
    /// Kilograms.
    case kg
    /// Pounds.
    case lb
}

/// What happened when a wake-up call came.
public enum WakeUpOutcome: String, Sendable, CaseIterable, Hashable {
    /// The person did the wake-up exercise.
    case done
    /// The person skipped it.
    case skip
}

/// An external load: a value and its unit.
public struct LoggedLoad: Sendable, Hashable {
    /// The amount, 0 to ``LoggedLoad/maximum``.
    public var value: Double
    /// The unit of ``value``.
    public var unit: LoadUnit

    /// The largest load the store accepts, in either unit.
    public static let maximum = 2000.0

    /// Creates a load.
    public init(_ value: Double, _ unit: LoadUnit) {
        self.value = value
        self.unit = unit
    }
}

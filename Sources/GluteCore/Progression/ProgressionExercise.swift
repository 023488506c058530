/// What the progression engine needs to know about one exercise.
///
/// This is deliberately small and separate from the exercise catalogue, so that the engine
/// can be used (and tested) on its own; the catalogue maps its entries onto it.
///
/// ```swift
/// let hipThrust = ProgressionExercise(
///     id: "barbell-hip-thrust", isLoadable: true, increment: .standard,
///     easier: "glute-bridge", harder: nil, isUnilateral: false, gate: .noLoadedHinge)
/// ```
public struct ProgressionExercise: Sendable, Hashable {
    /// The catalogue id, for example `"single-leg-glute-bridge"`.
    public var id: String
    /// Whether external load can be added.
    ///
    /// When `false`, reaching the top of the range moves the
    /// person to ``harder`` instead.
    public var isLoadable: Bool
    /// The equipment's load step (ignored when ``isLoadable`` is `false`).
    public var increment: LoadIncrement
    /// The id of the easier variant, the target of regressions.
    public var easier: String?
    /// The id of the harder variant, the target of progressions of bodyweight work.
    public var harder: String?
    /// Whether each side is trained on its own (split squat, single-leg bridge).
    public var isUnilateral: Bool
    /// A gate that must be open before this exercise gets harder (more load or the harder
    /// variant), for example ``Gate/Code/noLoadedHinge`` on a Romanian deadlift.
    public var gate: Gate.Code?
    /// The first load when a loadable exercise reaches the top of its range without a load;
    /// `nil` means one step of ``increment`` in kilograms.
    public var startingLoad: Load?

    /// Creates an exercise description.
    ///
    /// - Parameters:
    ///   - id: The catalogue id.
    ///   - isLoadable: Whether external load can be added.
    ///   - increment: The equipment's load step.
    ///   - easier: The id of the easier variant, if any.
    ///   - harder: The id of the harder variant, if any.
    ///   - isUnilateral: Whether each side is trained on its own.
    ///   - gate: A gate to pass before the exercise gets harder.
    ///   - startingLoad: The first load to add, if the default of one step does not fit.
    public init(
        id: String,
        isLoadable: Bool,
        increment: LoadIncrement = .fine,
        easier: String? = nil,
        harder: String? = nil,
        isUnilateral: Bool,
        gate: Gate.Code? = nil,
        startingLoad: Load? = nil
    ) {
        self.id = id
        self.isLoadable = isLoadable
        self.increment = increment
        self.easier = easier
        self.harder = harder
        self.isUnilateral = isUnilateral
        self.gate = gate
        self.startingLoad = startingLoad
    }

    /// The ids whose logs count as this exercise's history: the exercise and its variants.
    var family: Set<String> { Set([id, easier, harder].compactMap { $0 }) }
}

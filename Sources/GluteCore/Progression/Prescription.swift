/// What one side does next on one exercise: sets, a range, the target inside it, and the load.
///
/// Double progression keeps the load while the ``target`` climbs through the ``range``, one
/// rep (or second) at a time; at the top of the range the load goes up and the target drops
/// back to the bottom.
///
/// ```swift
/// let next = Prescription(exerciseID: "split-squat", side: .left, sets: 3,
///                         range: 8...12, target: 10, load: Load(10, .kg))
/// ```
public struct Prescription: Sendable, Hashable {
    /// What a set is counted in.
    public enum Measure: String, Sendable, Hashable, CaseIterable {
        /// Repetitions.
        case reps
        /// Seconds of a hold (planks, isometric bridges, squeezes).
        case seconds
    }

    /// The catalogue id of the exercise.
    public var exerciseID: String
    /// The side, or `nil` for a bilateral exercise done with both legs at once.
    public var side: Side?
    /// How many sets.
    public var sets: Int
    /// What a set is counted in.
    public var measure: Measure
    /// The range the target moves in, for example `8...12` reps or `20...45` seconds.
    public var range: ClosedRange<Int>
    /// The reps (or seconds) each set should reach, inside ``range``.
    public var target: Int
    /// The external load, or `nil` for bodyweight.
    public var load: Load?

    /// Creates a prescription.
    ///
    /// A target outside `range` is moved to its nearest end.
    ///
    /// - Parameters:
    ///   - exerciseID: The catalogue id.
    ///   - side: The side, or `nil` for bilateral work.
    ///   - sets: How many sets (at least 1).
    ///   - measure: Reps or seconds.
    ///   - range: The range of the target.
    ///   - target: The current target.
    ///   - load: The external load, or `nil`.
    public init(
        exerciseID: String,
        side: Side?,
        sets: Int,
        measure: Measure = .reps,
        range: ClosedRange<Int>,
        target: Int,
        load: Load? = nil
    ) {
        self.exerciseID = exerciseID
        self.side = side
        self.sets = max(1, sets)
        self.measure = measure
        self.range = range
        self.target = min(max(target, range.lowerBound), range.upperBound)
        self.load = load
    }

    /// The same prescription with another target, kept inside the range.
    func with(target: Int) -> Prescription {
        var copy = self
        copy.target = min(max(target, range.lowerBound), range.upperBound)
        return copy
    }

    /// The same prescription with another load (`nil` for bodyweight).
    func with(load: Load?) -> Prescription {
        var copy = self
        copy.load = load
        return copy
    }

    /// A variant of the exercise, started at the bottom of the range without load.
    func switched(to exerciseID: String) -> Prescription {
        Prescription(
            exerciseID: exerciseID, side: side, sets: sets, measure: measure, range: range,
            target: range.lowerBound, load: nil)
    }

    /// "12 reps" or "30 s".
    func amount(_ value: Int) -> String { measure == .reps ? "\(value) reps" : "\(value) s" }
}

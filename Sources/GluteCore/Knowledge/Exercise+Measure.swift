extension Exercise {
    /// The longest hold that is still counted in reps: short holds (a 5-second pelvic tilt) are
    /// repetitions of a hold, longer ones (a 30-second plank) are timed.
    public static let longestCountedHold = 10

    /// What a set of this exercise is counted in when it is logged: seconds for a timed hold,
    /// reps for everything else, short holds included.
    public var logMeasure: Prescription.Measure {
        guard let hold = holdSeconds, hold > Self.longestCountedHold else { return .reps }
        return .seconds
    }
}

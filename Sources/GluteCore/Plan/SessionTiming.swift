/// Estimates how long items and sessions take, so sessions fit the person's minutes.
enum SessionTiming {
    /// Seconds to get into position for an item.
    static let setupSeconds = 15
    /// Seconds between sets and sides in activation work.
    static let activationTransitionSeconds = 15

    /// Seconds an item takes: every set on every side, plus rest between them and set-up.
    static func seconds(_ item: PlanItem, _ exercise: Exercise) -> Int {
        let sides = exercise.isUnilateral ? 2 : 1
        let perSet = item.seconds ?? (item.reps ?? 0) * exercise.secondsPerRep
        let bouts = item.sets * sides
        return bouts * perSet + max(0, bouts - 1) * item.restSeconds + setupSeconds
    }

    /// Whole minutes (rounded up) for items paired with their exercises.
    static func minutes(_ items: [(item: PlanItem, exercise: Exercise)]) -> Int {
        minutes(seconds: items.reduce(0) { $0 + seconds($1.item, $1.exercise) })
    }

    /// Seconds rounded up to whole minutes.
    static func minutes(seconds: Int) -> Int { (seconds + 59) / 60 }
}

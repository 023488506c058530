import GluteCore

/// Shared exercises, prescriptions and logs for the progression tests.
enum ProgressionFixtures {
    /// 2026-11-02, a Monday.
    static let start = CivilDate(daysSinceEpoch: 20_759)

    /// The day `offset` days after ``start``.
    static func day(_ offset: Int) -> CivilDate { start.adding(days: offset) }

    /// A loadable unilateral exercise on dumbbells, with both variants.
    static let splitSquat = ProgressionExercise(
        id: "split-squat", isLoadable: true, increment: .fine, easier: "reverse-lunge-to-box",
        harder: "bulgarian-split-squat", isUnilateral: true)

    /// A bodyweight unilateral exercise with both variants.
    static let singleLegBridge = ProgressionExercise(
        id: "single-leg-glute-bridge", isLoadable: false, easier: "glute-bridge",
        harder: "single-leg-hip-thrust", isUnilateral: true)

    /// A bodyweight exercise with no variants.
    static let sideLyingAbduction = ProgressionExercise(
        id: "side-lying-abduction", isLoadable: false, isUnilateral: true)

    /// A loaded unilateral hinge behind the loaded-hinge gate, without an easier variant.
    static let singleLegRDL = ProgressionExercise(
        id: "single-leg-rdl", isLoadable: true, increment: .fine, isUnilateral: true, gate: .noLoadedHinge)

    /// A loaded bilateral hinge on a barbell, behind the loaded-hinge gate.
    static let hipThrust = ProgressionExercise(
        id: "barbell-hip-thrust", isLoadable: true, increment: .standard, easier: "glute-bridge",
        isUnilateral: false, gate: .noLoadedHinge)

    /// Three sets of 8-12 reps at `target`.
    static func prescription(
        _ exercise: ProgressionExercise, side: Side?, target: Int = 10, load: Load? = nil
    ) -> Prescription {
        Prescription(exerciseID: exercise.id, side: side, sets: 3, range: 8...12, target: target, load: load)
    }

    /// A log of `exercise` on `day`.
    static func log(
        _ exercise: ProgressionExercise, side: Side?, day: Int, sets: [Int], load: Load? = nil,
        felt: FeltIn = .glutes, balance: Balance = .steady, pain: Int = 0,
        numbness: Bool = false
    ) -> SessionLog {
        SessionLog(
            date: ProgressionFixtures.day(day), exerciseID: exercise.id, side: side, sets: sets, load: load,
            feltIn: felt, balance: balance, pain: pain, newNumbness: numbness)
    }
}

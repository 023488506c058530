/// Suggested first loads, deliberately light: the person picks a weight that leaves two or three
/// reps in reserve, and the progression rules adjust from the logs (ACSM 2009: novices train in
/// the 8-12 repetition range and raise load 2-10 % once they pass its top).
enum StartingLoad {
    /// The implement to load `exercise` with, preferring a barbell for heavy bilateral hip work.
    static func implement(for exercise: Exercise, available: [Equipment]) -> Equipment? {
        let order: [Equipment] =
            exercise.isUnilateral ? [.dumbbells, .kettlebell, .barbell] : [.barbell, .dumbbells, .kettlebell]
        return order.first { exercise.loadWith.contains($0) && available.contains($0) }
    }

    /// The first load for `exercise` with `implement`, in the person's units.
    static func load(for exercise: Exercise, implement: Equipment, experience: Experience, unit: LoadUnit) -> Load {
        let level = experience == .novice ? 0 : experience == .intermediate ? 1 : 2
        let kilograms: [Double]
        switch (implement, exercise.pattern, exercise.isUnilateral) {
        case (.barbell, .squat, _): kilograms = [20, 30, 50]
        case (.barbell, _, _): kilograms = [20, 40, 60]
        case (.dumbbells, .thrust, false), (.dumbbells, .bridge, false): kilograms = [10, 16, 24]
        case (.dumbbells, _, true): kilograms = [4, 8, 12]
        case (.dumbbells, _, false): kilograms = [6, 10, 14]
        case (.kettlebell, .hinge, false): kilograms = [12, 16, 20]
        case (.kettlebell, _, _): kilograms = [8, 12, 16]
        default: kilograms = [8, 12, 16]
        }
        let value = kilograms[level]
        switch unit {
        case .kg: return Load(value: value, unit: .kg)
        case .lb:
            // Barbells in pounds start at the 45 lb bar; other implements go in 5 lb steps.
            let pounds = (value * 2.20462 / 5).rounded() * 5
            return Load(value: implement == .barbell ? max(45, pounds) : max(5, pounds), unit: .lb)
        }
    }
}

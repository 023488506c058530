internal import GluteCore
internal import GluteJSON

/// How retests are kept in the store: the test's name and its result in the same shape as the
/// assessment format's test (for example `{"left":{"reps":20,"feltIn":"glutes"},"right":...}`).
enum RetestRecord {
    /// The retests `glute retest` knows, by the name kept in the store and the assessment key.
    static let tests: [(name: String, key: String)] = [
        ("single-leg-bridge", "singleLegBridge"), ("single-leg-deadlift", "singleLegDeadlift"),
        ("hip-hinge", "hipHinge"), ("single-leg-stance", "singleLegStance"), ("single-leg-squat", "singleLegSquat"),
        ("glute-squeeze", "gluteSqueeze"),
    ]

    /// The gate-relevant part of a stored retest.
    static func result(name: String, value: JSONValue, date: CivilDate) -> RetestResult {
        let object = value.objectValue
        func side(_ side: String, _ key: String) -> String? { object?[side]?.objectValue?[key]?.stringValue }
        switch name {
        case "single-leg-bridge":
            guard let left = side("left", "feltIn").flatMap(FeltIn.init(rawValue:)),
                let right = side("right", "feltIn").flatMap(FeltIn.init(rawValue:))
            else { return RetestResult(date: date) }
            return RetestResult(date: date, bridgeFeltIn: PerSide(left: left, right: right))
        case "single-leg-deadlift":
            guard let left = side("left", "balance").flatMap(Balance.init(rawValue:)),
                let right = side("right", "balance").flatMap(Balance.init(rawValue:))
            else { return RetestResult(date: date) }
            return RetestResult(date: date, deadliftBalance: PerSide(left: left, right: right))
        case "hip-hinge":
            if case .bool(let pass)? = object?["pass"] { return RetestResult(date: date, hipHingePassed: pass) }
            return RetestResult(date: date)
        default:
            return RetestResult(date: date)
        }
    }
}

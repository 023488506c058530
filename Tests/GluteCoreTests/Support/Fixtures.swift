import GluteJSON

@testable import GluteCore

/// Builders for assessments used across the core tests.
enum Fixtures {
    static let start = CivilDate(year: 2026, month: 11, day: 26)!

    static func knowledge() throws -> KnowledgeBase { try KnowledgeBase.bundled() }

    /// A balanced, healthy person with every test done and nothing wrong.
    static func healthy() -> Assessment {
        var tests = SelfTests()
        tests.singleLegBridge = PerSide(
            left: BridgeResult(reps: 25, feltIn: .glutes, pelvisLevel: true),
            right: BridgeResult(reps: 26, feltIn: .glutes, pelvisLevel: true))
        tests.gluteSqueeze = PerSide(
            left: SqueezeResult(isolated: .yes, strength: 7), right: SqueezeResult(isolated: .yes, strength: 7))
        tests.singleLegStance = PerSide(
            left: StanceResult(hipDrop: false, seconds: 30), right: StanceResult(hipDrop: false, seconds: 30))
        tests.singleLegSquat = PerSide(left: SquatResult(kneeValgus: .none), right: SquatResult(kneeValgus: .none))
        tests.singleLegDeadlift = PerSide(
            left: DeadliftReachResult(balance: .steady), right: DeadliftReachResult(balance: .steady))
        tests.hipHingePass = true
        tests.pelvicTilt = .neutral
        tests.bodyweightSquatFeltIn = .both
        let profile = Profile(
            age: 35, units: .kg, sittingHoursPerDay: 4, longestSittingMinutes: 45,
            workHours: WorkHours(
                start: ClockTime("09:00")!, end: ClockTime("17:00")!, days: [.mon, .tue, .wed, .thu, .fri]),
            goal: .stability, experience: .novice, equipment: [.band], trainingDays: [.mon, .wed, .fri],
            minutesPerSession: 30)
        return Assessment(profile: profile, screening: Screening(), tests: tests)
    }

    /// The JSON text of a valid healthy assessment, with `edit` applied to its object tree.
    static func json(_ edit: (inout JSONObject) -> Void = { _ in }) -> String {
        var root = try! JSONValue.parse(healthyJSON).objectValue!
        edit(&root)
        return JSONValue.object(root).serialized()
    }

    static let healthyJSON = """
        {"version":1,
         "profile":{"age":35,"units":"kg","sittingHoursPerDay":4,"longestSittingMinutes":45,
           "workHours":{"start":"09:00","end":"17:00","days":["mon","tue","wed","thu","fri"]},
           "goal":"stability","experience":"novice","equipment":["band"],"trainingDays":["mon","wed","fri"],
           "minutesPerSession":30},
         "screening":{"parq":{"heartCondition":false,"chestPain":false,"dizziness":false,"chronicCondition":false,
           "medication":false,"boneOrJointProblem":false,"supervisedOnly":false},
           "redFlags":{"saddleNumbness":false,"bladderOrBowelChange":false,"progressiveLegWeakness":false,
           "unexplainedWeightLoss":false,"constantNightPain":false,"recentTrauma":false},
           "symptoms":{"backAcheAfterWalking":false,"kneePain":false,"hipPain":false,"legNumbnessOrTingling":false,"painNow":0}},
         "tests":{"singleLegBridge":{"left":{"reps":25,"feltIn":"glutes","pelvisLevel":true},"right":{"reps":26,"feltIn":"glutes","pelvisLevel":true}},
           "hipHinge":{"pass":true},"pelvicTilt":"neutral"}}
        """
}

extension JSONObject {
    /// Sets the value at a dotted path, creating nothing: the path must exist up to its parent.
    mutating func set(_ path: String, _ value: JSONValue?) {
        var keys = path.split(separator: ".").map(String.init)
        let last = keys.removeLast()
        self = JSONObject.setting(self, keys[...], last, value)
    }

    private static func setting(_ object: JSONObject, _ keys: ArraySlice<String>, _ last: String, _ value: JSONValue?)
        -> JSONObject
    {
        var copy = object
        guard let first = keys.first else {
            copy[last] = value
            return copy
        }
        let child = copy[first]?.objectValue ?? JSONObject()
        copy[first] = .object(setting(child, keys.dropFirst(), last, value))
        return copy
    }
}

import GluteCore
import GluteJSON
import Testing

/// The JSON shapes callers rely on.
@Suite struct ProgressionJSONTests {
    @Test(arguments: Side.allCases)
    func aLoadIncreaseSerialisesWithStableFieldNames(side: Side) {
        let exercise = ProgressionFixtures.splitSquat
        let current = ProgressionFixtures.prescription(exercise, side: side, target: 12, load: Load(20, .kg))
        let log = ProgressionFixtures.log(
            exercise, side: side, day: 0, sets: [12, 12, 12], load: Load(20, .kg))
        let decision = ProgressionEngine().next(for: current, exercise: exercise, history: [log])
        let json = decision.jsonObject
        #expect(
            json.keys == [
                "exercise", "side", "action", "reason", "current", "next", "addPelvicTiltCue",
                "requestRetest", "retest", "loadChange",
            ])
        #expect(json["retest"] == .null)
        #expect(json["requestRetest"] == false)
        #expect(json["side"] == .string(side.rawValue))
        #expect(json["action"] == "increaseLoad")
        #expect(json["reason"]?.objectValue?["code"] == "increase-load")
        let next = json["next"]?.objectValue
        #expect(next?["target"] == 8)
        #expect(next?["range"] == .object(["low": 8, "high": 12]))
        #expect(next?["load"] == .object(["value": 21, "unit": "kg"]))
        #expect(json["loadChange"]?.objectValue?["percentChange"] == 5)
    }

    @Test func aStopHasNoNextPrescription() {
        let exercise = ProgressionFixtures.hipThrust
        let current = ProgressionFixtures.prescription(exercise, side: nil, load: Load(40, .kg))
        let log = ProgressionFixtures.log(exercise, side: nil, day: 0, sets: [10, 10, 10], pain: 5)
        let json = ProgressionEngine().next(for: current, exercise: exercise, history: [log]).jsonObject
        #expect(json["side"] == .null)
        #expect(json["next"] == .null)
        #expect(json["action"] == "stopAndSwap")
    }

    @Test(arguments: Side.allCases)
    func aRetestRequestNamesTheTest(side: Side) {
        let exercise = ProgressionFixtures.splitSquat
        let current = ProgressionFixtures.prescription(exercise, side: side, load: Load(10, .kg))
        let logs = [0, 2].map { day in
            ProgressionFixtures.log(exercise, side: side, day: day, sets: [10, 10, 10], felt: .lowerBack)
        }
        let json = ProgressionEngine().next(for: current, exercise: exercise, history: logs).jsonObject
        #expect(json["action"] == "retest")
        #expect(json["requestRetest"] == true)
        #expect(json["retest"] == "single-leg-bridge")
        #expect(json["addPelvicTiltCue"] == true)
    }

    @Test func gateStatusesSerialise() {
        let status = GateEvaluator().evaluate([])[0].jsonObject
        #expect(status.keys == ["code", "until", "open", "reason"])
        #expect(status["code"] == "no-loaded-hinge")
        #expect(status["open"] == false)
    }
}

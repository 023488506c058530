internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// Reads everything `glute progress` charts from the store and turns it into the engine's
/// plain ``ProgressInput``, dated in local time.
struct ProgressReader {
    let access: StoreAccess

    /// The input for the period of `weeks` weeks ending today.
    func input(weeks: Int) async throws -> ProgressInput {
        let store = access.store, person = access.person.id, io = access.io
        let plans = try await store.planHistory(for: person).compactMap { version -> ProgressInput.PlanPeriod? in
            guard let value = try? JSONValue.parse(version.planJSON), let plan = try? Plan.decode(value) else {
                return nil
            }
            return ProgressInput.PlanPeriod(plan: plan)
        }
        let sets = try await access.allSets().map { set in
            ProgressInput.LoggedSet(
                date: io.localDate(set.performedAt), exerciseID: set.exerciseID,
                side: set.side, reps: set.reps, load: set.load)
        }
        let wakeUps = try await store.wakeUpCalls(for: person, in: Self.allTime).map { call in
            ProgressInput.WakeUpAnswer(date: io.localDate(call.at), done: call.outcome == .done)
        }
        let assessments = try await store.assessments(for: person).map { record in
            ProgressInput.AssessmentPoint(
                date: io.localDate(record.takenAt),
                input: (try? JSONValue.parse(record.inputJSON)) ?? .null,
                output: (try? JSONValue.parse(record.outputJSON)) ?? .null)
        }
        let retests = try await store.retests(for: person, testName: "single-leg-bridge").compactMap { retest in
            Self.bridgeReps(retest.resultJSON).map {
                ProgressInput.BridgeRetest(date: io.localDate(retest.takenAt), reps: $0)
            }
        }
        return ProgressInput(
            today: io.today, weeks: weeks, plans: plans, sets: sets, wakeUps: wakeUps,
            assessments: assessments, bridgeRetests: retests)
    }

    /// Every instant the store can hold.
    static let allTime = Timestamp(millisecondsSince1970: 0)..<Timestamp(millisecondsSince1970: Int64.max)

    /// The reps per side of a stored single-leg bridge retest (`{"left":{"reps":20,...},"right":{...}}`).
    static func bridgeReps(_ resultJSON: String) -> PerSide<Int>? {
        guard let object = (try? JSONValue.parse(resultJSON))?.objectValue,
            let left = object["left"]?.objectValue?["reps"]?.numberValue,
            let right = object["right"]?.objectValue?["reps"]?.numberValue
        else { return nil }
        return PerSide(left: Int(left), right: Int(right))
    }
}

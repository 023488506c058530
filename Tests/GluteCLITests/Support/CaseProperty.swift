import GluteJSON

@testable import GluteCore

/// The properties of cases/README.md, checked on `glute assess --json` output.
enum CaseProperty {
    static func check(
        _ property: String, output: JSONObject, status: Int32, stderr: String, input: JSONObject,
        catalog: KnowledgeBase
    ) -> String? {
        if property.hasPrefix("error:") {
            let field = String(property.dropFirst("error:".count))
            if status != 65 { return "exit \(status), wanted 65" }
            let named = output["error"]?.objectValue?["field"]?.stringValue
            return named == field || stderr.contains(field) ? nil : "error does not name \(field)"
        }
        if status != 0 { return "exit \(status): \(stderr)" }
        let plan = output["plan"]?.objectValue
        if property == "noPlan" { return plan == nil ? nil : "a plan was produced" }
        guard let plan else { return "no plan" }
        let sessions = (plan["week"]?.arrayValue ?? []).flatMap { $0.objectValue?["sessions"]?.arrayValue ?? [] }
            .compactMap(\.objectValue)
        let items = sessions.flatMap { session in
            (session["items"]?.arrayValue ?? []).compactMap(\.objectValue).map { (session, $0) }
        }
        func exercise(_ item: JSONObject) -> Exercise? { item["exercise"]?.stringValue.flatMap(catalog.exercise) }
        func loaded(_ item: JSONObject) -> Bool { item["load"] != nil && item["load"] != .null }
        let profile = input["profile"]?.objectValue ?? JSONObject()
        switch property {
        case "activation>=3":
            return sessions.filter { $0["kind"] == "activation" }.count >= 3 ? nil : "fewer than 3 activation sessions"
        case "activationMinutes5to10":
            let bad = sessions.filter {
                $0["kind"] == "activation" && !(5...10).contains(Int($0["minutes"]?.numberValue ?? 0))
            }
            return bad.isEmpty ? nil : "activation outside 5-10 minutes"
        case "wakeUpEvery<=60":
            let every = plan["wakeUpCalls"]?.objectValue?["everyMinutes"]?.numberValue ?? 999
            return every <= 60 ? nil : "wake-up calls every \(every)"
        case "noLoadedHinge":
            return items.contains { loaded($1) && [.hinge, .thrust].contains(exercise($1)?.pattern) }
                ? "loaded hinge" : nil
        case "noLoadedSingleLeg":
            return items.contains { loaded($1) && exercise($1)?.isUnilateral == true } ? "loaded single-leg item" : nil
        case "noExternalLoad":
            return items.contains { loaded($1) } ? "external load" : nil
        case "equipmentOnly":
            let have = Set((profile["equipment"]?.arrayValue ?? []).compactMap(\.stringValue))
            let bad = items.filter { _, item in
                guard let exercise = exercise(item) else { return true }
                return !Set(exercise.equipment.map(\.rawValue)).isSubset(of: have)
            }
            return bad.isEmpty ? nil : "needs equipment the person lacks"
        case "sessionWithinBudget":
            let budget = profile["minutesPerSession"]?.numberValue ?? 0
            return sessions.allSatisfy { ($0["minutes"]?.numberValue ?? 0) <= budget } ? nil : "session over budget"
        case "mediusWork>=2":
            return items.filter { [.abduction, .rotation].contains(exercise($1)?.pattern) }.count >= 2
                ? nil : "too little medius work"
        case "squatNotPrimary":
            let bad = sessions.filter {
                $0["kind"] == "strength"
                    && ($0["items"]?.arrayValue?.first?.objectValue).flatMap(exercise)?.pattern == .squat
            }
            return bad.isEmpty ? nil : "a strength session starts with a squat"
        case "loadedHipThrust":
            return items.contains { loaded($1) && exercise($1)?.pattern == .thrust } ? nil : "no loaded hip thrust"
        default:
            if property.hasPrefix("weakerSideFirst:") {
                let side = String(property.dropFirst("weakerSideFirst:".count))
                let bad = items.filter { _, item in
                    exercise(item)?.isUnilateral == true
                        && ![side, "\(side)-first"].contains(item["side"]?.stringValue ?? "")
                }
                return bad.isEmpty ? nil : "unilateral items not \(side) first"
            }
            return "unknown property \(property)"
        }
    }
}

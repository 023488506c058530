public import GluteJSON

/// JSON forms of the progression values, for `glute next --json`, `glute log --json` and the API.
///
/// Field names follow the plan items of assessment-format.md (`exercise`, `side`, `sets`,
/// `load: { "value", "unit" }`), so a client can treat a next prescription like a plan item.
///
/// ```swift
/// print(JSONValue.object(decision.jsonObject).serialized())
/// ```
extension ProgressionDecision {
    /// `{ "exercise", "side", "action", "reason": { "code", "text" }, "current", "next",
    /// "addPelvicTiltCue", "requestRetest", "retest", "loadChange" }`; `next`, `retest` and `loadChange`
    /// may be `null`.
    public var jsonObject: JSONObject {
        [
            "exercise": .string(exerciseID),
            "side": .optional(side) { .string($0.rawValue) },
            "action": .string(action.rawValue),
            "reason": .object(reason.jsonObject),
            "current": .object(current.jsonObject),
            "next": .optional(next) { .object($0.jsonObject) },
            "addPelvicTiltCue": .bool(addPelvicTiltCue),
            "requestRetest": .bool(requestRetest),
            "retest": .optional(retest) { .string($0.rawValue) },
            "loadChange": .optional(loadChange) { .object($0.jsonObject) },
        ]
    }
}

extension ProgressionReason {
    /// `{ "code": "increase-load", "text": "..." }`.
    public var jsonObject: JSONObject { ["code": .string(code.rawValue), "text": .string(text)] }
}

extension Prescription {
    /// `{ "exercise", "side", "sets", "measure", "range": { "low", "high" }, "target", "load" }`;
    /// `side` and `load` may be `null`.
    public var jsonObject: JSONObject {
        [
            "exercise": .string(exerciseID),
            "side": .optional(side) { .string($0.rawValue) },
            "sets": .int(sets),
            "measure": .string(measure.rawValue),
            "range": .object(["low": .int(range.lowerBound), "high": .int(range.upperBound)]),
            "target": .int(target),
            "load": .optional(load) { .object($0.jsonObject) },
        ]
    }
}

extension Load {
    /// `{ "value": 22.5, "unit": "kg" }`.
    public var jsonObject: JSONObject { ["value": .number(value), "unit": .string(unit.rawValue)] }
}

extension LoadAdjustment {
    /// `{ "from", "to", "percentChange", "withinGuideline" }`; `to` may be `null`.
    public var jsonObject: JSONObject {
        [
            "from": .object(from.jsonObject),
            "to": .optional(to) { .object($0.jsonObject) },
            "percentChange": .number((percentChange * 10).rounded() / 10),
            "withinGuideline": .bool(isWithinGuideline),
        ]
    }
}

extension GateEvaluator.Status {
    /// `{ "code": "no-loaded-hinge", "until": "...", "open": false, "reason": { "code", "text" } }`.
    public var jsonObject: JSONObject {
        [
            "code": .string(gate.code.rawValue),
            "until": .string(gate.until),
            "open": .bool(isOpen),
            "reason": .object(reason.jsonObject),
        ]
    }
}

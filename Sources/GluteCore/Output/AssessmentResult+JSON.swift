public import GluteJSON

extension AssessmentResult {
    /// The result in the interchange format (`version`, `findings`, `plan`).
    public var jsonValue: JSONValue {
        .object([
            "version": 1,
            "findings": .array(findings.map(\.jsonValue)),
            "plan": .optional(plan, \.jsonValue),
        ])
    }
}

extension Finding {
    /// The finding as the interchange format writes it.
    public var jsonValue: JSONValue {
        .object([
            "code": .string(code.rawValue),
            "sides": .strings(sides.map(\.rawValue)),
            "severity": .string(severity.rawValue),
            "explanation": .string(explanation),
            "evidence": .strings(evidence),
        ])
    }
}

extension Plan {
    /// The plan as the interchange format writes it, with extra fields after the required ones.
    public var jsonValue: JSONValue {
        .object([
            "wakeUpCalls": wakeUpCalls.jsonValue,
            "week": .array(
                week.map { day in
                    .object(["day": .string(day.day.rawValue), "sessions": .array(day.sessions.map(\.jsonValue))])
                }),
            "gates": .array(
                gates.map { gate in
                    .object([
                        "code": .string(gate.code), "until": .string(gate.until), "blocks": .string(gate.blocks),
                        "why": .strings(gate.why),
                    ])
                }),
            "reassessOn": .string(reassessOn.description),
            "startsOn": .string(startsOn.description),
            "ergonomics": .array(ergonomics.map { .object(["id": .string($0.id), "text": .string($0.text)]) }),
            "notes": .strings(notes),
        ])
    }
}

extension WakeUpCalls {
    var jsonValue: JSONValue {
        .object([
            "everyMinutes": .int(everyMinutes),
            "during": .object([
                "start": .string(start.description), "end": .string(end.description),
                "days": .strings(days.map(\.rawValue)),
            ]),
            "options": .strings(options.map(\.text)),
            "items": .array(
                options.map { option in
                    .object([
                        "exercise": .string(option.exercise),
                        "reps": .optional(option.reps, JSONValue.int),
                        "seconds": .optional(option.seconds, JSONValue.int),
                        "weakerSide": .optional(option.weakerSide) { .string($0.rawValue) },
                        "weakerSideExtraSeconds": .optional(option.weakerSideExtraSeconds, JSONValue.int),
                    ])
                }),
            "why": .strings(why),
        ])
    }
}

extension Session {
    var jsonValue: JSONValue {
        .object([
            "kind": .string(kind.rawValue),
            "minutes": .int(minutes),
            "focus": .string(focus),
            "items": .array(items.map(\.jsonValue)),
        ])
    }
}

extension PlanItem {
    var jsonValue: JSONValue {
        .object([
            "exercise": .string(exercise),
            "side": .string(side.rawValue),
            "sets": .int(sets),
            "reps": .optional(reps, JSONValue.int),
            "seconds": .optional(seconds, JSONValue.int),
            "load": .optional(load) { .object(["value": .number($0.value), "unit": .string($0.unit.rawValue)]) },
            "repRange": .optional(repRange) { .array([.int($0.lowerBound), .int($0.upperBound)]) },
            "implement": .optional(implement) { .string($0.rawValue) },
            "restSeconds": .int(restSeconds),
            "why": .strings(why),
            "note": .optional(note, JSONValue.string),
        ])
    }
}

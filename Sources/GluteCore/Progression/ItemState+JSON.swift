public import GluteJSON

/// The JSON form a progression state is kept in, and read back from.
///
/// Field names follow the values' own JSON forms (``Prescription/jsonObject``,
/// ``ProgressionDecision/jsonObject``), so a stored state reads like `glute next --json`.
extension ItemState {
    /// `{ "key", "current", "decision", "sessions", "recent", "retestDue" }`.
    public var jsonValue: JSONValue {
        .object([
            "key": .string(key.description),
            "current": .object(current.jsonObject),
            "decision": .optional(decision) { .object($0.jsonObject) },
            "sessions": .int(sessions),
            "recent": .array(recent.map { .object($0.jsonObject) }),
            "retestDue": .optional(retestDue) { .string($0.rawValue) },
        ])
    }

    /// Reads a state written by ``jsonValue``.
    ///
    /// - Throws: ``FieldError`` naming the first field that does not fit.
    public init(json value: JSONValue) throws(FieldError) {
        let reader = try JSONObjectReader(
            value, path: "", allowedKeys: ["key", "current", "decision", "sessions", "recent", "retestDue"])
        let keyText = try reader.requiredString("key")
        guard let key = ItemKey(keyText) else {
            throw FieldError(field: "key", message: "must be kind/exercise/side")
        }
        let decision = try reader.value("decision").flatMap { value throws(FieldError) -> ProgressionDecision? in
            value == .null ? nil : try ProgressionDecision(json: value, path: "decision")
        }
        var recent: [SessionLog] = []
        if case .array(let elements)? = reader.value("recent") {
            for (index, element) in elements.enumerated() {
                recent.append(try SessionLog(json: element, path: "recent[\(index)]"))
            }
        }
        self.init(
            key: key, current: try Prescription(json: try reader.required("current"), path: "current"),
            decision: decision, sessions: try reader.requiredInt("sessions", in: 0...Int.max / 2), recent: recent,
            retestDue: try reader.enumValue("retestDue"))
    }
}

extension Prescription {
    /// Reads the form written by ``jsonObject``.
    public init(json value: JSONValue, path: String) throws(FieldError) {
        let reader = try JSONObjectReader(
            value, path: path, allowedKeys: ["exercise", "side", "sets", "measure", "range", "target", "load"])
        guard let range = try reader.object("range", allowedKeys: ["low", "high"]) else {
            throw FieldError(field: reader.field("range"), message: "is required")
        }
        let low = try range.requiredInt("low", in: 0...100_000)
        let high = try range.requiredInt("high", in: low...100_000)
        self.init(
            exerciseID: try reader.requiredString("exercise"), side: try reader.enumValue("side"),
            sets: try reader.requiredInt("sets", in: 1...100), measure: try reader.requiredEnum("measure"),
            range: low...high, target: try reader.requiredInt("target", in: 0...100_000),
            load: try Load(optionalJSON: reader.value("load"), path: reader.field("load")))
    }
}

extension Load {
    /// Reads `{ "value", "unit" }`; `nil` for an absent or `null` value.
    public init?(optionalJSON value: JSONValue?, path: String) throws(FieldError) {
        guard let value, value != .null else { return nil }
        let reader = try JSONObjectReader(value, path: path, allowedKeys: ["value", "unit"])
        self.init(try reader.requiredNumber("value", in: 0...Load.maximum), try reader.requiredEnum("unit"))
    }
}

extension ProgressionDecision {
    /// Reads the form written by ``jsonObject``.
    public init(json value: JSONValue, path: String) throws(FieldError) {
        let reader = try JSONObjectReader(
            value, path: path,
            allowedKeys: [
                "exercise", "side", "action", "reason", "current", "next", "addPelvicTiltCue", "requestRetest",
                "retest", "loadChange",
            ])
        guard let reason = try reader.object("reason", allowedKeys: ["code", "text"]) else {
            throw FieldError(field: reader.field("reason"), message: "is required")
        }
        let next = try reader.value("next").flatMap { value throws(FieldError) -> Prescription? in
            value == .null ? nil : try Prescription(json: value, path: reader.field("next"))
        }
        let change = try reader.value("loadChange").flatMap { value throws(FieldError) -> LoadAdjustment? in
            guard value != .null else { return nil }
            let change = try JSONObjectReader(
                value, path: reader.field("loadChange"),
                allowedKeys: ["from", "to", "percentChange", "withinGuideline"])
            guard let from = try Load(optionalJSON: change.value("from"), path: change.field("from")) else {
                throw FieldError(field: change.field("from"), message: "is required")
            }
            let to = try Load(optionalJSON: change.value("to"), path: change.field("to"))
            // The written percentage is rounded to a tenth; the exact one follows from the two loads,
            // so a kept state reads back equal to the one replayed from the logs.
            let written = try change.requiredNumber("percentChange", in: -1000...1000)
            let exact = LoadAdjustment.percentChange(from: from, to: to)
            return LoadAdjustment(
                from: from, to: to,
                percentChange: ((exact * 10).rounded() / 10 == written) ? exact : written,
                isWithinGuideline: try change.bool("withinGuideline") ?? true)
        }
        self.init(
            current: try Prescription(json: try reader.required("current"), path: reader.field("current")),
            action: try reader.requiredEnum("action"), next: next,
            reason: ProgressionReason(
                ProgressionReason.Code(rawValue: try reason.requiredString("code")), try reason.requiredString("text")),
            addPelvicTiltCue: try reader.bool("addPelvicTiltCue") ?? false, retest: try reader.enumValue("retest"),
            loadChange: change)
    }
}

extension SessionLog {
    /// `{ "date", "exercise", "side", "sets", "load", "feltIn", "balance", "rpe", "pain", "numbness" }`.
    public var jsonObject: JSONObject {
        [
            "date": .string(date.description),
            "exercise": .string(exerciseID),
            "side": .optional(side) { .string($0.rawValue) },
            "sets": .array(sets.map(JSONValue.int)),
            "load": .optional(load) { .object($0.jsonObject) },
            "feltIn": .string(feltIn.rawValue),
            "balance": .string(balance.rawValue),
            "rpe": .optional(rpe, JSONValue.number),
            "pain": .int(pain),
            "numbness": .bool(newNumbness),
        ]
    }

    /// Reads the form written by ``jsonObject``.
    public init(json value: JSONValue, path: String) throws(FieldError) {
        let reader = try JSONObjectReader(
            value, path: path,
            allowedKeys: ["date", "exercise", "side", "sets", "load", "feltIn", "balance", "rpe", "pain", "numbness"])
        guard let date = CivilDate(try reader.requiredString("date")) else {
            throw FieldError(field: reader.field("date"), message: "must be a date like 2026-11-30")
        }
        var sets: [Int] = []
        if case .array(let elements)? = reader.value("sets") {
            for (index, element) in elements.enumerated() {
                sets.append(
                    try JSONObjectReader.int(element, field: "\(reader.field("sets"))[\(index)]", in: 0...100_000))
            }
        }
        self.init(
            date: date, exerciseID: try reader.requiredString("exercise"), side: try reader.enumValue("side"),
            sets: sets, load: try Load(optionalJSON: reader.value("load"), path: reader.field("load")),
            feltIn: try reader.requiredEnum("feltIn"), balance: try reader.requiredEnum("balance"),
            rpe: try reader.number("rpe", in: 0...10), pain: try reader.requiredInt("pain", in: 0...10),
            newNumbness: try reader.bool("numbness") ?? false)
    }
}

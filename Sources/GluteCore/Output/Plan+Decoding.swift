public import GluteJSON

extension Plan {
    /// Reads a plan back from the JSON that ``jsonValue`` writes (for example one kept in the
    /// store), strictly: a damaged plan names the field.
    public static func decode(_ value: JSONValue, path: String = "plan") throws(FieldError) -> Plan {
        let root = try JSONObjectReader(
            value, path: path,
            allowedKeys: [
                "wakeUpCalls", "week", "gates", "reassessOn", "startsOn", "ergonomics", "notes",
            ])
        let calls = try root.requiredObject(
            "wakeUpCalls", allowedKeys: ["everyMinutes", "during", "options", "items", "why"])
        let during = try calls.requiredObject("during", allowedKeys: ["start", "end", "days"])
        var options: [WakeUpOption] = []
        let texts = try strings(calls, "options")
        for (index, item) in try array(calls, "items").enumerated() {
            let reader = try JSONObjectReader(
                item, path: calls.field("items") + "[\(index)]",
                allowedKeys: ["exercise", "reps", "seconds", "weakerSide", "weakerSideExtraSeconds"])
            options.append(
                WakeUpOption(
                    exercise: try reader.requiredString("exercise"), reps: try reader.int("reps", in: 0...1000),
                    seconds: try reader.int("seconds", in: 0...3600),
                    weakerSideExtraSeconds: try reader.int("weakerSideExtraSeconds", in: 0...3600),
                    weakerSide: try reader.enumValue("weakerSide"), text: index < texts.count ? texts[index] : ""))
        }
        let wakeUpCalls = WakeUpCalls(
            everyMinutes: try calls.requiredInt("everyMinutes", in: 1...1440), start: try time(during, "start"),
            end: try time(during, "end"), days: try during.requiredEnumSet("days"), options: options,
            why: try strings(calls, "why"))
        var week: [PlanDay] = []
        for (index, dayValue) in try array(root, "week").enumerated() {
            let day = try JSONObjectReader(
                dayValue, path: root.field("week") + "[\(index)]", allowedKeys: ["day", "sessions"])
            var sessions: [Session] = []
            for (sessionIndex, sessionValue) in try array(day, "sessions").enumerated() {
                sessions.append(try session(sessionValue, path: day.field("sessions") + "[\(sessionIndex)]"))
            }
            week.append(PlanDay(day: try day.requiredEnum("day"), sessions: sessions))
        }
        var gates: [PlanGate] = []
        for (index, gateValue) in try array(root, "gates").enumerated() {
            let gate = try JSONObjectReader(
                gateValue, path: root.field("gates") + "[\(index)]", allowedKeys: ["code", "until", "blocks", "why"])
            gates.append(
                PlanGate(
                    code: try gate.requiredString("code"), until: try gate.requiredString("until"),
                    blocks: try gate.requiredString("blocks"), why: try strings(gate, "why")))
        }
        var ergonomics: [ChecklistItem] = []
        for (index, itemValue) in try array(root, "ergonomics").enumerated() {
            let item = try JSONObjectReader(
                itemValue, path: root.field("ergonomics") + "[\(index)]", allowedKeys: ["id", "text"])
            ergonomics.append(ChecklistItem(id: try item.requiredString("id"), text: try item.requiredString("text")))
        }
        return Plan(
            startsOn: try date(root, "startsOn"), wakeUpCalls: wakeUpCalls, week: week, gates: gates,
            reassessOn: try date(root, "reassessOn"), ergonomics: ergonomics, notes: try strings(root, "notes"))
    }

    private static func session(_ value: JSONValue, path: String) throws(FieldError) -> Session {
        let reader = try JSONObjectReader(value, path: path, allowedKeys: ["kind", "minutes", "focus", "items"])
        var items: [PlanItem] = []
        for (index, itemValue) in try array(reader, "items").enumerated() {
            let item = try JSONObjectReader(
                itemValue, path: reader.field("items") + "[\(index)]",
                allowedKeys: [
                    "exercise", "side", "sets", "reps", "seconds", "load", "repRange", "implement", "restSeconds",
                    "why", "note",
                ])
            var load: Load?
            if let loadReader = try item.object("load", allowedKeys: ["value", "unit"]) {
                load = Load(
                    value: try loadReader.requiredNumber("value", in: 0...2000),
                    unit: try loadReader.requiredEnum("unit"))
            }
            var range: ClosedRange<Int>?
            if let bounds = item.value("repRange") {
                guard case .array(let pair) = bounds, pair.count == 2 else {
                    throw FieldError(field: item.field("repRange"), message: "must be [low, high]")
                }
                let low = try JSONObjectReader.int(pair[0], field: item.field("repRange") + "[0]", in: 0...1000)
                let high = try JSONObjectReader.int(pair[1], field: item.field("repRange") + "[1]", in: low...1000)
                range = low...high
            }
            items.append(
                PlanItem(
                    exercise: try item.requiredString("exercise"), side: try item.requiredEnum("side"),
                    sets: try item.requiredInt("sets", in: 1...20), reps: try item.int("reps", in: 0...1000),
                    repRange: range,
                    seconds: try item.int("seconds", in: 0...3600), load: load,
                    implement: try item.enumValue("implement"),
                    restSeconds: try item.requiredInt("restSeconds", in: 0...3600), why: try strings(item, "why"),
                    note: try item.string("note")))
        }
        return Session(
            kind: try reader.requiredEnum("kind"), minutes: try reader.requiredInt("minutes", in: 0...600),
            focus: try reader.requiredString("focus"), items: items)
    }

    private static func array(_ reader: JSONObjectReader, _ key: String) throws(FieldError) -> [JSONValue] {
        guard let value = reader.value(key) else { return [] }
        guard case .array(let elements) = value else {
            throw FieldError(field: reader.field(key), message: "must be an array")
        }
        return elements
    }

    private static func strings(_ reader: JSONObjectReader, _ key: String) throws(FieldError) -> [String] {
        var result: [String] = []
        for (index, element) in try array(reader, key).enumerated() {
            result.append(try JSONObjectReader.string(element, field: reader.field(key) + "[\(index)]"))
        }
        return result
    }

    private static func time(_ reader: JSONObjectReader, _ key: String) throws(FieldError) -> ClockTime {
        let text = try reader.requiredString(key)
        guard let time = ClockTime(text) else { throw FieldError(field: reader.field(key), message: "must be HH:MM") }
        return time
    }

    private static func date(_ reader: JSONObjectReader, _ key: String) throws(FieldError) -> CivilDate {
        let text = try reader.requiredString(key)
        guard let date = CivilDate(text) else {
            throw FieldError(field: reader.field(key), message: "must be YYYY-MM-DD")
        }
        return date
    }
}

internal import GluteCore
public import GluteJSON
internal import GluteStore

extension TodayView {
    /// `{ "date", "day", "planVersion", "status", "stop", "sessions", "wakeUpCalls", "closedGates",
    /// "retestDue", "retestsDue", "reassessDue", "reassessOn" }`.
    ///
    /// Each session item has `exercise`, `side`, `prescription` (one per side), `loggedToday` and
    /// `logged` (what was done today, for this item). After a stop, `status` is `"stopped"`,
    /// `stop` says why, and nothing is prescribed.
    public var jsonValue: JSONValue {
        .object([
            "date": .string(date.description),
            "day": .string(date.weekday.rawValue),
            "planVersion": .int(version.version),
            "status": .string(stop == nil ? "active" : "stopped"),
            "stop": .optional(stop, \.jsonValue),
            "sessions": .array(
                sessions.map { session in
                    .object([
                        "kind": .string(session.kind.rawValue), "minutes": .int(session.minutes),
                        "focus": .string(session.focus),
                        "items": .array(
                            session.items.map { item in
                                .object([
                                    "exercise": .string(item.item.exercise), "side": .string(item.item.side.rawValue),
                                    "items": .strings(item.keys.map(\.description)),
                                    "prescription": .array(item.prescriptions.map { .object($0.jsonObject) }),
                                    "loggedToday": .bool(item.isDone),
                                    "logged": .array(item.logged.map(Self.logged)),
                                ])
                            }),
                    ])
                }),
            "wakeUpCalls": .optional(wakeUps) { calls in
                .object([
                    "planned": .int(calls.planned), "dueSoFar": .int(calls.dueSoFar), "done": .int(calls.done),
                    "skipped": .int(calls.skipped), "workDay": .bool(calls.isWorkDay),
                    "everyMinutes": .int(calls.calls.everyMinutes), "start": .string(calls.calls.start.description),
                    "end": .string(calls.calls.end.description),
                    "next": .optional(calls.next) { .string("\($0.date)T\($0.time)") },
                ])
            },
            "closedGates": .array(
                closedGates.map {
                    .object(["code": .string($0.code), "until": .string($0.until), "blocks": .string($0.blocks)])
                }),
            "retestDue": .bool(!retestsDue.isEmpty),
            "retestsDue": .array(
                retestsDue.map { entry in
                    .object(["test": .string(entry.kind.rawValue), "items": .strings(entry.items.map(\.description))])
                }),
            "reassessDue": .bool(reassessDue),
            "reassessOn": .optional(reassessOn) { .string($0.description) },
        ])
    }

    private static func logged(_ session: SessionLog) -> JSONValue { .object(session.jsonObject) }
}

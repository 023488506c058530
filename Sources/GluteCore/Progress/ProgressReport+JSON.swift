public import GluteJSON

extension ProgressReport {
    /// The report as the `glute progress --json` document (version 1).
    ///
    /// Dates are `YYYY-MM-DD`; asymmetry indices are rounded to three decimals; a side that was
    /// not measured is `null`. The shape is documented in `docs/daily-loop.md`.
    ///
    /// ```swift
    /// print(ProgressCalculator.report(input).jsonValue.serialized())
    /// ```
    public var jsonValue: JSONValue {
        .object([
            "version": 1,
            "from": .string(from.description),
            "to": .string(to.description),
            "adherence": .object([
                "activation": .array(
                    weeks.map { week in
                        .object([
                            "weekOf": .string(week.weekOf.description), "sessions": .int(week.sessions),
                            "target": .int(week.target),
                        ])
                    }),
                "wakeUps": .array(
                    wakeUps.map { day in
                        .object([
                            "date": .string(day.date.description), "planned": .int(day.planned),
                            "done": .int(day.done), "skipped": .int(day.skipped), "uncounted": .int(day.uncounted),
                        ])
                    }),
            ]),
            "asymmetry": .array(
                asymmetry.map { series in
                    .object([
                        "test": .string(series.test),
                        "points": .array(
                            series.points.map { point in
                                .object([
                                    "date": .string(point.date.description), "source": .string(point.source.rawValue),
                                    "left": .int(point.values.left), "right": .int(point.values.right),
                                    "index": .number((point.index * 1000).rounded() / 1000),
                                ])
                            }),
                    ])
                }),
            "bridgeReps": .array(
                bridgeReps.map { point in
                    .object([
                        "date": .string(point.date.description), "source": .string(point.source.rawValue),
                        "left": .optional(point.left, JSONValue.int), "right": .optional(point.right, JSONValue.int),
                    ])
                }),
            "loads": .array(
                loads.map { series in
                    .object([
                        "exercise": .string(series.exerciseID),
                        "points": .array(
                            series.points.map { point in
                                .object([
                                    "date": .string(point.date.description), "value": .number(point.load.value),
                                    "unit": .string(point.load.unit.rawValue),
                                ])
                            }),
                    ])
                }),
            "findings": .object([
                "firstOn": .optional(findings.firstOn) { .string($0.description) },
                "latestOn": .optional(findings.latestOn) { .string($0.description) },
                "first": .strings(findings.first),
                "latest": .strings(findings.latest),
                "resolved": .strings(findings.resolved),
                "new": .strings(findings.new),
            ]),
        ])
    }
}

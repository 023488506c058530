public import GluteJSON

extension FormAnalysis {
    /// The version of the output format of `landmarks-format.md`.
    public static let formatVersion = 1

    /// The analysis as the JSON of `glute analyze --json` (`landmarks-format.md`, version 1).
    ///
    /// Times are seconds from the start of the file, rounded to 0.01 s; angles (`…Degrees`) are
    /// degrees, rounded to 0.1; `hipKneeRatio` has no unit and `depth` is a fraction of the standing
    /// leg's height in the image (a bridge's: of the hip width), both rounded to 0.01. A value the
    /// test, the view or an unknown image size (``metricsNeedingImageSize``) cannot give is `null`.
    public var jsonValue: JSONValue {
        var sidesObject = JSONObject()
        for result in measuredSides {
            sidesObject[result.side.rawValue] = .object([
                "reps": .array(result.reps.map(\.jsonValue)),
                "summary": .object(result.summary.jsonObject),
            ])
        }
        return .object([
            "version": .int(Self.formatVersion),
            "test": .string(test.rawValue),
            "view": .string(view.rawValue),
            "frames": .int(frames),
            "framesUsed": .int(framesUsed),
            "sides": .object(sidesObject),
            "warnings": .strings(warnings),
        ])
    }

    static func rounded(_ value: Double?, places: Int) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let result = (value * scale).rounded() / scale
        return .number(result == 0 ? 0 : result)
    }
}

extension RepetitionResult {
    /// One entry of a side's `reps` array.
    public var jsonValue: JSONValue {
        .object([
            "start": FormAnalysis.rounded(start, places: 2),
            "bottom": FormAnalysis.rounded(bottom, places: 2),
            "end": FormAnalysis.rounded(end, places: 2),
            "fppaDegrees": FormAnalysis.rounded(fppaDegrees, places: 1),
            "pelvicDropDegrees": FormAnalysis.rounded(pelvicDropDegrees, places: 1),
            "trunkLeanDegrees": FormAnalysis.rounded(trunkLeanDegrees, places: 1),
            "hipFlexionDegrees": FormAnalysis.rounded(hipFlexionDegrees, places: 1),
            "kneeFlexionDegrees": FormAnalysis.rounded(kneeFlexionDegrees, places: 1),
            "hipKneeRatio": FormAnalysis.rounded(hipKneeRatio, places: 2),
            "depth": FormAnalysis.rounded(depth, places: 2),
        ])
    }
}

extension SideSummary {
    /// A side's `summary` object; `pattern` appears only for a side-view hinge or squat.
    public var jsonObject: JSONObject {
        var object: JSONObject = [
            "reps": .int(reps),
            "fppaDegrees": Self.statistic(fppaDegrees),
            "pelvicDropDegrees": Self.statistic(pelvicDropDegrees),
            "kneeValgus": .optional(kneeValgus) { .string($0.rawValue) },
            "hipDrop": .optional(hipDrop) { .bool($0) },
        ]
        if let pattern { object["pattern"] = .string(pattern.rawValue) }
        object["interpretation"] = .string(interpretation)
        return object
    }

    private static func statistic(_ statistic: Statistic?) -> JSONValue {
        guard let statistic else { return .null }
        return .object([
            "mean": FormAnalysis.rounded(statistic.mean, places: 1),
            "max": FormAnalysis.rounded(statistic.max, places: 1),
        ])
    }
}

internal import Foundation
public import GluteJSON

extension Assessment {
    /// Limits of the interchange format, shared by the decoder and the interactive prompts.
    public enum Limits {
        /// Age in years.
        public static let age = 14...100
        /// Hours sitting a day.
        public static let sittingHours = 0.0...24.0
        /// Longest unbroken sitting, in minutes.
        public static let longestSittingMinutes = 0...1440
        /// Minutes per session.
        public static let minutesPerSession = 5...180
        /// Single-leg bridge reps.
        public static let bridgeReps = 0...200
        /// Squeeze strength rating.
        public static let squeezeStrength = 0...10
        /// Single-leg stance hold, in seconds.
        public static let stanceSeconds = 0...600
        /// Pain on a 0-10 scale.
        public static let pain = 0...10
        /// Minutes of sitting between wake-up calls.
        public static let wakeUpEveryMinutes = PlanGenerator.wakeUpMinutesRange
    }

    /// Decodes and validates an assessment document (format version 1).
    ///
    /// Unknown fields, wrong types, out-of-range values and malformed times are errors that name
    /// the field path, for example `tests.singleLegBridge.left.reps: must be between 0 and 200`.
    /// Objects are checked in document order, unknown fields before values.
    /// - Throws: ``FieldError``.
    public static func decode(_ text: String) throws(FieldError) -> Assessment {
        try decode(bytes: Array(text.utf8))
    }

    /// Decodes and validates an assessment from UTF-8 bytes.
    public static func decode(bytes: [UInt8]) throws(FieldError) -> Assessment {
        let value: JSONValue
        do { value = try JSONValue.parse(bytes) } catch { throw FieldError.syntax(error) }
        return try decode(value)
    }

    /// Decodes and validates an already parsed document.
    public static func decode(_ value: JSONValue) throws(FieldError) -> Assessment {
        let root = try JSONObjectReader(value, path: "", allowedKeys: ["version", "profile", "screening", "tests"])
        let version = try root.requiredInt("version", in: 1...Int.max)
        guard version == 1 else { throw FieldError(field: "version", message: "must be 1 (the only version)") }
        let profile = try Profile.decode(try root.requiredObject("profile", allowedKeys: Profile.keys))
        let screening = try Screening.decode(try root.requiredObject("screening", allowedKeys: Screening.keys))
        let tests =
            try root.object("tests", allowedKeys: SelfTests.keys).map { reader throws(FieldError) in
                try SelfTests.decode(reader)
            } ?? SelfTests()
        return Assessment(version: version, profile: profile, screening: screening, tests: tests)
    }
}

extension Profile {
    static let keys = [
        "age", "sex", "units", "sittingHoursPerDay", "longestSittingMinutes", "workHours", "wakeUpEveryMinutes",
        "timeZone", "goal", "experience", "equipment", "trainingDays", "minutesPerSession", "femurLength",
    ]

    static func decode(_ reader: JSONObjectReader) throws(FieldError) -> Profile {
        typealias Limits = Assessment.Limits
        let age = try reader.requiredInt("age", in: Limits.age)
        let sex: Sex? = try reader.enumValue("sex")
        let units: LoadUnit = try reader.enumValue("units") ?? .kg
        let sittingHours = try reader.requiredNumber("sittingHoursPerDay", in: Limits.sittingHours)
        let longest = try reader.requiredInt("longestSittingMinutes", in: Limits.longestSittingMinutes)
        let workHours = try WorkHours.decode(
            try reader.requiredObject("workHours", allowedKeys: ["start", "end", "days"]))
        let every =
            try reader.int("wakeUpEveryMinutes", in: Limits.wakeUpEveryMinutes) ?? PlanGenerator.defaultWakeUpMinutes
        let zone = try timeZone(reader)
        let goal: Goal = try reader.enumValue("goal") ?? .stability
        let experience: Experience = try reader.enumValue("experience") ?? .novice
        let equipment: [Equipment] = try reader.requiredEnumSet("equipment")
        let trainingDays: [Weekday] = try reader.requiredEnumSet("trainingDays")
        let minutes = try reader.requiredInt("minutesPerSession", in: Limits.minutesPerSession)
        let femur: FemurLength? = try reader.enumValue("femurLength")
        return Profile(
            age: age, sex: sex, units: units, sittingHoursPerDay: sittingHours,
            longestSittingMinutes: longest, workHours: workHours, goal: goal, experience: experience,
            equipment: equipment, trainingDays: trainingDays, minutesPerSession: minutes,
            femurLength: femur, wakeUpEveryMinutes: every, timeZone: zone)
    }

    /// The optional `timeZone`: an IANA name that Foundation's `TimeZone(identifier:)` knows.
    static func timeZone(_ reader: JSONObjectReader) throws(FieldError) -> String? {
        guard let name = try reader.string("timeZone") else { return nil }
        guard !name.isEmpty, TimeZone(identifier: name) != nil else {
            throw FieldError(
                field: reader.field("timeZone"),
                message: "must be an IANA time-zone name such as \"Europe/Berlin\", not \"\(name)\"")
        }
        return name
    }
}

extension WorkHours {
    static func decode(_ reader: JSONObjectReader) throws(FieldError) -> WorkHours {
        func time(_ key: String) throws(FieldError) -> ClockTime {
            let text = try reader.requiredString(key)
            guard let time = ClockTime(text) else {
                throw FieldError(
                    field: reader.field(key),
                    message: "must be a time written HH:MM (00:00 to 24:00), not \(FieldError.quoted(text))")
            }
            return time
        }
        let start = try time("start")
        guard start < ClockTime.endOfDay else {
            throw FieldError(field: reader.field("start"), message: "must be before 24:00")
        }
        let end = try time("end")
        // An end before the start is a night shift that ends the next morning.
        guard end != start else {
            throw FieldError(
                field: reader.field("end"),
                message: "must differ from start (\(start)); an earlier end is a night shift ending the next morning")
        }
        let days: [Weekday] = try reader.requiredEnumSet("days")
        return WorkHours(start: start, end: end, days: days)
    }
}

extension Screening {
    static let keys = ["medicalClearance", "parq", "redFlags", "symptoms"]

    static func decode(_ reader: JSONObjectReader) throws(FieldError) -> Screening {
        var screening = Screening()
        screening.medicalClearance = try reader.bool("medicalClearance") ?? false
        let parq = try reader.requiredObject("parq", allowedKeys: ParQ.fields.map(\.key))
        for field in ParQ.fields { screening.parq[keyPath: field.path] = try parq.requiredBool(field.key) }
        let flags = try reader.requiredObject("redFlags", allowedKeys: RedFlags.fields.map(\.key))
        for field in RedFlags.fields { screening.redFlags[keyPath: field.path] = try flags.requiredBool(field.key) }
        let symptoms = try reader.requiredObject(
            "symptoms",
            allowedKeys: [
                "backAcheAfterWalking", "kneePain", "hipPain", "legNumbnessOrTingling", "painNow",
            ])
        screening.symptoms.backAcheAfterWalking = try symptoms.requiredBool("backAcheAfterWalking")
        screening.symptoms.kneePain = try symptoms.requiredBool("kneePain")
        screening.symptoms.hipPain = try symptoms.requiredBool("hipPain")
        screening.symptoms.legNumbnessOrTingling = try symptoms.requiredBool("legNumbnessOrTingling")
        screening.symptoms.painNow = try symptoms.requiredInt("painNow", in: Assessment.Limits.pain)
        return screening
    }
}

extension SelfTests {
    static let keys = [
        "singleLegBridge", "gluteSqueeze", "singleLegStance", "singleLegSquat", "singleLegDeadlift",
        "hipHinge", "pelvicTilt", "bodyweightSquatFeltIn",
    ]

    /// The bridge test's `feltIn`: a ``FeltIn`` of ``FeltIn/bridgeTestCases`` only.
    static func bridgeFeltIn(_ side: JSONObjectReader) throws(FieldError) -> FeltIn? {
        guard let felt: FeltIn = try side.enumValue("feltIn") else { return nil }
        guard FeltIn.bridgeTestCases.contains(felt) else {
            let allowed = FeltIn.bridgeTestCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw FieldError(
                field: side.field("feltIn"), message: "must be one of \(allowed), not \"\(felt.rawValue)\"")
        }
        return felt
    }

    static func decode(_ reader: JSONObjectReader) throws(FieldError) -> SelfTests {
        typealias Limits = Assessment.Limits
        var tests = SelfTests()
        tests.singleLegBridge = try sides(reader, "singleLegBridge", ["reps", "feltIn", "pelvisLevel"]) {
            side throws(FieldError) in
            BridgeResult(
                reps: try side.requiredInt("reps", in: Limits.bridgeReps),
                feltIn: try bridgeFeltIn(side), pelvisLevel: try side.bool("pelvisLevel"))
        }
        tests.gluteSqueeze = try sides(reader, "gluteSqueeze", ["isolated", "strength"]) { side throws(FieldError) in
            SqueezeResult(
                isolated: try side.requiredEnum("isolated"),
                strength: try side.int("strength", in: Limits.squeezeStrength))
        }
        tests.singleLegStance = try sides(reader, "singleLegStance", ["hipDrop", "seconds"]) {
            side throws(FieldError) in
            StanceResult(
                hipDrop: try side.requiredBool("hipDrop"), seconds: try side.int("seconds", in: Limits.stanceSeconds))
        }
        tests.singleLegSquat = try sides(reader, "singleLegSquat", ["kneeValgus"]) { side throws(FieldError) in
            SquatResult(kneeValgus: try side.requiredEnum("kneeValgus"))
        }
        tests.singleLegDeadlift = try sides(reader, "singleLegDeadlift", ["balance"]) { side throws(FieldError) in
            DeadliftReachResult(balance: try side.requiredEnum("balance"))
        }
        if let hinge = try reader.object("hipHinge", allowedKeys: ["pass"]) {
            tests.hipHingePass = try hinge.requiredBool("pass")
        }
        tests.pelvicTilt = try reader.enumValue("pelvicTilt")
        tests.bodyweightSquatFeltIn = try reader.enumValue("bodyweightSquatFeltIn")
        return tests
    }

    /// Reads a test recorded per side; both sides are required once the test is present,
    /// because every rule that uses it compares them.
    private static func sides<T>(
        _ reader: JSONObjectReader, _ key: String, _ keys: [String],
        _ decodeSide: (JSONObjectReader) throws(FieldError) -> T
    ) throws(FieldError) -> PerSide<T>? {
        guard let test = try reader.object(key, allowedKeys: ["left", "right"]) else { return nil }
        let left = try decodeSide(try test.requiredObject("left", allowedKeys: keys))
        let right = try decodeSide(try test.requiredObject("right", allowedKeys: keys))
        return PerSide(left: left, right: right)
    }
}

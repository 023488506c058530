import GluteJSON
import Testing

@testable import GluteCore

@Suite struct AssessmentDecodingTests {
    @Test func decodesAValidDocument() throws {
        let assessment = try Assessment.decode(Fixtures.json())
        #expect(assessment.profile.age == 35)
        #expect(assessment.profile.workHours.start.description == "09:00")
        #expect(assessment.tests.singleLegBridge?.right.reps == 26)
        #expect(assessment.tests.gluteSqueeze == nil)
    }

    /// Each kind of bad input, the field it must name, and a word its message must contain.
    static let badInputs: [(String, @Sendable (inout JSONObject) -> Void, String)] = [
        ("tests.singleLegBridge.left.reps", { $0.set("tests.singleLegBridge.left.reps", -3) }, "between 0 and 200"),
        ("tests.singleLegBridge.left.reps", { $0.set("tests.singleLegBridge.left.reps", 12.5) }, "whole number"),
        ("tests.singleLegBridge.left.reps", { $0.set("tests.singleLegBridge.left.reps", "12") }, "not a string"),
        ("profile.nickname", { $0.set("profile.nickname", "Sam") }, "unknown field"),
        ("tests.singleLegBridge.left.color", { $0.set("tests.singleLegBridge.left.color", "red") }, "unknown field"),
        ("extra", { $0.set("extra", 1) }, "unknown field"),
        ("profile.age", { $0.set("profile.age", 13) }, "between 14 and 100"),
        ("profile.age", { $0.set("profile.age", nil) }, "required"),
        ("profile.workHours.start", { $0.set("profile.workHours.start", "9am") }, "HH:MM"),
        ("profile.workHours.end", { $0.set("profile.workHours.end", "09:00") }, "must differ from start"),
        ("profile.workHours.start", { $0.set("profile.workHours.start", "24:00") }, "before 24:00"),
        ("profile.wakeUpEveryMinutes", { $0.set("profile.wakeUpEveryMinutes", 29) }, "must be between 30 and 90"),
        ("profile.wakeUpEveryMinutes", { $0.set("profile.wakeUpEveryMinutes", 91) }, "must be between 30 and 90"),
        ("profile.wakeUpEveryMinutes", { $0.set("profile.wakeUpEveryMinutes", 45.5) }, "whole number"),
        ("profile.timeZone", { $0.set("profile.timeZone", "Mars/Olympus_Mons") }, "IANA time-zone name"),
        ("profile.timeZone", { $0.set("profile.timeZone", "") }, "IANA time-zone name"),
        ("profile.timeZone", { $0.set("profile.timeZone", 1) }, "string"),
        ("profile.equipment[1]", { $0.set("profile.equipment", ["band", "rope"]) }, "\"rope\""),
        ("profile.trainingDays[1]", { $0.set("profile.trainingDays", ["mon", "mon"]) }, "twice"),
        ("profile.minutesPerSession", { $0.set("profile.minutesPerSession", 4) }, "between 5 and 180"),
        ("profile.sittingHoursPerDay", { $0.set("profile.sittingHoursPerDay", 25) }, "between 0 and 24"),
        ("profile.longestSittingMinutes", { $0.set("profile.longestSittingMinutes", 1441) }, "between 0 and 1440"),
        ("screening.redFlags.saddleNumbness", { $0.set("screening.redFlags.saddleNumbness", nil) }, "required"),
        ("screening.symptoms.painNow", { $0.set("screening.symptoms.painNow", 11) }, "between 0 and 10"),
        ("screening.parq.chestPain", { $0.set("screening.parq.chestPain", "no") }, "true or false"),
        ("tests.singleLegBridge.right", { $0.set("tests.singleLegBridge.right", nil) }, "required"),
        ("tests.pelvicTilt", { $0.set("tests.pelvicTilt", "forward") }, "anterior"),
        ("tests.hipHinge", { $0.set("tests.hipHinge", true) }, "object"),
        ("version", { $0.set("version", 2) }, "must be 1"),
    ]

    @Test(arguments: badInputs.indices)
    func badInputNamesTheField(index: Int) {
        let (field, edit, words) = Self.badInputs[index]
        do {
            _ = try Assessment.decode(Fixtures.json(edit))
            Issue.record("accepted a bad \(field)")
        } catch {
            #expect(error.field == field)
            #expect(error.message.contains(words), "\(error.message)")
        }
    }

    @Test func theWakeUpIntervalDefaultsToSixtyAndSetsThePlansInterval() throws {
        let plain = try Assessment.decode(Fixtures.json())
        #expect(plain.profile.wakeUpEveryMinutes == 60)
        #expect(plain.profile.timeZone == nil)
        for minutes in [30, 45, 90] {
            let assessment = try Assessment.decode(
                Fixtures.json { $0.set("profile.wakeUpEveryMinutes", .int(minutes)) })
            #expect(assessment.profile.wakeUpEveryMinutes == minutes)
            let plan = AssessmentEngine.evaluate(
                assessment, knowledge: try Fixtures.knowledge(), startingOn: Fixtures.start
            ).plan
            #expect(plan?.wakeUpCalls.everyMinutes == minutes)
            #expect(plan?.jsonValue.objectValue?["wakeUpCalls"]?.objectValue?["everyMinutes"] == .int(minutes))
        }
    }

    @Test(arguments: ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"])
    func aKnownTimeZoneIsKeptByName(name: String) throws {
        let assessment = try Assessment.decode(Fixtures.json { $0.set("profile.timeZone", .string(name)) })
        #expect(assessment.profile.timeZone == name)
    }

    /// Start and end either way round: an earlier end is a night shift ending the next morning.
    @Test(arguments: [
        ("09:00", "17:30", false), ("22:00", "06:00", true), ("00:00", "24:00", false), ("23:59", "00:00", true),
    ])
    func workHoursMayRunPastMidnight(start: String, end: String, night: Bool) throws {
        let assessment = try Assessment.decode(
            Fixtures.json {
                $0.set("profile.workHours.start", .string(start))
                $0.set("profile.workHours.end", .string(end))
            })
        #expect(assessment.profile.workHours.isNightShift == night)
        #expect(assessment.profile.workHours.end.description == end)
    }

    @Test func textThatIsNotJSONIsReportedOnTheDocument() {
        #expect(
            throws: FieldError(
                field: "(document)", message: "invalid JSON at line 1, column 2 (byte 1): expected a key in quotes")
        ) {
            try Assessment.decode("{version: 1}")
        }
    }
}

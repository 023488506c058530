internal import GluteCore
internal import GluteJSON

/// The interactive assessment: asks the safety screen first, stops at a red flag, then walks
/// through each self-test with instructions, checking every answer before moving on.
///
/// Builds a
/// document in the interchange format, so it goes through the same strict decoder as a file.
struct AssessmentInterview {
    /// How the interview ended.
    enum Outcome {
        /// Every question answered: a whole document in the interchange format.
        case complete(JSONValue)
        /// A red flag stopped it: the red-flag answers as a partial document, and the screen.
        case stopped(JSONValue, Screening)
    }

    let io: CommandIO
    private var prompt: Prompter { Prompter(io: io) }

    func run() throws -> Outcome {
        let ask = prompt
        io.print(
            "GluteCoach assessment. Answer each question and press Enter; where a default is shown in [brackets], Enter takes it.\nThe safety questions have no default: answer each one.\n"
        )
        io.print("SAFETY FIRST: red flags. Answer yes or no.")
        var redFlags = JSONObject()
        for (key, question) in Questions.redFlags {
            redFlags[key] = .bool(try ask.yesNo(question, default: nil))
        }
        if redFlags.members.contains(where: { $0.value == .bool(true) }) {
            io.print("\nStop here: that answer needs a clinician before any exercise.\n")
            var screening = Screening()
            for field in RedFlags.fields {
                screening.redFlags[keyPath: field.path] = redFlags[field.key] == .bool(true)
            }
            return .stopped(.object(["version": 1, "screening": .object(["redFlags": .object(redFlags)])]), screening)
        }
        io.print("\nHealth questionnaire (PAR-Q+).")
        var parq = JSONObject()
        for (key, question) in Questions.parq { parq[key] = .bool(try ask.yesNo(question, default: nil)) }
        var clearance = false
        if parq.members.contains(where: { $0.value == .bool(true) }) {
            clearance = try ask.yesNo("Has a clinician already cleared you for loaded exercise?")
        }
        io.print("\nSymptoms.")
        var symptoms = JSONObject()
        for (key, question) in Questions.symptoms { symptoms[key] = .bool(try ask.yesNo(question, default: nil)) }
        symptoms["painNow"] = .int(
            try ask.integer("Pain right now, 0 (none) to 10 (worst)?", in: Assessment.Limits.pain))
        let screening: JSONValue = .object([
            "medicalClearance": .bool(clearance), "parq": .object(parq),
            "redFlags": .object(redFlags), "symptoms": .object(symptoms),
        ])
        let profile = try ProfileQuestions(prompt: ask, io: io).ask()
        let tests = try TestQuestions(prompt: ask, io: io).ask()
        return .complete(.object(["version": 1, "profile": profile, "screening": screening, "tests": tests]))
    }
}

/// The questions of the screen, keyed by their field in the format.
enum Questions {
    static let redFlags: [(String, String)] = [
        ("saddleNumbness", "Numbness or tingling around the groin, buttocks or inner thighs (the 'saddle' area)?"),
        ("bladderOrBowelChange", "A new change in bladder or bowel control?"),
        ("progressiveLegWeakness", "Weakness in a leg that is getting worse?"),
        ("unexplainedWeightLoss", "Weight loss you cannot explain?"),
        ("constantNightPain", "Constant back pain at night that does not ease with rest or position?"),
        ("recentTrauma", "A recent fall, accident or blow to the back or hips?"),
    ]
    static let parq: [(String, String)] = [
        ("heartCondition", "Has a doctor said you have a heart condition or high blood pressure?"),
        ("chestPain", "Do you feel pain in your chest at rest, in daily life or when active?"),
        ("dizziness", "Do you lose balance from dizziness, or have you lost consciousness in the last 12 months?"),
        ("chronicCondition", "Have you been diagnosed with another chronic medical condition?"),
        ("medication", "Do you take prescribed medication for a chronic condition?"),
        ("boneOrJointProblem", "A bone, joint or soft-tissue problem that more activity could make worse?"),
        ("supervisedOnly", "Has a doctor said you should only exercise under medical supervision?"),
    ]
    static let symptoms: [(String, String)] = [
        ("backAcheAfterWalking", "Does your lower back ache after a short walk?"),
        ("kneePain", "Do your knees hurt on stairs, runs or squats?"),
        ("hipPain", "Does a hip 'act up' or hurt?"),
        ("legNumbnessOrTingling", "Numbness or tingling running down a leg?"),
    ]
}

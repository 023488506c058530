internal import GluteCore
internal import GluteJSON

/// The profile part of the interactive assessment.
struct ProfileQuestions {
    let prompt: Prompter
    let io: CommandIO

    func ask() throws -> JSONValue {
        io.print("\nAbout you and your day.")
        var profile = JSONObject()
        profile["age"] = .int(try prompt.integer("Age in years?", in: Assessment.Limits.age))
        let units: LoadUnit = try prompt.choice("Units for weights?", default: .kg)
        profile["units"] = .string(units.rawValue)
        let hours = try prompt.number("Hours you sit on a usual day?", in: Assessment.Limits.sittingHours, default: 8)
        profile["sittingHoursPerDay"] = .number(hours)
        let longest = try prompt.integer(
            "Longest stretch you sit without standing up, in minutes?",
            in: 0...min(1440, Int(hours * 60)), default: min(Int(hours * 60), 90))
        profile["longestSittingMinutes"] = .int(longest)
        let start = try prompt.ask("Work starts at (HH:MM)?", default: "09:00", hint: "a time like 08:30") {
            ClockTime($0)
        }
        let end = try prompt.ask("Work ends at (HH:MM)?", default: "17:00", hint: "a time later than \(start)") {
            text in
            ClockTime(text).flatMap { $0 > start ? $0 : nil }
        }
        let workDays: [Weekday] = try prompt.list("Days you work?", default: "mon tue wed thu fri", allowEmpty: false)
        profile["workHours"] = .object([
            "start": .string(start.description), "end": .string(end.description),
            "days": .strings(workDays.map(\.rawValue)),
        ])
        let goal: Goal = try prompt.choice("Main goal?", default: .stability)
        profile["goal"] = .string(goal.rawValue)
        let experience: Experience = try prompt.choice("Strength-training experience?", default: .novice)
        profile["experience"] = .string(experience.rawValue)
        let equipment: [Equipment] = try prompt.list("Equipment you have?", default: "none", allowEmpty: true)
        profile["equipment"] = .strings(equipment.map(\.rawValue))
        let training: [Weekday] = try prompt.list("Days you can train?", default: "mon wed fri", allowEmpty: true)
        profile["trainingDays"] = .strings(training.map(\.rawValue))
        profile["minutesPerSession"] = .int(
            try prompt.integer("Minutes per session?", in: Assessment.Limits.minutesPerSession, default: 30))
        let femur = try prompt.ask(
            "Are your thigh bones long, average or short for your height? (long/average/short/unknown)",
            default: "unknown", hint: "long, average, short or unknown"
        ) { text -> String? in
            ["long", "average", "short", "unknown"].contains(text.lowercased()) ? text.lowercased() : nil
        }
        if femur != "unknown" { profile["femurLength"] = .string(femur) }
        return .object(profile)
    }
}

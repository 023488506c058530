public import GluteJSON

/// A coach's edit of a plan, checked by the engine against the same gates the generator
/// applies, so that an edit can never do what the plan itself would not.
///
/// A coach may swap exercises for others from the catalogue, change sets, reps, rep ranges,
/// holds, rest, loads and the days sessions fall on, and the wake-up interval. Everything else is
/// kept from the plan in force: the gates (an edit never lifts one), the start and reassessment
/// dates, the ergonomics and the generator's notes. The edit is refused, naming the field, when:
///
/// - an exercise is not in the catalogue, or needs equipment the person does not have;
/// - an item carries external load while a gate holds load back: no load at all before medical
///   clearance (the latest assessment's screening), with pain at rest or leg numbness; none on
///   hinges, thrusts and bridges while the bridge is not felt in the glutes or the hinge test is
///   not passed; none on standing single-leg work while balance wobbles;
/// - an exercise that only makes sense loaded (a kettlebell swing) is used while load is held
///   back, or one that provokes neural symptoms while the person has them;
/// - a one-sided item does not put the weaker side first while that gate stands, or a day, a
///   dose or the interval is out of range.
///
/// A plan that is stopped is never edited: the application refuses before asking this type.
///
/// ```swift
/// let revised = try CoachPlanEdit.revise(current, with: edited, assessment: assessment,
///                                        findings: result.findings, knowledge: knowledge,
///                                        reason: "swap split squats for step-ups")
/// ```
public enum CoachPlanEdit {
    /// The `why` code a changed item names first.
    public static let code = "coach-edit"

    /// The plan in force with the coach's week and wake-up interval, checked.
    ///
    /// - Parameters:
    ///   - current: the plan in force (active).
    ///   - edited: the coach's version of it, as ``Plan/decode(_:path:)`` reads it; only its
    ///     week and its wake-up interval are used.
    ///   - assessment: the latest assessment, whose profile and screening decide the gates.
    ///   - findings: that assessment's findings.
    ///   - knowledge: the catalogue.
    ///   - reason: why the coach made the change, added to the plan's notes.
    /// - Throws: ``GluteJSON/FieldError`` on the path of the first item that breaks a rule,
    ///   for example `week[0].sessions[1].items[2].load`.
    public static func revise(
        _ current: Plan, with edited: Plan, assessment: Assessment, findings: [Finding], knowledge: KnowledgeBase,
        reason: String
    ) throws(FieldError) -> Plan {
        let context = PlanContext(assessment: assessment, findings: findings, knowledge: knowledge)
        let gates = Set(current.gates.map(\.code))
        guard PlanGenerator.wakeUpMinutesRange.contains(edited.wakeUpCalls.everyMinutes) else {
            throw FieldError(
                field: "plan.wakeUpCalls.everyMinutes",
                message:
                    "must be \(PlanGenerator.wakeUpMinutesRange.lowerBound) to \(PlanGenerator.wakeUpMinutesRange.upperBound) minutes"
            )
        }
        var revised = current
        revised.wakeUpCalls.everyMinutes = edited.wakeUpCalls.everyMinutes
        var seen: Set<Weekday> = []
        var week: [PlanDay] = []
        for (dayIndex, day) in edited.week.enumerated() {
            let path = "plan.week[\(dayIndex)]"
            guard seen.insert(day.day).inserted else {
                throw FieldError(field: path + ".day", message: "\(day.day.rawValue) is in the week twice")
            }
            var sessions: [Session] = []
            for (sessionIndex, session) in day.sessions.enumerated() {
                let sessionPath = path + ".sessions[\(sessionIndex)]"
                guard !session.items.isEmpty else {
                    throw FieldError(field: sessionPath + ".items", message: "a session needs at least one exercise")
                }
                var items: [PlanItem] = []
                for (itemIndex, item) in session.items.enumerated() {
                    let itemPath = sessionPath + ".items[\(itemIndex)]"
                    _ = try check(item, path: itemPath, context: context, gates: gates, knowledge: knowledge)
                    var kept = item
                    let before = current.week.first { $0.day == day.day }?.sessions.first { $0.kind == session.kind }?
                        .items.first { $0.exercise == item.exercise }
                    if before != item, !kept.why.contains(code) { kept.why.insert(code, at: 0) }
                    if kept.load == nil { kept.implement = nil }
                    items.append(kept)
                }
                var changed = session
                changed.items = items
                changed.minutes = PlanRevision.minutes(of: items, kind: session.kind, knowledge: knowledge)
                sessions.append(changed)
            }
            if !sessions.isEmpty { week.append(PlanDay(day: day.day, sessions: sessions)) }
        }
        revised.week = week.sorted { $0.day.index < $1.day.index }
        revised.notes.append("Changed by your coach: \(reason)")
        return revised
    }

    /// The exercise of `item` when the item follows every rule, else the error on its field.
    static func check(
        _ item: PlanItem, path: String, context: PlanContext, gates: Set<String>, knowledge: KnowledgeBase
    ) throws(FieldError) -> Exercise {
        guard let exercise = knowledge.exercise(item.exercise) else {
            throw FieldError(field: path + ".exercise", message: "'\(item.exercise)' is not in the catalogue")
        }
        let equipment = context.profile.equipment
        guard exercise.isPossible(with: equipment) else {
            throw FieldError(
                field: path + ".exercise", message: "\(exercise.id) needs equipment the person does not have")
        }
        if exercise.provokesNeuralSymptoms,
            context.findings.has(.neuralSymptoms) || gates.contains("no-neural-provocation")
        {
            throw FieldError(
                field: path + ".exercise",
                message: "\(exercise.id) can bring on the leg symptoms the no-neural-provocation gate guards against")
        }
        let blocker = loadBlocker(exercise, context: context, gates: gates)
        if exercise.needsLoad, let blocker {
            throw FieldError(field: path + ".exercise", message: "\(exercise.id) needs load, which \(blocker)")
        }
        if let load = item.load {
            guard exercise.loadable else {
                throw FieldError(field: path + ".load", message: "\(exercise.id) takes no external load")
            }
            if let blocker { throw FieldError(field: path + ".load", message: "no load on \(exercise.id): \(blocker)") }
            guard load.value > 0, load.value <= 500 else {
                throw FieldError(field: path + ".load", message: "must be more than 0 and at most 500")
            }
            if let implement = item.implement {
                guard exercise.loadWith.contains(implement), equipment.contains(implement) else {
                    throw FieldError(
                        field: path + ".implement", message: "\(implement.rawValue) cannot load \(exercise.id) here")
                }
            } else if !exercise.loadWith.contains(where: equipment.contains) {
                throw FieldError(field: path + ".load", message: "nothing at hand can load \(exercise.id)")
            }
        }
        try checkDose(item, exercise, path: path)
        let expected = context.sideOrder(for: exercise)
        if exercise.isUnilateral {
            guard item.side != .both else {
                throw FieldError(field: path + ".side", message: "\(exercise.id) is done one side at a time")
            }
            if let weaker = context.weaker, gates.contains("weaker-side-first"), item.side != expected,
                item.side != SideOrder(rawValue: weaker.rawValue)
            {
                throw FieldError(
                    field: path + ".side",
                    message: "the \(weaker.rawValue) side goes first while the weaker-side-first gate stands")
            }
        } else if item.side != .both {
            throw FieldError(field: path + ".side", message: "\(exercise.id) is done with both legs together: both")
        }
        return exercise
    }

    /// Why load may not go on `exercise` now, or `nil` when it may.
    static func loadBlocker(_ exercise: Exercise, context: PlanContext, gates: Set<String>) -> String? {
        let findings = context.findings
        if gates.contains("medical-clearance")
            || findings.first(.medicalClearance).map({ $0.severity != .info }) == true
        {
            return "no external load before medical clearance"
        }
        if gates.contains("no-load-while-in-pain") || findings.has(.painNow) {
            return "no external load while in pain at rest"
        }
        if gates.contains("no-neural-provocation") || findings.has(.neuralSymptoms) {
            return "no external load while leg numbness or tingling is not assessed"
        }
        let hingeLike: Set<Exercise.Pattern> = [.hinge, .thrust, .bridge]
        if hingeLike.contains(exercise.pattern) {
            if gates.contains("no-loaded-hinge") || findings.has(.recruitmentDeficit) {
                return "the no-loaded-hinge gate holds it until the single-leg bridge is felt in the glutes"
            }
            if gates.contains("hinge-pattern-first") || findings.has(.hingeDeficit) {
                return "the hinge-pattern-first gate holds it until the hip-hinge wall test is passed"
            }
        }
        if exercise.isStandingSingleLeg, gates.contains("no-load-single-leg") || findings.has(.balanceDeficit) {
            return "the no-load-single-leg gate holds it until the single-leg deadlift reach is steady"
        }
        return context.loadAllowed(for: exercise) ? nil : "the plan's gates hold load back on it"
    }

    /// Sets, reps, holds and rest within the ranges the plans use.
    static func checkDose(_ item: PlanItem, _ exercise: Exercise, path: String) throws(FieldError) {
        guard (1...10).contains(item.sets) else { throw FieldError(field: path + ".sets", message: "must be 1 to 10") }
        guard (0...600).contains(item.restSeconds) else {
            throw FieldError(field: path + ".restSeconds", message: "must be 0 to 600")
        }
        switch exercise.logMeasure {
        case .seconds:
            guard let seconds = item.seconds, (5...600).contains(seconds) else {
                throw FieldError(field: path + ".seconds", message: "\(exercise.id) is a hold: 5 to 600 seconds")
            }
            guard item.reps == nil, item.repRange == nil else {
                throw FieldError(field: path + ".reps", message: "\(exercise.id) is a hold: give seconds, not reps")
            }
        case .reps:
            guard let reps = item.reps, (1...100).contains(reps) else {
                throw FieldError(field: path + ".reps", message: "\(exercise.id) is counted in reps: 1 to 100")
            }
            if let range = item.repRange {
                guard range.lowerBound >= 1, range.upperBound <= 100, range.contains(reps) else {
                    throw FieldError(field: path + ".repRange", message: "must be within 1 to 100 and hold the reps")
                }
            }
        }
    }
}

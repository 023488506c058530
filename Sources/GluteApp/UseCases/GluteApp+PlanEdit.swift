internal import Foundation
internal import GluteCore
public import GluteStore

extension GluteApp {
    /// A coach's edit of a plan: takes exercises out of the plan in force, as a new plan version
    /// whose reason is the one given (so the edit and why it was made stay in the plan's history).
    ///
    /// Items of the removed exercises leave every session (a session left empty leaves the day);
    /// a removed wake-up option leaves only while another remains. Every other item keeps its
    /// progression state.
    ///
    /// - Parameters:
    ///   - person: whose plan.
    ///   - removing: exercise ids; each must be in the plan.
    ///   - reason: why, 1 to 400 characters; recorded as `edited by coach: <reason>`.
    /// - Throws: ``AppError`` invalidInput naming `remove` or `reason`; precondition without an
    ///   active plan.
    public func editPlan(_ person: Person.ID, removing: [String], reason: String) async throws -> PlanView {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...400).contains(reason.unicodeScalars.count) else {
            throw AppError.invalid("reason", "must be 1 to 400 characters: say why the plan changes")
        }
        guard !removing.isEmpty else { throw AppError.invalid("remove", "name at least one exercise to take out") }
        let now = clock.now()
        let knowledge = self.knowledge
        return try await writing(person) { tx, _ in
            guard let version = try tx.currentPlan(for: person) else { throw AppError.noPlan() }
            guard var plan = version.plan else {
                throw AppError(code: .precondition, message: "the plan is stopped: a new assessment starts it again")
            }
            let held = Set(plan.sessions.flatMap { $0.session.items.map(\.exercise) })
            for (index, id) in removing.enumerated() where !held.contains(id) {
                throw AppError.invalid("remove[\(index)]", "'\(id)' is not in the plan's sessions")
            }
            let removed = Set(removing)
            plan.week = plan.week.compactMap { day in
                var day = day
                day.sessions = day.sessions.compactMap { session in
                    var session = session
                    session.items.removeAll { removed.contains($0.exercise) }
                    return session.items.isEmpty ? nil : session
                }
                return day.sessions.isEmpty ? nil : day
            }
            if plan.wakeUpCalls.options.contains(where: { !removed.contains($0.exercise) }) {
                plan.wakeUpCalls.options.removeAll { removed.contains($0.exercise) }
            }
            let text = "edited by coach: \(reason)"
            plan.notes.append(text)
            let made = try PlanVersions(knowledge: knowledge, person: person).start(
                plan, reason: text, assessment: version.assessmentID, causes: [], tx: tx, at: now)
            return PlanView(version: made)
        }
    }
}

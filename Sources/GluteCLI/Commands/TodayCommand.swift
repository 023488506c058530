internal import Foundation
internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// `glute today`: what is due now: today's sessions at their current prescription, wake-up calls
/// done against planned, gates still closed, and retests or a reassessment that are due.
struct TodayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "Show what is due today: sessions, wake-up calls done against planned, open gates.",
        options: [
            .flag("start", help: "Do today's next session now: hold timers, a rep counter per side, logged as you go."),
            CommonOptions.database, CommonOptions.json,
        ]
    )

    let database: String?
    let json: Bool
    let start: Bool

    init(parsed: ParsedArguments) throws(CLIError) {
        database = parsed.option("database")
        json = parsed.flag("json")
        start = parsed.flag("start")
        if start, json {
            throw CLIError.usage("'--start' runs a session at the terminal; it cannot be combined with '--json'.")
        }
    }

    func run(_ io: CommandIO) async throws {
        let knowledge = try KnowledgeBase.bundled()
        let access = try await StoreAccess.open(database: database, io: io)
        let (plan, version) = try await access.requirePlan()
        let today = io.today
        let logs = try await access.sessionLogs()
        let retests = try await access.retestResults()
        let tracks = PlanProgression(plan: plan, knowledge: knowledge).tracks(history: logs, retests: retests)
        let sessions = plan.week.first { $0.day == today.weekday }?.sessions ?? []
        let loggedToday = Set(logs.filter { $0.date == today }.map(\.exerciseID))
        if start {
            guard io.isInteractive else {
                throw CLIError.usage("'glute today --start' needs a terminal to count reps and time holds.")
            }
            guard let session = sessions.first(where: { !$0.items.allSatisfy { loggedToday.contains($0.exercise) } })
            else {
                io.print(
                    sessions.isEmpty
                        ? "No session today. Keep up the wake-up calls."
                        : "Every session of today is logged. Well done.")
                return
            }
            _ = try await GuidedSession(
                io: io, access: access, knowledge: knowledge,
                pause: { seconds in try? await Task.sleep(for: .seconds(seconds)) }
            )
            .run(session, tracks: tracks)
            return
        }
        let times = plan.wakeUpCalls.times
        let isWorkDay = plan.wakeUpCalls.days.contains(today.weekday)
        let planned = isWorkDay ? times.count : 0
        let dueSoFar = isWorkDay ? times.filter { $0 <= io.localTime }.count : 0
        let startOfDay = Timestamp(date: today).adding(seconds: -14 * 3600)
        let answered = try await access.store.wakeUpCalls(
            for: access.person.id, in: startOfDay..<startOfDay.adding(seconds: 38 * 3600)
        )
        .filter { io.localDate($0.at) == today }
        let done = answered.filter { $0.outcome == .done }.count
        let openGates = GateEvaluator().openGates(from: retests).map(\.rawValue)
        let closedGates = plan.gates.filter { !openGates.contains($0.code) }
        let retestDue = tracks.contains { $0.decision?.requestRetest == true }
        let reassessDue = today >= plan.reassessOn
        if json {
            io.writeOutput(
                JSONValue.object([
                    "date": .string(today.description), "day": .string(today.weekday.rawValue),
                    "planVersion": .int(version.version),
                    "sessions": .array(
                        sessions.map { session in
                            .object([
                                "kind": .string(session.kind.rawValue), "minutes": .int(session.minutes),
                                "items": .array(
                                    session.items.map { item in
                                        let current = tracks.filter { $0.planExercise == item.exercise }.map {
                                            JSONValue.object($0.current.jsonObject)
                                        }
                                        return .object([
                                            "exercise": .string(item.exercise), "side": .string(item.side.rawValue),
                                            "prescription": .array(current),
                                            "loggedToday": .bool(loggedToday.contains(item.exercise)),
                                        ])
                                    }),
                            ])
                        }),
                    "wakeUpCalls": .object([
                        "planned": .int(planned), "dueSoFar": .int(dueSoFar), "done": .int(done),
                        "skipped": .int(answered.count - done),
                    ]),
                    "closedGates": .array(
                        closedGates.map { .object(["code": .string($0.code), "until": .string($0.until)]) }),
                    "retestDue": .bool(retestDue), "reassessDue": .bool(reassessDue),
                    "reassessOn": .string(plan.reassessOn.description),
                ]).serialized())
            return
        }
        io.print("Today, \(today.weekday.name) \(today) (plan version \(version.version))")
        if sessions.isEmpty { io.print("\n  No session today. Keep up the wake-up calls.") }
        for session in sessions {
            io.print("\n  \(session.kind.rawValue.capitalized), about \(session.minutes) min")
            for item in session.items {
                let mark = loggedToday.contains(item.exercise) ? "[x]" : "[ ]"
                let current = tracks.filter { $0.planExercise == item.exercise }
                let dose =
                    current.isEmpty
                    ? ResultRenderer(knowledge: knowledge).describe(item)
                    : current.map { NextRenderer.prescription($0.current, knowledge: knowledge) }.joined(
                        separator: "; ")
                io.print(
                    "    \(mark) \(dose)"
                        + (item.side == .leftFirst ? " - left first" : item.side == .rightFirst ? " - right first" : "")
                )
            }
        }
        io.print(
            isWorkDay
                ? "\n  Wake-up calls: \(done) done of \(dueSoFar) due so far (\(planned) planned today, every \(plan.wakeUpCalls.everyMinutes) min from \(plan.wakeUpCalls.start) to \(plan.wakeUpCalls.end))."
                : "\n  No wake-up calls today (not a work day).")
        if !closedGates.isEmpty {
            io.print("\n  Still locked:")
            for gate in closedGates { io.print("    - \(gate.blocks), until \(gate.until)") }
        }
        if retestDue { io.print("\n  A retest is due: run 'glute retest'.") }
        if reassessDue { io.print("\n  Your 4-week reassessment is due: run 'glute assess'.") }
    }
}

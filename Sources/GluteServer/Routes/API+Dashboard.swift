internal import GluteApp
internal import GluteCore
internal import GluteJSON
internal import GluteStore

extension API {
    /// getDashboard's document: every client with what needs attention, the most urgent first.
    ///
    /// Stand-in: the accounts branch brings the dashboard state kept as logs arrive; until then
    /// this reads each client's plan, latest entries and next prescriptions on every call.
    func dashboard(coach: AccountInfo) async throws -> JSONValue {
        let app = services.app
        let now = services.clock.now()
        var rows: [(score: Int, email: String, value: JSONValue)] = []
        for client in services.accounts.clients(of: coach.id) {
            var flags: [String] = []
            var score = 0
            let versions = (try? await app.planHistory(client.person)) ?? []
            let current = versions.last
            if let current, current.plan == nil {
                flags.append("redFlag")
                score += 1000
            }
            let history = (try? await app.history(client.person, limit: 50)) ?? []
            let fortnight = now.adding(seconds: -14 * 86_400)
            let painful = history.filter { entry in
                entry.kind == .set && entry.at >= fortnight
                    && (entry.entry.objectValue?["pain"]?.numberValue ?? 0) >= Double(ProgressionRules.stopPain)
            }
            if !painful.isEmpty {
                flags.append("pain")
                score += 100
            }
            let last = history.map(\.at).max()
            let idleDays = last.map { Int((now.millisecondsSince1970 - $0.millisecondsSince1970) / 86_400_000) }
            if current?.plan != nil, idleDays.map({ $0 >= 3 }) ?? true {
                flags.append("missedSessions")
                score += 10 + min(idleDays ?? 30, 60)
            }
            var retests: [String] = []
            if current?.plan != nil, let next = try? await app.next(client.person) {
                retests = Array(Set(next.entries.compactMap { $0.retestDue?.rawValue })).sorted()
                if !retests.isEmpty {
                    flags.append("retestDue")
                    score += 5
                }
            }
            if current == nil {
                flags.append("noAssessment")
                score += 1
            }
            rows.append(
                (
                    score, client.email,
                    .object([
                        "account": Self.accountJSON(client), "attention": .strings(flags), "score": .int(score),
                        "planVersion": .optional(current?.version, JSONValue.int),
                        "lastActivity": .optional(last) { .string($0.description) },
                        "painReports": .int(painful.count), "retestsDue": .strings(retests),
                    ])
                ))
        }
        rows.sort { ($1.score, $0.email) < ($0.score, $1.email) }
        return .object(["clients": .array(rows.map(\.value)), "at": .string(now.description)])
    }
}

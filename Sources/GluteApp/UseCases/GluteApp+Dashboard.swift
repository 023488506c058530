internal import GluteCore
public import GluteStore

extension GluteApp {
    /// The coach's dashboard: every client under a link in force, sorted by what needs attention,
    /// each with its reasons (see ``Dashboard``).
    ///
    /// Reads one row per client (the link, the account, the person and the kept
    /// ``GluteStore/ClientState``) in one query, never a client's history, and judges the
    /// time-based reasons at the clock's instant in each client's own time zone.
    public func dashboard(_ coach: Account.ID) async throws -> Dashboard {
        let now = clock.now()
        let fallback = defaultTimeZone
        let clients = try await run {
            try await store.read { tx in
                _ = try Self.requireCoach(coach, tx)
                return try tx.coachedClients(of: coach)
            }
        }
        let entries = clients.map { client in
            DashboardEntry(
                client: Self.summary(client),
                reasons: Self.attentionReasons(client, at: now, fallbackZone: fallback),
                lastLogAt: client.state?.lastLogAt)
        }
        return Dashboard(entries: entries.sorted(by: Self.needsAttentionFirst), at: now)
    }

    /// How many days without a log make a reason.
    static let quietDays: Int64 = 7

    /// The reasons `client` needs attention at `now`, most urgent first.
    static func attentionReasons(_ client: CoachedClient, at now: Timestamp, fallbackZone: String?)
        -> [AttentionReason]
    {
        let zone = client.person.zone(fallback: fallbackZone)
        let today = zone.localDate(now)
        let week = today.startOfWeek
        let state = client.state ?? ClientState(personID: client.person.id, updatedAt: client.link.since)
        let thisWeek = state.week == week
        var reasons: [AttentionReason] = []
        if let stop = state.stopReason { reasons.append(AttentionReason(.stopped, stop)) }
        if thisWeek, let pain = state.highestPain, let at = state.painfulSetAt, at >= zone.startOfDay(week) {
            reasons.append(AttentionReason(.pain, "pain of \(pain)/10 logged this week (\(zone.localDate(at)))"))
        }
        if state.stopReason == nil {
            let planned = state.activationDays.filter { week.adding(days: $0.index) < today }.count
            let done = thisWeek ? state.activationDaysDone.count : 0
            if planned > done {
                let missed = planned - done
                reasons.append(
                    AttentionReason(
                        .missedActivation,
                        "\(missed) activation session\(missed == 1 ? "" : "s") missed this week (\(done) of \(planned) done)"
                    ))
            }
            var progress: [String] = []
            if !state.regressedItems.isEmpty {
                progress.append("regressed: " + state.regressedItems.map(\.description).joined(separator: ", "))
            }
            if !state.stalledItems.isEmpty {
                progress.append("stalled: " + state.stalledItems.map(\.description).joined(separator: ", "))
            }
            if !progress.isEmpty {
                reasons.append(AttentionReason(.stalledOrRegressed, progress.joined(separator: "; ")))
            }
            var due = state.retestsDue.map { "retest of \($0.rawValue) due" }
            if let reassess = state.reassessOn, reassess <= today { due.append("reassessment due since \(reassess)") }
            if !due.isEmpty { reasons.append(AttentionReason(.retestDue, due.joined(separator: "; "))) }
        }
        let since = state.lastLogAt ?? client.link.since
        let days = (now.millisecondsSince1970 - since.millisecondsSince1970) / 86_400_000
        if days >= quietDays {
            reasons.append(
                AttentionReason(
                    .noRecentLog,
                    state.lastLogAt == nil
                        ? "nothing logged in the \(days) days since joining" : "no log for \(days) days"))
        }
        let unseen = state.deletions - client.link.deletionsSeen
        if unseen > 0 {
            reasons.append(
                AttentionReason(
                    .deletedEntries, "\(unseen) entr\(unseen == 1 ? "y" : "ies") deleted since you last looked"))
        }
        return reasons
    }

    /// The dashboard's order: by the most urgent reason, then the next, and so on (more reasons
    /// first when one list begins the other); clients without reasons last; ties by email.
    static func needsAttentionFirst(_ lhs: DashboardEntry, _ rhs: DashboardEntry) -> Bool {
        let left = lhs.reasons.map(\.kind.rank)
        let right = rhs.reasons.map(\.kind.rank)
        for (a, b) in zip(left, right) where a != b { return a < b }
        if left.count != right.count { return left.count > right.count }
        return lhs.client.account.email < rhs.client.account.email
    }
}

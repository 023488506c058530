internal import GluteCore
internal import GluteStore

/// Reads and moves on the progression of one person's plan inside a store transaction.
///
/// The states of the plan version in force are kept in the store, so the daily calls read a
/// bounded amount. A correction (a set logged for an earlier time, a deletion) replays the logs
/// from the version the corrected entry belongs to, through every later version, and writes the
/// states again: the same answer the kept states would have given had the entry been right all
/// along. A database from before states were kept is replayed the same way on first use.
struct Tracking {
    let knowledge: KnowledgeBase
    let zone: TimeZoneRules
    let person: Person.ID

    /// The states of `version`: those stored, or a replay when none are (kept only in memory, so
    /// that reads never write).
    func states(_ tx: any StoreReader, of version: PlanVersion) throws -> [ItemKey: ItemState] {
        guard let plan = version.plan else { return [:] }
        let stored = try tx.itemStates(plan: version.id, for: person)
        if !stored.isEmpty || plan.sessions.isEmpty {
            var byKey = [ItemKey: ItemState](minimumCapacity: stored.count)
            for state in stored { byKey[state.key] = state }  // the last of a key wins
            return byKey
        }
        return try replay(tx, from: .distantPast)[version.id] ?? [:]
    }

    /// The states every version had, replayed from the version in force at `time` on.
    ///
    /// Versions before it keep their stored states (their final states carry over); when one of
    /// them has none stored, the replay starts at the first version instead.
    ///
    /// An entry that made a version at the instant it was logged (a painful set, a retest, all
    /// with the clock's time) counts in the version it was logged in, as logging it did: a set
    /// only there, a retest there and in the version it made. A version whose causes were all
    /// deleted (a pain swap, a stop or a retest's change that the deletion lifted) is as if it had
    /// never been made: its time is tracked with the plan that was in force before it, so that the
    /// logs of that time count as they would have.
    func replay(_ tx: any StoreReader, from time: Timestamp) throws -> [PlanVersion.ID: [ItemKey: ItemState]] {
        let versions = try tx.planHistory(for: person)
        guard !versions.isEmpty else { return [:] }
        var plans: [Plan?] = []
        for version in versions {
            let void =
                try !version.causes.isEmpty
                && version.causes.allSatisfy { cause in
                    try tx.loggedSet(.init(rawValue: cause), for: person) == nil
                        && tx.retest(.init(rawValue: cause), for: person) == nil
                }
            plans.append(void ? plans.last ?? nil : version.plan)
        }
        // A version made at `time` itself may hold the entry in the version before it; a
        // version made at the instant of other entries (a frozen clock) is replayed with the
        // version before it, whose kept states may have counted them.
        var start = versions.lastIndex { $0.createdAt < time } ?? 0
        let retests = try tx.retests(for: person, kind: nil)
        while start > 0 {
            let made = versions[start].createdAt
            let instant = made..<made.adding(milliseconds: 1)
            let causes = Set(versions[start].causes)
            let tied =
                try tx.loggedSets(for: person, in: instant).contains { !causes.contains($0.id.rawValue) }
                || retests.contains { $0.takenAt == made && !causes.contains($0.id.rawValue) }
            guard tied else { break }
            start -= 1
        }
        var latest: [ItemKey: ItemState] = [:]
        var earlier: [[ItemState]] = []
        for index in 0..<start where plans[index] != nil {
            let stored = try tx.itemStates(plan: versions[index].id, for: person)
            if stored.isEmpty { start = 0; earlier = []; break }
            earlier.append(stored)
        }
        for states in earlier { for state in states { latest[state.key] = state } }
        var result: [PlanVersion.ID: [ItemKey: ItemState]] = [:]
        for index in start..<versions.count {
            let version = versions[index]
            guard let plan = plans[index] else { continue }
            let end = index + 1 < versions.count ? versions[index + 1].createdAt : Timestamp.distantFuture
            let tracker = PlanTracker(plan: plan, knowledge: knowledge)
            var states = tracker.initialStates(carryingOver: latest)
            let window = version.createdAt..<end
            let next = index + 1 < versions.count ? versions[index + 1] : nil
            // The causes of the next version logged at the instant it was made count here.
            let atEnd = next.map { Set($0.causes) } ?? []
            let ownCauses = Set(version.causes)
            var sets = try tx.loggedSets(for: person, in: window).filter {
                !($0.performedAt == version.createdAt && ownCauses.contains($0.id.rawValue))
            }
            if let next, !atEnd.isEmpty {
                sets += try tx.loggedSets(for: person, in: next.createdAt..<next.createdAt.adding(milliseconds: 1))
                    .filter { atEnd.contains($0.id.rawValue) }
            }
            let answers = retests.filter {
                window.contains($0.takenAt) || ($0.takenAt == end && atEnd.contains($0.id.rawValue))
            }
            // What the version's first day had done before it was made, as logging saw it.
            let dayStart = zone.startOfDay(zone.localDate(version.createdAt))
            let before =
                try tx.loggedSets(for: person, in: dayStart..<version.createdAt)
                + tx.loggedSets(for: person, in: version.createdAt..<version.createdAt.adding(milliseconds: 1))
                .filter { ownCauses.contains($0.id.rawValue) }
            states = fold(sets: sets, retests: answers, into: states, tracker: tracker, after: before)
            result[version.id] = states
            for (key, state) in states { latest[key] = state }
        }
        return result
    }

    /// Replays and writes the states of every version from the one in force at `time` on.
    func rebuild(_ tx: any StoreWriter, from time: Timestamp, at now: Timestamp) throws {
        for (version, states) in try replay(tx, from: time) {
            try tx.clearItemStates(plan: version, for: person)
            try tx.saveItemStates(states.values.sorted { $0.key < $1.key }, plan: version, for: person, at: now)
        }
    }

    /// The states after the logs and retests of one version, in time order (a retest answers the
    /// requests made before it).
    ///
    /// - Parameter earlier: sets of the same day done before the version was made; the items
    ///   they count for are already done that day (an exercise in two sessions then counts for
    ///   the other one).
    func fold(
        sets: [LoggedSet], retests: [Retest], into start: [ItemKey: ItemState], tracker: PlanTracker,
        after earlier: [LoggedSet] = []
    ) -> [ItemKey: ItemState] {
        var states = start
        var logged: [CivilDate: Set<ItemKey>] = [:]
        for (id, key) in items(of: earlier, tracker: tracker, states: start) {
            guard let set = earlier.first(where: { $0.id == id }) else { continue }
            logged[zone.localDate(set.performedAt), default: []].insert(key)
        }
        var pending = retests[...]
        for set in sets {
            while let retest = pending.first, retest.takenAt <= set.performedAt {
                states = states.mapValues { $0.answering(retest.kind) }
                pending = pending.dropFirst()
            }
            let date = zone.localDate(set.performedAt)
            guard let key = tracker.key(for: set.entry, on: date, alreadyLogged: logged[date] ?? [], states: states),
                let state = states[key]
            else { continue }
            logged[date, default: []].insert(key)
            if let step = tracker.apply(set.entry, on: date, to: state, states: states) { states[key] = step.state }
        }
        for retest in pending { states = states.mapValues { $0.answering(retest.kind) } }
        return states
    }

    /// The item each of `sets` (the sets of one day, in order) counted for.
    func items(of sets: [LoggedSet], tracker: PlanTracker, states: [ItemKey: ItemState]) -> [LoggedSet.ID: ItemKey] {
        var logged: [CivilDate: Set<ItemKey>] = [:]
        var items: [LoggedSet.ID: ItemKey] = [:]
        for set in sets {
            let date = zone.localDate(set.performedAt)
            guard let key = tracker.key(for: set.entry, on: date, alreadyLogged: logged[date] ?? [], states: states)
            else { continue }
            logged[date, default: []].insert(key)
            items[set.id] = key
        }
        return items
    }
}

extension Timestamp {
    /// Before any record.
    static let distantPast = Timestamp(millisecondsSince1970: Int64.min / 2)
    /// After any record.
    static let distantFuture = Timestamp(millisecondsSince1970: Int64.max / 2)
}

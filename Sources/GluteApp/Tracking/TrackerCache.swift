internal import GluteCore
internal import GluteStore
internal import Synchronization

/// The trackers of plan versions already seen: a version never changes, so its tracker is built once.
final class TrackerCache: Sendable {
    private let trackers = Mutex<[String: PlanTracker]>([:])
    private static let limit = 4096

    /// The tracker of `version`'s `plan`.
    func tracker(_ version: PlanVersion, _ plan: Plan, knowledge: KnowledgeBase) -> PlanTracker {
        if let known = trackers.withLock({ $0[version.id.rawValue] }) { return known }
        let made = PlanTracker(plan: plan, knowledge: knowledge)
        trackers.withLock { cache in
            if cache.count >= Self.limit { cache.removeAll() }
            cache[version.id.rawValue] = made
        }
        return made
    }
}

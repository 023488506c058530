import Foundation
import GluteApp
import GluteCore
import GluteJSON
import GluteSQLite
import GluteStore

enum Probe {
    static func run(path: String, end: Timestamp) async throws {
        let clock = WallClock.fixed(end)
        let store = try SQLiteStore(path: path, clock: clock, ids: .random)
        let knowledge = try KnowledgeBase.bundled()
        let app = GluteApp(store: store, knowledge: knowledge, clock: clock, defaultTimeZone: "UTC")
        let person = try await app.earliestPerson()!
        func time(_ label: String, _ body: () async throws -> Void) async rethrows {
            for _ in 0..<50 { try await body() }
            var t: [Double] = []
            for _ in 0..<500 { let a = DispatchTime.now().uptimeNanoseconds; try await body(); t.append(Double(DispatchTime.now().uptimeNanoseconds - a) / 1000) }
            print(label, Bench.median(t))
        }
        if ProcessInfo.processInfo.environment["PROBE"] == "today" {
            for _ in 0..<20000 { _ = try await app.today(person.id) }
            return
        }
        try await time("empty read") { _ = try await store.read { _ in 1 } }
        try await time("person") { _ = try await store.read { tx in try tx.person(person.id) } }
        try await time("currentPlan") { _ = try await store.read { tx in try tx.currentPlan(for: person.id) } }
        let v = try await store.read { tx in try tx.currentPlan(for: person.id) }!
        try await time("itemStates") { _ = try await store.read { tx in try tx.itemStates(plan: v.id, for: person.id) } }
        let day = TimeZoneRules.utc.day(TimeZoneRules.utc.localDate(end))
        try await time("sets today") { _ = try await store.read { tx in try tx.loggedSets(for: person.id, in: day) } }
        try await time("calls today") { _ = try await store.read { tx in try tx.wakeUpCalls(for: person.id, in: day) } }
        try await time("tracker") { _ = PlanTracker(plan: v.plan!, knowledge: knowledge) }
        try await time("today") { _ = try await app.today(person.id) }
        try await time("today json") { _ = try await app.today(person.id).jsonValue.serialized() }
    }
}

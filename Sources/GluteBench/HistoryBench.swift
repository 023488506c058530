import Foundation
import GluteApp
import GluteCore
import GluteJSON
import GluteSQLite
import GluteStore
import Synchronization

/// The daily calls against a short and a long history: the same person after one week and after
/// three years (about 8,000 sets and 5,500 wake-up calls), in process and as whole commands.
///
/// Kept progression states make `today` and `next` read a bounded amount, so the two histories
/// should answer within 1.5 times of each other.
enum HistoryBench {
    /// Builds both databases in `folder` and prints the figures.
    static func run(glute: String?, assessment: String, folder: URL, runs: Int) async throws {
        print("\nToday and next against a week and three years of history:")
        let start = Timestamp(iso8601: "2024-01-01T07:00:00Z") ?? Timestamp(millisecondsSince1970: 0)
        var paths: [(String, String, Timestamp)] = []
        for (label, weeks) in [("one week", 1), ("three years", 156)] {
            let path = folder.appendingPathComponent("history-\(weeks).sqlite").path
            let built = Date()
            let (end, counts) = try await build(path: path, assessment: assessment, from: start, weeks: weeks)
            print(
                "  \(label): \(counts.sets) sets, \(counts.calls) wake-up calls, \(counts.versions) plan versions "
                    + "(built in \(Bench.fmt(Date().timeIntervalSince(built))) s)")
            paths.append((label, path, end))
        }
        // Both histories are open at once and timed in turn, call after call, so that a machine
        // that speeds up or slows down in the middle (a shared one does) weighs on both alike.
        var subjects: [(label: String, store: SQLiteStore, app: GluteApp, person: Person.ID)] = []
        for (label, path, end) in paths {
            let clock = WallClock.fixed(end)
            let store = try SQLiteStore(path: path, clock: clock, ids: .ordered)
            let app = GluteApp(
                store: store, knowledge: try KnowledgeBase.bundled(), clock: clock, defaultTimeZone: "UTC")
            guard let person = try await app.earliestPerson() else { continue }
            for _ in 0..<50 { _ = try await app.today(person.id) }
            subjects.append((label, store, app, person.id))
        }
        var today = Array(repeating: [Double](), count: subjects.count)
        var next = Array(repeating: [Double](), count: subjects.count)
        for _ in 0..<max(runs * 5, 1000) {
            for (index, subject) in subjects.enumerated() {
                let t0 = DispatchTime.now().uptimeNanoseconds
                _ = try await subject.app.today(subject.person)
                let t1 = DispatchTime.now().uptimeNanoseconds
                _ = try await subject.app.next(subject.person)
                let t2 = DispatchTime.now().uptimeNanoseconds
                today[index].append(Double(t1 - t0) / 1000)
                next[index].append(Double(t2 - t1) / 1000)
            }
        }
        var inProcess: [String: (today: Double, next: Double)] = [:]
        for (index, subject) in subjects.enumerated() {
            await subject.store.close()
            inProcess[subject.label] = (Bench.median(today[index]), Bench.median(next[index]))
            print(
                "  in process, \(subject.label): today median \(Bench.fmt(Bench.median(today[index]))) us (p90 "
                    + "\(Bench.fmt(Bench.percentile(today[index], 0.9)))), next median "
                    + "\(Bench.fmt(Bench.median(next[index]))) us")
        }
        if let short = inProcess["one week"], let long = inProcess["three years"] {
            print(
                "  in process, three years / one week: today \(Bench.fmt(long.today / short.today)), next "
                    + "\(Bench.fmt(long.next / short.next)) (targets: under 50 us; ratio within 1.5)")
        }
        guard let glute else { return }
        var commands: [String: (today: Double, next: Double)] = [:]
        for (label, path, end) in paths {
            let environment = ["GLUTE_DATABASE": path, "GLUTE_NOW": end.description, "TZ": "UTC"]
            let today = Bench.median(
                CommandTimer.time(glute, ["today", "--json"], environment: environment, runs: runs))
            let next = Bench.median(CommandTimer.time(glute, ["next", "--json"], environment: environment, runs: runs))
            commands[label] = (today, next)
            print(
                "  command, \(label): glute today median \(Bench.fmt(today)) ms, glute next median \(Bench.fmt(next)) ms"
            )
        }
        if let short = commands["one week"], let long = commands["three years"] {
            print(
                "  command, three years / one week: today \(Bench.fmt(long.today / short.today)), next "
                    + "\(Bench.fmt(long.next / short.next)) (targets: under 30 ms; ratio within 1.5)")
        }
    }

    /// A person assessed at `start`, reassessed every four weeks, who logs about ten sets on each
    /// of five days a week and answers seven wake-up calls a day, for `weeks` weeks.
    static func build(path: String, assessment: String, from start: Timestamp, weeks: Int) async throws
        -> (end: Timestamp, counts: (sets: Int, calls: Int, versions: Int))
    {
        let now = Mutex(start)
        let clock = WallClock { now.withLock { $0 } }
        var configuration = SQLiteStore.Configuration()
        configuration.synchronous = .off
        let store = try SQLiteStore(path: path, configuration: configuration, clock: clock, ids: .ordered)
        let app = GluteApp(store: store, knowledge: try KnowledgeBase.bundled(), clock: clock, defaultTimeZone: "UTC")
        let person = try await app.createPerson(name: nil, timeZone: "UTC")
        var sets = 0
        var calls = 0
        var versions = 0
        for week in 0..<weeks {
            for day in 0..<7 {
                let morning = start.adding(seconds: Int64((week * 7 + day) * 86_400))
                if week % 4 == 0, day == 0 {
                    now.withLock { $0 = morning }
                    _ = try await app.assess(person.id, inputText: assessment)
                    versions += 1
                }
                guard day < 5 else { continue }
                for hour in 3..<10 {  // 10:00 to 16:00 UTC, the desk worker's calls
                    let at = morning.adding(seconds: Int64(hour * 3600))
                    now.withLock { $0 = at }
                    _ = try await app.logWakeUpCall(person.id, outcome: hour % 4 == 0 ? .skip : .done)
                    calls += 1
                }
                let today = try await app.today(person.id)
                var minute: Int64 = 11 * 60
                for session in today.sessions {
                    for item in session.items {
                        for prescription in item.prescriptions {
                            minute += 2
                            let at = morning.adding(seconds: minute * 60)
                            now.withLock { $0 = at }
                            let entry = SetEntry(
                                exerciseID: prescription.exerciseID, side: prescription.side,
                                setCount: prescription.sets,
                                reps: prescription.measure == .reps
                                    ? Array(repeating: prescription.target, count: prescription.sets) : [],
                                load: prescription.load,
                                durationSeconds: prescription.measure == .seconds ? prescription.target : nil,
                                felt: .glutes, balance: .steady, pain: 0, performedAt: at, session: session.kind)
                            if (try? await app.logSet(person.id, entry)) != nil { sets += 1 }
                        }
                    }
                }
            }
        }
        let end = now.withLock { $0 }.adding(seconds: 3600)
        await store.close()
        return (end, (sets, calls, versions))
    }
}

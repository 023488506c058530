import Foundation
import GluteCore
internal import GluteJSON

#if canImport(Glibc)
    import Glibc
#endif

/// `make bench`: times the engine in process over generated assessments, and the whole
/// `glute assess --input FILE --json` command, each beside a peer measured in the same run.
@main
struct Bench {
    static func main() async throws {
        let options = BenchOptions(CommandLine.arguments)
        let knowledge = try KnowledgeBase.bundled()
        let documents = InputGenerator.documents(count: options.inputs)
        let start = CivilDate(daysSinceEpoch: 20_783)  // 2026-11-26

        // Warm up, then time parse + decode + findings + plan for each document, in three rounds
        // (the machine is shared: a round can run slow throughout, so each round is reported).
        for text in documents { _ = try? AssessmentEngine.evaluate(json: text, startingOn: start) }  // warm-up pass
        var plans = 0
        var rounds: [(engine: Double, p90: Double, parse: Double)] = []
        for _ in 0..<3 {
            var engine: [Double] = []
            var parseOnly: [Double] = []
            plans = 0
            for text in documents {
                let bytes = Array(text.utf8)
                let t0 = DispatchTime.now().uptimeNanoseconds
                _ = try? JSONValue.parse(bytes)
                let t1 = DispatchTime.now().uptimeNanoseconds
                if let assessment = try? Assessment.decode(bytes: bytes) {
                    let result = AssessmentEngine.evaluate(assessment, knowledge: knowledge, startingOn: start)
                    if result.plan != nil { plans += 1 }
                }
                let t2 = DispatchTime.now().uptimeNanoseconds
                parseOnly.append(Double(t1 - t0) / 1000)
                engine.append(Double(t2 - t1) / 1000)
            }
            rounds.append((median(engine), percentile(engine, 0.9), median(parseOnly)))
        }
        print("In process, \(documents.count) generated assessments (\(plans) with a plan), three rounds:")
        for (index, round) in rounds.enumerated() {
            print(
                "  round \(index + 1): decode + findings + plan median \(fmt(round.engine)) us, p90 \(fmt(round.p90)) us; "
                    + "peer JSON parse alone median \(fmt(round.parse)) us; ratio \(fmt(round.engine / round.parse))")
        }
        let best = rounds.min { $0.engine < $1.engine } ?? (0, 0, 0)
        print("  best round median \(fmt(best.engine)) us (target: median < 100 us)")
        LargeDocumentTimer.report()

        guard let glute = options.glute, let cases = options.cases else { return }
        let input = cases + "/desk-worker-left-amnesia.json"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glute-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ["GLUTE_DATABASE": folder.appendingPathComponent("bench.sqlite").path]
        let command = CommandTimer.time(
            glute, ["assess", "--input", input, "--json", "--no-store"], runs: options.runs)
        let stored = CommandTimer.time(
            glute, ["assess", "--input", input, "--json"], environment: store, runs: options.runs)
        let version = CommandTimer.time(glute, ["--version"], runs: options.runs)
        let peer = CommandTimer.time("/bin/true", [], runs: options.runs)
        print("Whole command, \(options.runs) runs each (wall clock, process start to exit):")
        print(
            "  glute assess --input desk-worker --json --no-store: median \(fmt(median(command))) ms, p90 \(fmt(percentile(command, 0.9))) ms (target: < 20 ms)"
        )
        print(
            "  the same, kept in SQLite (synchronous=FULL):        median \(fmt(median(stored))) ms, p90 \(fmt(percentile(stored, 0.9))) ms"
        )
        print(
            "  peer, glute --version:                              median \(fmt(median(version))) ms; assess/version ratio \(fmt(median(command) / median(version)))"
        )
        print("  peer, /bin/true:                                    median \(fmt(median(peer))) ms")
        try await HistoryBench.run(
            glute: glute, assessment: try String(contentsOfFile: input, encoding: .utf8), folder: folder,
            runs: options.runs)
    }

    static func median(_ values: [Double]) -> Double { percentile(values, 0.5) }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    static func fmt(_ value: Double) -> String { String(format: "%.2f", value) }
}

struct BenchOptions {
    var glute: String?
    var cases: String?
    var inputs = 5000
    var runs = 200

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--glute": glute = iterator.next()
            case "--cases": cases = iterator.next()
            case "--inputs": inputs = iterator.next().flatMap(Int.init) ?? inputs
            case "--runs": runs = iterator.next().flatMap(Int.init) ?? runs
            default: break
            }
        }
    }
}

enum CommandTimer {
    /// Wall-clock milliseconds for each run of `path arguments`, started with posix_spawn (not
    /// Foundation's Process, whose own start-up cost here is tens of milliseconds), output to
    /// /dev/null.
    static func time(_ path: String, _ arguments: [String], environment: [String: String] = [:], runs: Int) -> [Double]
    {
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var times: [Double] = []
        for _ in 0..<runs {
            var pid: pid_t = 0
            let t0 = DispatchTime.now().uptimeNanoseconds
            guard posix_spawn(&pid, path, &actions, nil, argv, envp) == 0 else { return [] }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000)
        }
        return times
    }
}

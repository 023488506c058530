import Foundation
import GluteJSON
import Testing

@testable import GluteCore

/// A logged set is on disk when `glute log` returns: a loop of logs killed with SIGKILL (the
/// shell and whichever `glute` is running at that moment) loses no entry it acknowledged.
@Suite struct DurabilityTests {
    @Test func killingALoopOfLogsLosesNoAcknowledgedEntry() throws {
        let database = try GluteBinary.temporaryFile("", name: "durable.sqlite")
        let acks = try GluteBinary.temporaryFile("", name: "acks.txt")
        let pidFile = try GluteBinary.temporaryFile("", name: "loop.pid")
        let script = """
            echo $$ > "$PIDFILE"
            i=0
            while [ $i -lt 400 ]; do
              "$GLUTE" log clamshell --side left --sets 1x$(( i % 40 + 1 )) --felt glutes --pain 0 --note "n$i" >/dev/null \
                && echo "n$i" >> "$ACKS"
              i=$(( i + 1 ))
            done
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["--wait", "/bin/bash", "-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["GLUTE"] = GluteBinary.url.path
        environment["ACKS"] = acks
        environment["PIDFILE"] = pidFile
        environment["GLUTE_DATABASE"] = database
        environment.removeValue(forKey: "GLUTE_NOW")
        process.environment = environment
        try process.run()
        // Let it acknowledge a few dozen entries, then kill the whole process group mid-flight.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let count = ((try? String(contentsOfFile: acks, encoding: .utf8)) ?? "").split(separator: "\n").count
            if count >= 25 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        // The shell leads its own session (setsid), so its pid is the group of the loop and of
        // the glute it is running.
        let group = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let killer = Process()
        killer.executableURL = URL(fileURLWithPath: "/bin/kill")
        killer.arguments = ["-KILL", "--", "-\(group)"]
        try killer.run()
        killer.waitUntilExit()
        #expect(killer.terminationStatus == 0)
        process.waitUntilExit()

        let acknowledged = Set(
            try String(contentsOfFile: acks, encoding: .utf8).split(separator: "\n").map(String.init))
        #expect(acknowledged.count >= 25)
        #expect(acknowledged.count < 400, "the loop must have been killed before it finished")
        let export = try GluteBinary.run(["export", "json"], environment: ["GLUTE_DATABASE": database])
        #expect(export.status == 0, "the database must still open: \(export.stderr)")
        let notes = Set(
            (try JSONValue.parse(export.stdout).objectValue?["loggedSets"]?.arrayValue ?? [])
                .compactMap { $0.objectValue?["note"]?.stringValue })
        #expect(acknowledged.isSubset(of: notes), "lost: \(acknowledged.subtracting(notes).sorted())")
    }
}

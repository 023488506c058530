import Foundation
import GluteJSON
import Testing

@testable import GluteCore

/// Exports checked with independent readers, and imports that either write everything or nothing.
@Suite struct ExportImportTests {
    static let desk = GluteBinary.fixtures.appendingPathComponent("cases/desk-worker-left-amnesia.json").path

    func database(timeZone: String = "UTC") throws -> [String: String] {
        let environment = ["GLUTE_DATABASE": try GluteBinary.temporaryFile("", name: "export.sqlite"), "TZ": timeZone]
        #expect(try GluteBinary.run(["assess", "--input", Self.desk], environment: environment).status == 0)
        for (index, side) in ["left", "right"].enumerated() {
            var env = environment
            env["GLUTE_NOW"] = "2026-11-26T18:0\(index):00Z"
            let logged = try GluteBinary.run(
                [
                    "log", "split-squat", "--side", side, "--sets", "2x12", "--load", "8kg",
                    "--felt", "glutes", "--pain", "1", "--note", "felt good, \"easy\"",
                ], environment: env)
            #expect(logged.status == 0)
        }
        return environment
    }

    /// Runs the `icalendar` reader (from the test virtual environment) on an exported calendar.
    func readCalendar(_ environment: [String: String]) throws -> JSONObject {
        let file = try GluteBinary.temporaryFile("", name: "plan.ics")
        let export = try GluteBinary.run(
            ["export", "ics", "--output", file, "--session-time", "07:30"], environment: environment)
        #expect(export.status == 0)
        let python = GluteBinary.repositoryRoot.appendingPathComponent(".venv/bin/python3")
        let reader = GluteBinary.fixtures.appendingPathComponent("tools/read-ics.py").path
        let parsed = try GluteBinary.run([reader, file], executable: python)
        #expect(parsed.status == 0, "icalendar could not read the export: \(parsed.stderr)")
        return try #require(try JSONValue.parse(parsed.stdout).objectValue)
    }

    @Test func calendarIsReadByARealParserWithAlarmsRecurrenceAndZones() throws {
        let calendar = try readCalendar(try database(timeZone: "Europe/Berlin"))
        let events = (calendar["events"]?.arrayValue ?? []).compactMap(\.objectValue)
        let wakeUps = events.filter { $0["summary"] == "Glute wake-up call" }
        #expect(wakeUps.count == 7)  // 10:00 to 16:00 in a 09:00-17:00 day, every 60 minutes
        #expect(wakeUps.allSatisfy { $0["byday"] == ["MO", "TU", "WE", "TH", "FR"] && $0["freq"] == ["WEEKLY"] })
        let sessions = events.filter { $0["summary"]?.stringValue?.hasPrefix("GluteCoach") == true }
        #expect(sessions.count >= 5)
        #expect(events.allSatisfy { $0["alarms"]?.arrayValue?.count == 1 })
        #expect(events.allSatisfy { $0["tzid"] == "Europe/Berlin" })
        // 26 November is winter time in Berlin: one hour ahead of UTC.
        #expect(events.allSatisfy { $0["utcoffset"] == 3600 })
        #expect(calendar["timezones"] == ["Europe/Berlin"])
        let first = try #require(wakeUps.first)
        #expect(first["start"]?.stringValue?.hasPrefix("2026-11-26T10:00:00") == true)
        let monday = try #require(sessions.first { $0["byday"] == ["MO"] })
        #expect(monday["start"]?.stringValue?.contains("T07:30:00") == true)
    }

    @Test func uidsStayTheSameAcrossExports() throws {
        let environment = try database()
        let first = try readCalendar(environment)["events"]?.arrayValue?.compactMap {
            $0.objectValue?["uid"]?.stringValue
        }
        let second = try readCalendar(environment)["events"]?.arrayValue?.compactMap {
            $0.objectValue?["uid"]?.stringValue
        }
        #expect(first == second)
        #expect(Set(first ?? []).count == first?.count)
    }

    @Test func csvListsEveryLoggedSetWithQuoting() throws {
        let csv = try GluteBinary.run(["export", "csv"], environment: try database())
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 3)
        #expect(
            lines[0]
                == "date,time,exercise,side,session,sets,reps,seconds,load,unit,felt,balance,rpe,pain,numbness,note")
        #expect(
            lines[1] == "2026-11-26,18:00,split-squat,left,,2,12 12,,8,kg,glutes,steady,,1,,\"felt good, \"\"easy\"\"\""
        )
    }

    @Test func exportImportExportGivesTheSameBytes() throws {
        let first = try GluteBinary.run(["export", "json"], environment: try database())
        let file = try GluteBinary.temporaryFile(first.stdout, name: "export.json")
        let target = ["GLUTE_DATABASE": try GluteBinary.temporaryFile("", name: "import.sqlite")]
        let imported = try GluteBinary.run(["import", "json", file], environment: target)
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("2 logged sets"))
        let second = try GluteBinary.run(["export", "json"], environment: target)
        #expect(second.stdout == first.stdout)
        #expect(try GluteBinary.run(["plan"], environment: target).status == 0)
    }

    @Test func anInvalidFileIsRejectedByFieldAndChangesNothing() throws {
        let environment = try database()
        let before = try GluteBinary.run(["export", "json"], environment: environment).stdout
        var document = try #require(try JSONValue.parse(before).objectValue)
        var sets = document["loggedSets"]?.arrayValue ?? []
        var set = try #require(sets.last?.objectValue)
        set["pain"] = 12
        sets[sets.count - 1] = .object(set)
        document["loggedSets"] = .array(sets)
        let file = try GluteBinary.temporaryFile(JSONValue.object(document).serialized(), name: "bad.json")
        let target = ["GLUTE_DATABASE": try GluteBinary.temporaryFile("", name: "import.sqlite")]
        let result = try GluteBinary.run(["import", "json", file], environment: target)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("Error: loggedSets[1].pain: "))
        // Nothing was written: not even the database file the import would have made.
        #expect(!FileManager.default.fileExists(atPath: target["GLUTE_DATABASE"] ?? ""))
    }

    @Test func anImportIntoADatabaseThatHoldsSomeoneIsRefusedUnlessAsANewPerson() throws {
        let environment = try database()
        let export = try GluteBinary.run(["export", "json"], environment: environment).stdout
        let file = try GluteBinary.temporaryFile(export, name: "again.json")
        let refused = try GluteBinary.run(["import", "json", file], environment: environment)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("already holds a person"), "\(refused.stderr)")
        #expect(try GluteBinary.run(["export", "json"], environment: environment).stdout == export)
        let copy = try GluteBinary.run(["import", "json", file, "--as-new-person"], environment: environment)
        #expect(copy.status == 0, "\(copy.stderr)")
        let after = try JSONValue.parse(try GluteBinary.run(["export", "json"], environment: environment).stdout)
        #expect(after.objectValue?["people"]?.arrayValue?.count == 2)
        // The command line's person stays who it was.
        let plan = try GluteBinary.run(["plan", "--json"], environment: environment)
        let before = try JSONValue.parse(export).objectValue?["plans"]?.arrayValue?.last?.objectValue?["version"]
        #expect(try JSONValue.parse(plan.stdout).objectValue?["version"] == before)
    }

    @Test func importingTheSameFileTwiceSaysAlreadyImported() throws {
        let export = try GluteBinary.run(["export", "json"], environment: try database()).stdout
        let file = try GluteBinary.temporaryFile(export, name: "twice.json")
        let target = ["GLUTE_DATABASE": try GluteBinary.temporaryFile("", name: "twice.sqlite")]
        #expect(try GluteBinary.run(["import", "json", file], environment: target).status == 0)
        let again = try GluteBinary.run(["import", "json", file], environment: target)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already"), "\(again.stderr)")
    }

    @Test func aFailedImportLeavesNoNewFile() throws {
        let folder = try GluteBinary.temporaryFile("", name: "unused").replacingOccurrences(of: "/unused", with: "")
        let path = folder + "/never.sqlite"
        let bad = try GluteBinary.temporaryFile(
            "{\"format\": \"glutecoach-export\", \"version\": 9}", name: "bad9.json")
        let result = try GluteBinary.run(["import", "json", bad, "--database", path])
        #expect(result.status == 65)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}

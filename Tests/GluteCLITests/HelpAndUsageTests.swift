import Foundation
import Testing

@Suite struct HelpAndUsageTests {
    @Test func rootHelpListsSubcommandsInTheFamiliarLayout() throws {
        let result = try GluteBinary.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("OVERVIEW: GluteCoach"))
        for section in [
            "USAGE: glute <subcommand>", "OPTIONS:", "SUBCOMMANDS:", "  assess                  Run the safety screen",
            "  -h, --help              Show help information.", "See 'glute help <subcommand>' for detailed help.",
        ] {
            #expect(result.stdout.contains(section), "missing \(section)")
        }
    }

    @Test(arguments: [
        "assess", "plan", "log", "next", "today", "retest", "export", "import", "analyze", "exercises", "explain",
    ])
    func everyCommandHasHelp(command: String) throws {
        let viaFlag = try GluteBinary.run([command, "--help"])
        #expect(viaFlag.status == 0)
        #expect(viaFlag.stdout.contains("USAGE: glute \(command)"))
        let viaHelp = try GluteBinary.run(["help", command])
        #expect(viaHelp.stdout == viaFlag.stdout)
    }

    @Test func assessHelpMatchesItsSnapshot() throws {
        let result = try GluteBinary.run(["assess", "--help"])
        #expect(
            result.stdout == """
                OVERVIEW: Run the safety screen and self-assessment, then show findings and a plan.

                With --input, reads an assessment in the interchange format (see
                docs/assessment-format.md). Without it, on a terminal, walks you through the
                safety screen and each self-test.

                USAGE: glute assess [--input <file>] [--save <file>] [--no-store] [--database <path>] [--json]

                OPTIONS:
                  -i, --input <file>      Read the assessment from a JSON file ('-' for standard
                                          input).
                  --save <file>           Also write the answers given interactively to this
                                          JSON file.
                  --no-store              Do not keep the assessment and plan in the database.
                  --database <path>       The SQLite database to use (default: $GLUTE_DATABASE,
                                          else $XDG_DATA_HOME/glutecoach/glute.sqlite).
                  --json                  Print JSON instead of text.
                  -h, --help              Show help information.

                """)
    }

    @Test func discussionsAreWrappedAndExamplesKeepTheirLines() throws {
        let log = try GluteBinary.run(["log", "--help"])
        #expect(
            log.stdout.contains(
                "\n  glute log romanian-deadlift --sets 3x10 --load 16kg --felt glutes --rpe 7 --pain 1\n"))
        let analyze = try GluteBinary.run(["analyze", "--help"])
        let overview = analyze.stdout.components(separatedBy: "\n\nUSAGE:")[0]
        #expect(overview.split(separator: "\n").allSatisfy { $0.count <= 80 || $0.hasPrefix("OVERVIEW:") })
        #expect(overview.contains("MediaPipe Pose\n(JSON or CSV)"))
    }

    @Test func usageErrorsExit64WithUsageAndHint() throws {
        let result = try GluteBinary.run(["assess", "--bogus"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == """
                Error: Unknown option '--bogus'
                Usage: glute assess [--input <file>] [--save <file>] [--no-store] [--database <path>] [--json]
                  See 'glute assess --help' for more information.

                """)
        #expect(try GluteBinary.run(["frobnicate"]).status == 64)
        #expect(try GluteBinary.run(["assess", "--input"]).status == 64)
    }

    @Test func versionPrints() throws {
        let result = try GluteBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
    }
}

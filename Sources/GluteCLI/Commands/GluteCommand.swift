/// The root command: `glute`.
struct GluteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glute",
        abstract: "GluteCoach: wake up your glutes, build a plan, and follow it every working day.",
        discussion: """
            GLUTE_NOW (an ISO 8601 instant such as 2026-11-30T18:00:00Z) fixes the clock every command \
            reads, for demonstrations and tests. GLUTE_DATABASE chooses the database file. 'glute --account EMAIL <command>' (or GLUTE_ACCOUNT) acts for that account's person.
            """,
        subcommands: [
            AssessCommand.self,
            PlanCommand.self,
            TodayCommand.self,
            LogCommand.self,
            NextCommand.self,
            RetestCommand.self,
            ProgressCommand.self,
            RemindCommand.self,
            AnalyzeCommand.self,
            ExportCommand.self,
            ImportCommand.self,
            HistoryCommand.self,
            DeleteCommand.self,
            BackupCommand.self,
            AccountCommand.self,
            ExercisesCommand.self,
            ExplainCommand.self,
            ServeCommand.self,
        ]
    )

    init(parsed: ParsedArguments) throws(CLIError) {}
}

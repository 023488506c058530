/// The root command: `glute`.
struct GluteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glute",
        abstract: "GluteCoach: wake up your glutes, build a plan, and follow it every working day.",
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
            ExercisesCommand.self,
            ExplainCommand.self,
        ]
    )

    init(parsed: ParsedArguments) throws(CLIError) {}
}

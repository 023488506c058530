/// The root command: `glute`.
struct GluteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glute",
        abstract: "GluteCoach: wake up your glutes, build a plan, and follow it every working day.",
        subcommands: [
            AnalyzeCommand.self,
            AssessCommand.self,
            ExercisesCommand.self,
            ExplainCommand.self,
        ]
    )

    init(parsed: ParsedArguments) throws(CLIError) {}
}

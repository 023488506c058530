struct ExercisesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "exercises", abstract: "TODO")
    init(parsed: ParsedArguments) throws(CLIError) {}
    func run(_ io: CommandIO) async throws {}
}

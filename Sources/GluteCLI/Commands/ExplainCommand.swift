struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "TODO")
    init(parsed: ParsedArguments) throws(CLIError) {}
    func run(_ io: CommandIO) async throws {}
}

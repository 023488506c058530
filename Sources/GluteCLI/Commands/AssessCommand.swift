struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assess", abstract: "TODO")
    init(parsed: ParsedArguments) throws(CLIError) {}
    func run(_ io: CommandIO) async throws {}
}

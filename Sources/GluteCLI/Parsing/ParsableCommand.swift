/// A command of the `glute` tool: a value built from parsed arguments, then run.
///
/// ```swift
/// struct Hello: ParsableCommand {
///     static let configuration = CommandConfiguration(commandName: "hello", abstract: "Say hello.")
///     init(parsed: ParsedArguments) throws(CLIError) {}
///     func run(_ io: CommandIO) async throws { io.print("hello") }
/// }
/// ```
public protocol ParsableCommand: Sendable {
    /// Name, help and accepted arguments.
    static var configuration: CommandConfiguration { get }
    /// Reads and validates the arguments; throws a usage error naming the bad one.
    init(parsed: ParsedArguments) throws(CLIError)
    /// Does the work. Throws ``CLIError`` for failures the user should see.
    func run(_ io: CommandIO) async throws
}

extension ParsableCommand {
    /// Commands that only group subcommands print their help when run alone.
    public func run(_ io: CommandIO) async throws {
        io.print(HelpGenerator.help(for: Self.self, path: [Self.configuration.commandName]))
    }
}

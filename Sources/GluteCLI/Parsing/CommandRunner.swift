/// Parses a command line, runs the command it names, and turns the outcome into an exit status
/// and error text in one place.
public enum CommandRunner {
    /// Runs `arguments` (without the program name) against the `glute` command tree.
    /// - Returns: the process exit status.
    public static func run(_ arguments: [String], io: CommandIO) async -> Int32 {
        await run(arguments, root: GluteCommand.self, io: io)
    }

    /// Runs `arguments` against any command tree.
    public static func run(_ arguments: [String], root: any ParsableCommand.Type, io: CommandIO) async -> Int32 {
        var resolved: ArgumentParser.Target?
        var arguments = arguments
        var io = io
        do {
            // `glute --account EMAIL <command>` acts for that account's person (see CLIApplication.person).
            if arguments.first == "--account" || arguments.first?.hasPrefix("--account=") == true {
                let value: String
                if let first = arguments.first, first.hasPrefix("--account=") {
                    value = String(first.dropFirst("--account=".count))
                    arguments.removeFirst()
                } else {
                    guard arguments.count > 1 else { throw CLIError.usage("'--account' needs an email") }
                    value = arguments[1]
                    arguments.removeFirst(2)
                }
                guard !value.isEmpty else { throw CLIError.usage("'--account' needs an email") }
                io.environment["GLUTE_ACCOUNT"] = value
            }
            if io.clockError != nil, case .failure(let error) = CommandIO.fixedClock(io.environment["GLUTE_NOW"]) {
                throw error
            }
            let found = try ArgumentParser.findCommand(arguments, root: root)
            resolved = found
            let parsed = try ArgumentParser.parse(found.remaining, for: found.command, path: found.path)
            let command = try found.command.init(parsed: parsed)
            try await command.run(io)
            return CLIError.ExitCode.success.rawValue
        } catch let exit as CleanExit {
            io.print(exit.text)
            return CLIError.ExitCode.success.rawValue
        } catch let error as CLIError {
            io.printError("Error: \(error.message)")
            if error.exitCode == .usage {
                let command = resolved?.command ?? root
                let path = resolved?.path ?? [root.configuration.commandName]
                io.printError("Usage: \(HelpGenerator.usage(for: command, path: path))")
                io.printError("  See '\(path.joined(separator: " ")) --help' for more information.")
            }
            return error.exitCode.rawValue
        } catch {
            io.printError("Error: \(error)")
            return CLIError.ExitCode.failure.rawValue
        }
    }
}

#if canImport(Glibc)
    private import Glibc
#elseif canImport(Darwin)
    private import Darwin
#endif

extension CommandRunner {
    /// Runs the process's own command line on the real terminal and exits with its status.
    public static func main() async -> Never {
        let status = await run(Array(CommandLine.arguments.dropFirst()), io: .live)
        exit(status)
    }
}

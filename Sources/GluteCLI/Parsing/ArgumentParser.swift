/// Splits a command line into a command and its parsed arguments, following the conventions
/// of swift-argument-parser: `--name value`, `--name=value`, `-x value`, `--` ends options.
enum ArgumentParser {
    /// The command a command line names, and the arguments left for it.
    struct Target {
        var command: any ParsableCommand.Type
        var path: [String]
        var remaining: [String]
    }

    static func findCommand(_ arguments: [String], root: any ParsableCommand.Type) throws -> Target {
        var command = root
        var path = [root.configuration.commandName]
        var remaining = arguments[...]
        // `glute help <subcommand...>` shows help for that subcommand.
        if remaining.first == "help",
            root.configuration.subcommands.contains(where: { $0.configuration.commandName != "help" })
        {
            remaining.removeFirst()
            for name in remaining {
                guard let sub = command.configuration.subcommands.first(where: { $0.configuration.commandName == name })
                else {
                    throw CLIError.usage("Unknown subcommand '\(name)'.")
                }
                command = sub
                path.append(name)
            }
            throw CleanExit(text: HelpGenerator.help(for: command, path: path))
        }
        while let next = remaining.first,
            let sub = command.configuration.subcommands.first(where: { $0.configuration.commandName == next })
        {
            command = sub
            path.append(next)
            remaining.removeFirst()
        }
        return Target(command: command, path: path, remaining: Array(remaining))
    }

    static func parse(_ arguments: [String], for command: any ParsableCommand.Type, path: [String]) throws
        -> ParsedArguments
    {
        let configuration = command.configuration
        var parsed = ParsedArguments(definitions: configuration.options)
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" { optionsEnded = true; continue }
            if argument == "-h" || argument == "--help" {
                throw CleanExit(text: HelpGenerator.help(for: command, path: path))
            }
            var name: String
            var inlineValue: String?
            if argument.hasPrefix("--") {
                name = String(argument.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    inlineValue = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
            } else {
                let letters = argument.dropFirst()
                guard letters.count == 1, let letter = letters.first,
                    let definition = configuration.options.first(where: { $0.short == letter })
                else {
                    if let number = Double(argument), number.isFinite {
                        parsed.positionals.append(argument)  // a negative number, not an option
                        continue
                    }
                    throw CLIError.usage("Unknown option '\(argument)'")
                }
                name = definition.name
            }
            guard let definition = configuration.options.first(where: { $0.name == name }) else {
                if name == "version", path.count == 1 { throw CleanExit(text: GluteVersion.current) }
                throw CLIError.usage("Unknown option '--\(name)'")
            }
            if definition.valueName == nil {
                if inlineValue != nil { throw CLIError.usage("The flag '--\(name)' does not take a value") }
                parsed.values[name, default: []].append("true")
                continue
            }
            if let inlineValue {
                parsed.values[name, default: []].append(inlineValue)
            } else if index < arguments.count, !arguments[index].hasPrefix("--") {
                parsed.values[name, default: []].append(arguments[index])
                index += 1
            } else {
                throw CLIError.usage("Missing value for '\(definition.usage)'")
            }
        }
        let required = configuration.arguments.filter { !$0.isOptional }.count
        if parsed.positionals.count > configuration.arguments.count {
            let extra = parsed.positionals[configuration.arguments.count]
            if !configuration.subcommands.isEmpty {
                throw CLIError.usage("Unknown subcommand '\(extra)'.")
            }
            throw CLIError.usage("Unexpected argument '\(extra)'")
        }
        if parsed.positionals.count < required {
            let missing = configuration.arguments[parsed.positionals.count]
            throw CLIError.usage("Missing expected argument '<\(missing.name)>'")
        }
        return parsed
    }
}

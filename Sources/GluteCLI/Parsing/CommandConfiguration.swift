/// What a command is called, what it does, and what it accepts; help text is generated from it.
public struct CommandConfiguration: Sendable {
    /// The name typed on the command line.
    public var commandName: String
    /// One line for `OVERVIEW:` and for the parent's `SUBCOMMANDS:` list.
    public var abstract: String
    /// Longer text printed after the overview.
    public var discussion: String
    /// Positional arguments in order.
    public var arguments: [ArgumentDefinition]
    /// Named options and flags.
    public var options: [OptionDefinition]
    /// Nested commands.
    public var subcommands: [any ParsableCommand.Type]

    /// Creates a configuration.
    public init(
        commandName: String, abstract: String, discussion: String = "",
        arguments: [ArgumentDefinition] = [], options: [OptionDefinition] = [],
        subcommands: [any ParsableCommand.Type] = []
    ) {
        self.commandName = commandName
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.subcommands = subcommands
    }
}

/// A positional argument.
public struct ArgumentDefinition: Sendable {
    /// The name shown in help (`<exercise>`).
    public var name: String
    /// What it is.
    public var help: String
    /// Whether it may be left out.
    public var isOptional: Bool

    /// Creates a positional argument.
    public init(_ name: String, help: String, isOptional: Bool = false) {
        self.name = name
        self.help = help
        self.isOptional = isOptional
    }
}

/// A named option (`--input <file>`) or flag (`--json`).
public struct OptionDefinition: Sendable {
    /// The long name without dashes.
    public var name: String
    /// An optional one-letter short name.
    public var short: Character?
    /// The placeholder for the value, or `nil` for a flag.
    public var valueName: String?
    /// What it does.
    public var help: String

    /// Creates an option that takes a value.
    public static func option(_ name: String, short: Character? = nil, value: String, help: String) -> OptionDefinition
    {
        OptionDefinition(name: name, short: short, valueName: value, help: help)
    }

    /// Creates a flag that takes no value.
    public static func flag(_ name: String, short: Character? = nil, help: String) -> OptionDefinition {
        OptionDefinition(name: name, short: short, valueName: nil, help: help)
    }

    /// `-i, --input <file>` as shown in help.
    var label: String {
        var text = short.map { "-\($0), " } ?? ""
        text += "--\(name)"
        if let valueName { text += " <\(valueName)>" }
        return text
    }

    /// `--input <file>` as shown in usage lines and errors.
    var usage: String { valueName.map { "--\(name) <\($0)>" } ?? "--\(name)" }
}

/// Options several commands share, so that they read and behave the same everywhere.
public enum CommonOptions {
    /// `--json`: machine-readable output.
    public static let json = OptionDefinition.flag("json", help: "Print JSON instead of text.")
    /// `--database <path>`: where the store lives.
    public static let database = OptionDefinition.option(
        "database", value: "path",
        help: "The SQLite database to use (default: $GLUTE_DATABASE, else $XDG_DATA_HOME/glutecoach/glute.sqlite).")
}

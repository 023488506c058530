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
    /// Other usage lines, for forms of the command that take other arguments (`glute log wakeup done|skip`).
    public var otherUsages: [String]

    /// Creates a configuration.
    public init(
        commandName: String, abstract: String, discussion: String = "",
        arguments: [ArgumentDefinition] = [], options: [OptionDefinition] = [],
        subcommands: [any ParsableCommand.Type] = [], otherUsages: [String] = []
    ) {
        self.commandName = commandName
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.subcommands = subcommands
        self.otherUsages = otherUsages
    }
}

/// A positional argument.
public struct ArgumentDefinition: Sendable {
    /// The placeholder shown in usage (`<exercise>`).
    public var name: String
    /// What it is.
    public var help: String
    /// Whether it may be left out.
    public var isOptional: Bool
    /// Whether help and the main usage line leave it out (it belongs to another form of the
    /// command, shown in ``CommandConfiguration/otherUsages``).
    public var isHidden: Bool

    /// Creates an argument.
    public init(_ name: String, help: String, isOptional: Bool = false, isHidden: Bool = false) {
        self.name = name
        self.help = help
        self.isOptional = isOptional
        self.isHidden = isHidden
    }
}

/// A named option (`--sets 2x15`) or flag (`--json`), as help and the parser see it.
///
/// Commands declare each one once as an ``Option`` or ``Flag`` and read it through that
/// declaration, never by a name typed again.
public struct OptionDefinition: Sendable {
    /// The long name without dashes.
    public var name: String
    /// An optional one-letter short name.
    public var short: Character?
    /// The placeholder for the value, or `nil` for a flag.
    public var valueName: String?
    /// What it does.
    public var help: String
    /// Whether the command needs it (shown without brackets in the usage line).
    public var isRequired: Bool

    /// `-i, --input <file>`.
    var label: String {
        var text = short.map { "-\($0), " } ?? ""
        text += "--\(name)"
        if let valueName { text += " <\(valueName)>" }
        return text
    }

    /// `--input <file>`.
    var usage: String { valueName.map { "--\(name) <\($0)>" } ?? "--\(name)" }
}

/// An option that takes a value, declared once with how its text becomes a value.
///
/// ```swift
/// static let weeks = Option<Int>("weeks", value: "n", help: "How many weeks.", expecting: "1 to 104") {
///     Int($0).flatMap { (1...104).contains($0) ? $0 : nil }
/// }
/// let weeks = try parsed.value(Self.weeks) ?? 8
/// ```
public struct Option<Value>: Sendable {
    /// How help and the parser see it.
    public let definition: OptionDefinition
    /// What a valid value looks like, for the error message.
    public let expecting: String
    /// Turns the text into a value, `nil` when it is not one.
    public let parse: @Sendable (String) -> Value?

    /// Declares an option.
    public init(
        _ name: String, short: Character? = nil, value: String, help: String, isRequired: Bool = false,
        expecting: String, parse: @escaping @Sendable (String) -> Value?
    ) {
        definition = OptionDefinition(name: name, short: short, valueName: value, help: help, isRequired: isRequired)
        self.expecting = expecting
        self.parse = parse
    }
}

extension Option where Value == String {
    /// Declares an option whose value is any text.
    public init(_ name: String, short: Character? = nil, value: String, help: String, isRequired: Bool = false) {
        self.init(
            name, short: short, value: value, help: help, isRequired: isRequired, expecting: "a value",
            parse: { $0 })
    }
}

/// A flag, on when given.
public struct Flag: Sendable {
    /// How help and the parser see it.
    public let definition: OptionDefinition

    /// Declares a flag.
    public init(_ name: String, short: Character? = nil, help: String) {
        definition = OptionDefinition(name: name, short: short, valueName: nil, help: help, isRequired: false)
    }
}

/// Options many commands share.
public enum CommonOptions {
    /// `--json`.
    public static let json = Flag("json", help: "Print JSON instead of text.")
    /// `--database <path>`.
    public static let database = Option<String>(
        "database", value: "path",
        help: "The SQLite database to use (default: $GLUTE_DATABASE, else $XDG_DATA_HOME/glutecoach/glute.sqlite).",
        expecting: "a file path", parse: { $0.isEmpty ? nil : $0 })
}

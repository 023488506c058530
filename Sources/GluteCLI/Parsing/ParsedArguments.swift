/// What the parser found on a command line, read through the options' own declarations.
public struct ParsedArguments: Sendable {
    var values: [String: [String]] = [:]
    /// The positional arguments, in order.
    public internal(set) var positionals: [String] = []
    let definitions: [OptionDefinition]

    /// Whether `flag` was given.
    public func isSet(_ flag: Flag) -> Bool { values[flag.definition.name] != nil }

    /// Whether `option` was given at all.
    public func isGiven<Value>(_ option: Option<Value>) -> Bool { values[option.definition.name] != nil }

    /// The positional argument at `index`, or `nil`.
    public func positional(_ index: Int) -> String? { index < positionals.count ? positionals[index] : nil }

    /// The value of `option` (the last one when given twice), or `nil` when it was not given.
    ///
    /// - Throws: a usage error naming the option and what it expects when the text is not a value.
    public func value<Value>(_ option: Option<Value>) throws(CLIError) -> Value? {
        guard let text = values[option.definition.name]?.last else { return nil }
        guard let value = option.parse(text) else {
            throw CLIError.usage(
                "Invalid value '\(text)' for '\(option.definition.usage)': expected \(option.expecting).")
        }
        return value
    }

    /// The value of a required option.
    ///
    /// - Throws: a usage error naming the option when it is missing or not a value.
    public func required<Value>(_ option: Option<Value>) throws(CLIError) -> Value {
        guard let value = try value(option) else {
            throw CLIError.usage("Missing expected argument '\(option.definition.usage)'")
        }
        return value
    }

    /// Fails when `option` was given: for options that do not apply to the form of the command used.
    public func refuse<Value>(_ option: Option<Value>, because reason: String) throws(CLIError) {
        if isGiven(option) { throw CLIError.usage("'\(option.definition.usage)' \(reason)") }
    }

    /// Fails when `flag` was given: for flags that do not apply to the form of the command used.
    public func refuse(_ flag: Flag, because reason: String) throws(CLIError) {
        if isSet(flag) { throw CLIError.usage("'\(flag.definition.usage)' \(reason)") }
    }
}

/// The arguments of one command after parsing, with typed accessors that throw usage errors
/// naming the option.
public struct ParsedArguments: Sendable {
    /// Values of options, by long name; flags hold `"true"`.
    ///
    /// Repeated options keep every value.
    var values: [String: [String]] = [:]
    /// Positional arguments in order.
    public internal(set) var positionals: [String] = []
    /// The options this command accepts.
    let definitions: [OptionDefinition]

    /// Whether the flag `name` was given.
    public func flag(_ name: String) -> Bool { values[name] != nil }

    /// The last value of option `name`, if given.
    public func option(_ name: String) -> String? { values[name]?.last }

    /// All values of a repeatable option.
    public func options(_ name: String) -> [String] { values[name] ?? [] }

    /// The positional argument at `index`, if given.
    public func positional(_ index: Int) -> String? { index < positionals.count ? positionals[index] : nil }

    /// The value of option `name` converted by `transform`; a `nil` result is a usage error
    /// that names the option and says what is expected.
    public func option<T>(_ name: String, expecting: String, _ transform: (String) -> T?) throws(CLIError) -> T? {
        guard let text = option(name) else { return nil }
        guard let value = transform(text) else {
            throw CLIError.usage("Invalid value '\(text)' for '\(usage(of: name))': expected \(expecting).")
        }
        return value
    }

    /// Like ``option(_:expecting:_:)`` but the option must be present.
    public func requiredOption<T>(_ name: String, expecting: String, _ transform: (String) -> T?) throws(CLIError) -> T
    {
        guard let value = try option(name, expecting: expecting, transform) else {
            throw CLIError.usage("Missing expected argument '\(usage(of: name))'")
        }
        return value
    }

    /// `--name <value>` for messages.
    public func usage(of name: String) -> String {
        definitions.first { $0.name == name }?.usage ?? "--\(name)"
    }
}

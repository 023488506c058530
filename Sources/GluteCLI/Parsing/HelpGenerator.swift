internal import Foundation

/// Builds help text in the layout swift-argument-parser users know:
/// `OVERVIEW:`, `USAGE:`, `ARGUMENTS:`, `OPTIONS:`, `SUBCOMMANDS:`, with labels in a
/// 26-column field.
enum HelpGenerator {
    static let labelColumnWidth = 26
    static let lineWidth = 80

    static func help(for command: any ParsableCommand.Type, path: [String]) -> String {
        let configuration = command.configuration
        var sections: [String] = []
        var overview = "OVERVIEW: \(configuration.abstract)"
        if !configuration.discussion.isEmpty {
            let paragraphs = configuration.discussion.components(separatedBy: "\n\n")
            // Paragraphs are wrapped; an indented paragraph (examples) keeps its lines as written.
            overview +=
                "\n\n"
                + paragraphs.map { paragraph in
                    paragraph.hasPrefix("  ") ? paragraph : wrap(paragraph, width: lineWidth).joined(separator: "\n")
                }.joined(separator: "\n\n")
        }
        sections.append(overview)
        let usages =
            [usage(for: command, path: path)] + configuration.otherUsages.map { "\(path.joined(separator: " ")) \($0)" }
        sections.append("USAGE: " + usages.joined(separator: "\n       "))
        let arguments = configuration.arguments.filter { !$0.isHidden }
        if !arguments.isEmpty {
            sections.append("ARGUMENTS:\n" + arguments.map { row("<\($0.name)>", $0.help) }.joined(separator: "\n"))
        }
        var options = configuration.options.map { row($0.label, $0.help) }
        if path.count == 1 { options.append(row("--version", "Show the version.")) }
        options.append(row("-h, --help", "Show help information."))
        sections.append("OPTIONS:\n" + options.joined(separator: "\n"))
        if !configuration.subcommands.isEmpty {
            let rows = configuration.subcommands.map { row($0.configuration.commandName, $0.configuration.abstract) }
            sections.append(
                "SUBCOMMANDS:\n" + rows.joined(separator: "\n")
                    + "\n\n  See '\(path.joined(separator: " ")) help <subcommand>' for detailed help.")
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    static func usage(for command: any ParsableCommand.Type, path: [String]) -> String {
        let configuration = command.configuration
        var parts = [path.joined(separator: " ")]
        if !configuration.subcommands.isEmpty && configuration.arguments.isEmpty && configuration.options.isEmpty {
            parts.append("<subcommand>")
            return parts.joined(separator: " ")
        }
        for option in configuration.options { parts.append(option.isRequired ? option.usage : "[\(option.usage)]") }
        for argument in configuration.arguments where !argument.isHidden {
            parts.append(argument.isOptional ? "[<\(argument.name)>]" : "<\(argument.name)>")
        }
        return parts.joined(separator: " ")
    }

    /// One label and its wrapped help, in the 26-column layout.
    static func row(_ label: String, _ help: String) -> String {
        let indent = String(repeating: " ", count: labelColumnWidth)
        let lines = wrap(help, width: lineWidth - labelColumnWidth)
        let padded = "  " + label
        var text: String
        if padded.count < labelColumnWidth {
            text = padded + String(repeating: " ", count: labelColumnWidth - padded.count) + (lines.first ?? "")
        } else {
            text = padded + (lines.first.map { "\n" + indent + $0 } ?? "")
        }
        for line in lines.dropFirst() { text += "\n" + indent + line }
        return text
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

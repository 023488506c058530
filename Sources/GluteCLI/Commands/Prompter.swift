internal import Foundation
internal import GluteCore
internal import GluteJSON

/// Asks one question at a time and repeats it until the answer is valid.
struct Prompter {
    let io: CommandIO
    /// How many invalid answers in a row end the interview.
    static let maximumAttempts = 5

    /// Asks until `parse` accepts; `nil` from parse means invalid, with `hint` shown.
    func ask<T>(
        _ question: String, default defaultAnswer: String? = nil, hint: String,
        _ parse: (String) -> T?
    ) throws -> T {
        for _ in 0..<Self.maximumAttempts {
            io.writeOutput(question + (defaultAnswer.map { " [\($0)]" } ?? "") + " ")
            guard let line = io.readLine() else {
                throw CLIError.failure("the input ended before the assessment was complete; nothing was saved")
            }
            let answer = line.trimmingCharacters(in: .whitespaces)
            if answer.isEmpty, let defaultAnswer, let value = parse(defaultAnswer) { return value }
            if let value = parse(answer) { return value }
            io.print("  Please answer \(hint).")
        }
        throw CLIError.failure("too many invalid answers to: \(question)")
    }

    func yesNo(_ question: String, default defaultAnswer: Bool? = false) throws -> Bool {
        try ask(question + " (y/n)", default: defaultAnswer.map { $0 ? "y" : "n" }, hint: "y or n") { text in
            switch text.lowercased() {
            case "y", "yes": true
            case "n", "no": false
            default: nil
            }
        }
    }

    func integer(_ question: String, in range: ClosedRange<Int>, default defaultAnswer: Int? = nil) throws -> Int {
        try ask(
            question, default: defaultAnswer.map(String.init),
            hint: "a whole number from \(range.lowerBound) to \(range.upperBound)"
        ) { text in
            Int(text).flatMap { range.contains($0) ? $0 : nil }
        }
    }

    func number(_ question: String, in range: ClosedRange<Double>, default defaultAnswer: Double? = nil) throws
        -> Double
    {
        try ask(
            question, default: defaultAnswer.map { JSONValue.format($0) },
            hint: "a number from \(JSONValue.format(range.lowerBound)) to \(JSONValue.format(range.upperBound))"
        ) { text in
            Double(text).flatMap { range.contains($0) ? $0 : nil }
        }
    }

    func choice<T: RawRepresentable & CaseIterable>(_ question: String, default defaultAnswer: T? = nil) throws -> T
    where T.RawValue == String {
        let options = T.allCases.map(\.rawValue)
        return try ask(
            "\(question) (\(options.joined(separator: "/")))", default: defaultAnswer?.rawValue,
            hint: "one of " + options.joined(separator: ", ")
        ) { text in
            T.allCases.first { Self.words($0.rawValue) == Self.words(text) }
        }
    }

    /// An answer as people type it and as the format spells it compare equal: "lower back",
    /// "lower-back" and "lowerBack" are one answer.
    static func words(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// A list of choices separated by spaces or commas; an empty answer is allowed when `allowEmpty`.
    func list<T: RawRepresentable & CaseIterable & Equatable>(
        _ question: String, default defaultAnswer: String, allowEmpty: Bool
    )
        throws -> [T] where T.RawValue == String
    {
        let options = T.allCases.map(\.rawValue)
        return try ask(
            "\(question) (any of: \(options.joined(separator: " ")); 'none' for none)", default: defaultAnswer,
            hint: "names from: \(options.joined(separator: ", ")), separated by spaces"
        ) { text in
            if text.lowercased() == "none" { return allowEmpty ? [] : nil }
            var result: [T] = []
            for word in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
                guard let value = T.allCases.first(where: { $0.rawValue.lowercased() == word.lowercased() }) else {
                    return nil
                }
                if !result.contains(value) { result.append(value) }
            }
            return result.isEmpty && !allowEmpty ? nil : result
        }
    }
}

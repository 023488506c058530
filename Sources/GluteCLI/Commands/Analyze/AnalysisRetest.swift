internal import GluteApp
internal import GluteCore
internal import GluteStore

/// `glute analyze --save`: keeps what a recording measured as a retest, through the application.
enum AnalysisRetest {
    static func save(_ answers: AssessmentAnswers, database: String?, io: CommandIO) async throws -> String {
        let cli = try CLIApplication.open(database: database, io: io, access: .write)
        let person = try await cli.person(.read)
        let outcome = try await cli.run { try await cli.app.saveAnalysis(person.id, answers: answers) }
        var text = "Saved as a retest of \(outcome.retest.kind.rawValue)."
        if !outcome.resolved.isEmpty { text += " Resolved: \(outcome.resolved.joined(separator: ", "))." }
        if let version = outcome.version { text += " Your plan changed: version \(version.version)." }
        return text
    }
}

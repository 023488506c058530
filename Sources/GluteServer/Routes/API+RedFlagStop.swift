internal import GluteApp
internal import GluteCore
internal import GluteHTTP
internal import GluteJSON

extension API {
    /// The screening of a document that stopped at the safety screen's red flags, or `nil` for any
    /// other document.
    ///
    /// The web app, like `glute assess` on a terminal, asks the red flags before anything else and
    /// ends there when one is raised, so it has no profile or tests to send. Such a partial document
    /// is `{"version": 1, "screening": {"redFlags": {...every flag...}}}` with at least one flag
    /// true; it is kept as the CLI keeps it: the screening findings and no plan (a stop).
    static func redFlagStop(_ document: JSONValue) throws(HTTPError) -> Screening? {
        guard let root = document.objectValue, root["profile"] == nil, root["tests"] == nil,
            let screening = root["screening"]?.objectValue, screening.members.count == 1,
            let flags = screening["redFlags"]?.objectValue
        else { return nil }
        var result = Screening()
        for field in RedFlags.fields {
            guard case .bool(let answer)? = flags[field.key] else {
                throw HTTPError(.badRequest, message: "must be true or false", field: "screening.redFlags." + field.key)
            }
            result.redFlags[keyPath: field.path] = answer
        }
        guard flags.members.count == RedFlags.fields.count, result.redFlags.anyYes else { return nil }
        return result
    }
}

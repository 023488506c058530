internal import GluteApp
internal import GluteCore
internal import GluteHTTP
internal import GluteJSON
internal import GluteSecurity
internal import GluteStore

extension API {
    /// The header a client sets to make a write safe to retry.
    static let idempotencyHeader = "Idempotency-Key"

    /// The request's `Idempotency-Key` for the caller, with a digest of the body, or `nil` without one.
    ///
    /// A retry with the same key and body is answered with the first answer
    /// (`Idempotent-Replayed: true`) and stores nothing; the same key on another request is a 409.
    func idempotencyKey(_ request: HTTPRequest, caller: Caller) throws(HTTPError) -> IdempotencyKey? {
        guard let key = request.headers[Self.idempotencyHeader] else { return nil }
        guard (1...255).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7e).contains($0) }) else {
            throw HTTPError(
                .badRequest, message: "must be 1 to 255 visible ASCII characters", field: Self.idempotencyHeader)
        }
        return IdempotencyKey(
            account: caller.account.id, key: key,
            fingerprint: SecretToken.hash(of: String(decoding: request.body, as: UTF8.self)))
    }

    /// The response of an idempotent write.
    func answer(_ answer: IdempotentAnswer) -> HTTPResponse {
        HTTPResponse.json(
            answer.body, status: HTTPStatus(code: answer.status),
            headers: answer.replayed ? ["Idempotent-Replayed": "true"] : [:])
    }

    /// analyzeLandmarks: reads the file, runs the form analysis and, with `save=true`, keeps its
    /// answers as a retest (refusing, as `glute analyze --save` does, a recording that measured nothing).
    func analyze(_ request: HTTPRequest, person: Person.ID) async throws -> JSONValue {
        var options = FormAnalyzer.Options()
        if let text = request.query["test"] {
            guard let test = FormTest(rawValue: text) else {
                throw HTTPError(.badRequest, message: "unknown test", field: "test")
            }
            options.test = test
        }
        if let text = request.query["side"] {
            guard let side = Side(rawValue: text) else {
                throw HTTPError(.badRequest, message: "left or right", field: "side")
            }
            options.side = side
        }
        if let text = request.query["view"] {
            guard let view = CameraView(rawValue: text) else {
                throw HTTPError(.badRequest, message: "unknown view", field: "view")
            }
            options.view = view
        }
        let save = request.query["save"] == "true"
        let text = String(decoding: request.body, as: UTF8.self)
        let sequence = try reading { () throws -> LandmarkSequence in
            let first = text.unicodeScalars.first { !" \t\r\n\u{FEFF}".unicodeScalars.contains($0) }
            if first == "{" || first == "[" { return try LandmarkReader.read(text) }
            var reader = MediaPipeCSVReader()
            try reader.consume(text: text)
            return try reader.finish()
        }
        let analysis = FormAnalyzer(options: options).analyze(sequence)
        var document = analysis.jsonValue.objectValue ?? [:]
        if save {
            // The same refusals as `glute analyze --save` (GluteCLI's AnalysisSaveCheck): a recording
            // that measured nothing must not be kept as a retest of the old answers.
            if analysis.framesUsed == 0 || analysis.measuredSides.allSatisfy({ $0.reps.isEmpty })
                || analysis.answers.isEmpty
            {
                throw AppError(
                    code: .precondition,
                    message: "the recording measured nothing the self-tests ask, so nothing was saved", field: "save")
            }
            document["saved"] = try await services.app.saveAnalysis(person, answers: analysis.answers).jsonValue
        }
        return .object(document)
    }
}

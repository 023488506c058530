internal import GluteApp
internal import GluteCore
internal import GluteHTTP
internal import GluteJSON
internal import GluteStore

extension API {
    /// The header a client sets to make a write safe to retry.
    static let idempotencyHeader = "Idempotency-Key"

    /// Runs a write once per `Idempotency-Key`.
    ///
    /// A retry of the same request gets the first answer
    /// again (with `Idempotent-Replayed: true`) and stores nothing; the same key on another
    /// request is a 422; a retry while the first is still running is a 409. Only successful
    /// answers are kept, so a request that failed may be retried with its key.
    func idempotent(
        _ request: HTTPRequest, caller: Caller, operation: String, _ body: () async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        guard let key = request.headers[Self.idempotencyHeader] else { return try await body() }
        guard (1...200).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7e).contains($0) }) else {
            throw HTTPError(
                .badRequest, message: "must be 1 to 200 visible ASCII characters", field: Self.idempotencyHeader)
        }
        let fingerprint = operation + ":" + SHA256.hex(SHA256.digest(request.body))
        let accounts = services.accounts
        let account = caller.account.id
        switch accounts.beginIdempotent(account: account, key: key, fingerprint: fingerprint) {
        case .new:
            let response: HTTPResponse
            do {
                response = try await body()
            } catch {
                accounts.abandonIdempotent(account: account, key: key)
                throw error
            }
            if (200..<300).contains(response.status.code) {
                accounts.finishIdempotent(
                    account: account, key: key, status: response.status.code, body: response.body.text)
            } else {
                accounts.abandonIdempotent(account: account, key: key)
            }
            return response
        case .replay(let status, let text):
            return HTTPResponse(
                status: HTTPStatus(code: status),
                headers: ["Content-Type": HTTPResponse.jsonContentType, "Idempotent-Replayed": "true"],
                body: HTTPBody(text))
        case .inFlight:
            throw HTTPError(
                .conflict, message: "a request with this Idempotency-Key is still being handled: retry shortly",
                field: Self.idempotencyHeader, headers: ["Retry-After": "1"])
        case .mismatch:
            throw HTTPError(
                .unprocessableContent, message: "this Idempotency-Key was used for a different request",
                field: Self.idempotencyHeader)
        }
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

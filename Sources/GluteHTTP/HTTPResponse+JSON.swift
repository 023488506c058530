public import GluteJSON

extension HTTPResponse {
    /// The content type of every JSON body the server writes.
    public static let jsonContentType = "application/json; charset=utf-8"

    /// A response whose body is `value` written compactly, with `application/json; charset=utf-8`.
    ///
    /// ```swift
    /// return .json(["client": .string(id), "sets": .number(3)], status: .created)
    /// ```
    /// - Parameters:
    ///   - value: The document.
    ///   - status: The status, 200 unless given.
    ///   - headers: More header fields; `Content-Type` is set for you.
    public static func json(_ value: JSONValue, status: HTTPStatus = .ok, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var headers = headers
        headers["Content-Type"] = jsonContentType
        return HTTPResponse(status: status, headers: headers, body: HTTPBody(value.serialized(.compact)))
    }
}

extension HTTPRequest {
    /// The body parsed as JSON.
    ///
    /// The body must be labelled `application/json` (a browser form cannot send that type to
    /// another origin without asking first) and be one well-formed JSON document.
    ///
    /// ```swift
    /// let reader = try JSONObjectReader(request.json(), path: "", allowedKeys: ["reps"])
    /// ```
    /// - Throws: ``HTTPError`` 415 for another content type, 400 for an empty or malformed body
    ///   (with field `(document)` and the line and column of the mistake).
    public func json() throws(HTTPError) -> JSONValue {
        let type = headers["Content-Type"]?.split(separator: ";").first?.trimmingSpaces.lowercased()
        guard type == "application/json" else {
            throw HTTPError(.unsupportedMediaType, message: "the body must be application/json")
        }
        guard !body.isEmpty else {
            throw HTTPError(.badRequest, message: "the request body is empty", field: FieldError.documentField)
        }
        do {
            return try JSONValue.parse(body)
        } catch {
            throw HTTPError(FieldError.syntax(error))
        }
    }
}

extension JSONValue: ResponseGenerator {
    /// A 200 response with this document as its body.
    public func response() -> HTTPResponse { .json(self) }
}

extension JSONObject: ResponseGenerator {
    /// A 200 response with this object as its body.
    public func response() -> HTTPResponse { .json(.object(self)) }
}

extension Substring {
    /// Without leading and trailing spaces and tabs (HTTP's optional whitespace).
    var trimmingSpaces: Substring {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice
    }
}

public import Foundation

/// Serves the files of a folder (the app's bundled web client) when no route matched.
///
/// Only a 404 from the rest of the chain falls back to the files, so API routes always win, and a
/// 405 stays a 405. Files are read into memory when the middleware is created. Requests are
/// `GET` or `HEAD`; the path is percent-decoded per segment, and `..`, `.`, empty segments, NUL,
/// backslashes and encoded slashes are refused with 400. A folder serves its `index.html`; a
/// folder named without its trailing slash is redirected to it. Responses carry the content
/// type, a strong `ETag` (a matching `If-None-Match` gets 304) and the policy's `Cache-Control`.
///
/// ```swift
/// router.add(middleware: try FileMiddleware<AppContext>(directory: resources.appendingPathComponent("web")))
/// ```
public struct FileMiddleware<Context: RequestContext>: HTTPMiddleware {
    private let files: StaticFiles

    /// Reads the folder's files.
    ///
    /// - Parameters:
    ///   - directory: The folder to serve.
    ///   - cachePolicy: Chooses each file's `Cache-Control`.
    /// - Throws: ``HTTPServerError`` `unreadable-files` when the folder or a file cannot be read.
    public init(directory: URL, cachePolicy: FileCachePolicy = .standard()) throws(HTTPServerError) {
        files = try StaticFiles(directory: directory, cachePolicy: cachePolicy)
    }

    /// The number of files served.
    public var fileCount: Int { files.files.count }

    /// Passes the request on and answers from the files only when the answer is a 404.
    public func handle(
        _ request: HTTPRequest,
        context: Context,
        next: (HTTPRequest, Context) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let notFound: Result<HTTPResponse, any Error>
        do {
            let response = try await next(request, context)
            guard response.status == .notFound else { return response }
            notFound = .success(response)
        } catch let error as any HTTPResponseError where error.status == .notFound {
            notFound = .failure(error)
        }
        switch lookUp(request) {
        case .file(let response): return response
        case .refused(let error): throw error
        case .none: return try notFound.get()
        }
    }

    /// What the files have for a request.
    enum Lookup {
        /// The file's response (200, 304 or a redirect to the folder).
        case file(HTTPResponse)
        /// A malformed path.
        case refused(HTTPError)
        /// No such file, or not a `GET` or `HEAD`.
        case none
    }

    /// Finds the file for a request.
    func lookUp(_ request: HTTPRequest) -> Lookup {
        guard request.method == .get || request.method == .head, request.path.first == "/" else { return .none }
        let pieces = request.path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var segments: [String] = []
        for (index, piece) in pieces.enumerated() {
            if piece.isEmpty && index == pieces.count - 1 { break }
            guard let segment = PercentDecoding.decode(piece), Self.isAcceptable(segment) else {
                return .refused(HTTPError(.badRequest, message: "invalid path"))
            }
            segments.append(segment)
        }
        let key = segments.joined(separator: "/")
        let wantsFolder = pieces.last?.isEmpty ?? true
        if wantsFolder {
            guard files.indexedFolders.contains(key) else { return .none }
            return respond(with: key.isEmpty ? "index.html" : key + "/index.html", to: request)
        }
        if files.files[key] != nil { return respond(with: key, to: request) }
        if files.indexedFolders.contains(key) {
            return .file(HTTPResponse(status: .movedPermanently, headers: ["Location": request.path + "/"]))
        }
        return .none
    }

    private func respond(with key: String, to request: HTTPRequest) -> Lookup {
        guard let file = files.files[key] else { return .none }
        var headers: HTTPHeaders = ["ETag": file.etag]
        if let cacheControl = file.cacheControl { headers["Cache-Control"] = cacheControl }
        if let condition = request.headers["If-None-Match"], Self.matches(condition, etag: file.etag) {
            return .file(HTTPResponse(status: .notModified, headers: headers))
        }
        headers["Content-Type"] = file.contentType
        return .file(HTTPResponse(status: .ok, headers: headers, body: file.body))
    }

    /// A decoded segment that names something inside the folder.
    private static func isAcceptable(_ segment: String) -> Bool {
        !segment.isEmpty && segment != "." && segment != ".."
            && !segment.utf8.contains { $0 == 0 || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }
    }

    /// `If-None-Match` uses the weak comparison (RFC 9110, section 13.1.2): `*`, or any listed
    /// tag equal to ours once a `W/` prefix is ignored.
    static func matches(_ condition: String, etag: String) -> Bool {
        for candidate in condition.split(separator: ",") {
            var tag = candidate.trimmingSpaces
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
            if tag == etag[...] { return true }
        }
        return false
    }
}

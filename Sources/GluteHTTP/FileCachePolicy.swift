/// Chooses the `Cache-Control` of each static file.
///
/// The standard policy makes browsers revalidate HTML, the web manifest and the service worker on
/// every use (`no-cache`: a deploy shows at once, and the ETag makes the check cheap) and lets
/// them keep everything else for a day.
///
/// ```swift
/// let policy = FileCachePolicy.standard(maxAge: 86_400, revalidating: ["sw.js"])
/// let custom = FileCachePolicy { path, contentType in path.hasPrefix("assets/") ? "public, max-age=31536000, immutable" : "no-cache" }
/// ```
public struct FileCachePolicy: Sendable {
    private let choose: @Sendable (_ path: String, _ contentType: String) -> String?

    /// Creates a policy from a closure given the file's path relative to the folder (`css/app.css`)
    /// and its content type; it returns the `Cache-Control` value, or `nil` for none.
    public init(_ choose: @escaping @Sendable (_ path: String, _ contentType: String) -> String?) {
        self.choose = choose
    }

    /// `no-cache` for HTML, web manifests and the files named in `revalidating` (matched by
    /// file name, such as a service worker), `public, max-age=…` for the rest.
    public static func standard(maxAge: Int = 86_400, revalidating: Set<String> = ["sw.js", "service-worker.js"])
        -> FileCachePolicy
    {
        FileCachePolicy { path, contentType in
            let fileName = path.split(separator: "/").last.map(String.init) ?? path
            if contentType.hasPrefix("text/html") || contentType.hasPrefix("application/manifest+json")
                || revalidating.contains(fileName)
            {
                return "no-cache"
            }
            return "public, max-age=\(maxAge)"
        }
    }

    /// The `Cache-Control` value for a file.
    public func cacheControl(path: String, contentType: String) -> String? { choose(path, contentType) }
}

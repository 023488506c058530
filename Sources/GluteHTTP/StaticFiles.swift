import Foundation

/// The files of a folder, read into memory once with their content type, ETag and cache policy.
///
/// Reading everything at start keeps serving free of file-system calls and of any path
/// traversal: a request can only name a file that was found under the folder. Hidden files
/// (names starting with `.`) are left out.
final class StaticFiles: Sendable {
    struct File: Sendable {
        let body: HTTPBody
        let contentType: String
        let etag: String
        let cacheControl: String?
    }

    let files: [String: File]
    /// Relative paths of folders that hold an `index.html` (`""` for the root).
    let indexedFolders: Set<String>

    init(directory: URL, cachePolicy: FileCachePolicy) throws(HTTPServerError) {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw HTTPServerError(.unreadableFiles, "'\(directory.path)' is not a folder")
        }
        guard
            let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else {
            throw HTTPServerError(.unreadableFiles, "cannot list '\(directory.path)'")
        }
        var files: [String: File] = [:]
        var folders: Set<String> = []
        let rootComponents = root.pathComponents
        for case let url as URL in walker {
            let resolved = url.resolvingSymlinksInPath()
            guard (try? resolved.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = url.standardizedFileURL.pathComponents.dropFirst(rootComponents.count).joined(separator: "/")
            guard !relative.isEmpty else { continue }
            let bytes: [UInt8]
            do {
                bytes = Array(try Data(contentsOf: resolved))
            } catch {
                throw HTTPServerError(.unreadableFiles, "cannot read '\(url.path)': \(error.localizedDescription)")
            }
            let contentType = MediaTypes.contentType(forFileName: relative)
            files[relative] = File(
                body: HTTPBody(shared: SharedBytes(bytes)),
                contentType: contentType,
                etag: Self.etag(bytes),
                cacheControl: cachePolicy.cacheControl(path: relative, contentType: contentType)
            )
            if relative == "index.html" || relative.hasSuffix("/index.html") {
                folders.insert(String(relative.dropLast("index.html".count).dropLast(relative == "index.html" ? 0 : 1)))
            }
        }
        self.files = files
        indexedFolders = folders
    }

    /// A strong ETag: the 64-bit FNV-1a hash of the content and its length, in hex.
    static func etag(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return "\"\(RequestIDSource.hex(hash))-\(String(bytes.count, radix: 16))\""
    }
}

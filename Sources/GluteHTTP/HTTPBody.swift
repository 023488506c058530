/// The bytes of a response body.
///
/// A body is either an array the handler built, which the server copies once into
/// libmicrohttpd, or bytes shared with a long-lived owner (the static file cache), which
/// libmicrohttpd sends without copying while holding a reference to the owner.
///
/// ```swift
/// let body = HTTPBody("hello")
/// body.count  // 5
/// ```
public struct HTTPBody: Sendable, Equatable {
    enum Storage: Sendable {
        case bytes([UInt8])
        /// UTF-8 text kept as a string, so a serialized JSON document reaches libmicrohttpd's copy
        /// without a copy of its own.
        case text(String)
        case shared(SharedBytes)
    }

    let storage: Storage

    /// Creates a body from bytes.
    public init(_ bytes: [UInt8]) { storage = .bytes(bytes) }

    /// Creates a body from the UTF-8 of `text`.
    public init(_ text: String) { storage = .text(text) }

    init(shared: SharedBytes) { storage = .shared(shared) }

    /// No bytes.
    public static let empty = HTTPBody([])

    /// The same bytes, moved once into memory that the server sends from without a copy: for a
    /// body sent many times, such as an answer kept in a cache.
    public var resendable: HTTPBody {
        if case .shared = storage { return self }
        return HTTPBody(shared: SharedBytes(bytes))
    }

    /// The number of bytes.
    public var count: Int {
        switch storage {
        case .bytes(let bytes): bytes.count
        case .text(let text): text.utf8.count
        case .shared(let shared): shared.count
        }
    }

    /// Whether the body has no bytes.
    public var isEmpty: Bool { count == 0 }

    /// A copy of the bytes.
    public var bytes: [UInt8] {
        switch storage {
        case .bytes(let bytes): bytes
        case .text(let text): Array(text.utf8)
        case .shared(let shared): Array(shared.buffer)
        }
    }

    /// The bytes read as UTF-8 (invalid sequences replaced), for tests and logs of your own.
    public var text: String {
        if case .text(let text) = storage { return text }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether both hold the same bytes.
    public static func == (lhs: HTTPBody, rhs: HTTPBody) -> Bool { lhs.bytes == rhs.bytes }
}

/// Immutable bytes in memory of their own, never moved or freed while a reference exists, so
/// libmicrohttpd can send straight from them; the last release (the server's free callback, or
/// the file cache going away) deallocates them.
final class SharedBytes: Sendable {
    // Safe to share: the buffer is written once in `init` and only read afterwards.
    nonisolated(unsafe) let buffer: UnsafeRawBufferPointer

    init(_ bytes: [UInt8]) {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress, let target = storage.baseAddress {
                target.copyMemory(from: base, byteCount: source.count)
            }
        }
        buffer = UnsafeRawBufferPointer(rebasing: storage[0..<bytes.count])
    }

    var count: Int { buffer.count }

    deinit {
        UnsafeMutableRawPointer(mutating: buffer.baseAddress)?.deallocate()
    }
}

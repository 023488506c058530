import Dispatch
import Foundation
import Glibc

/// A tiny HTTP/1.1 client over a plain loopback socket, so tests control exactly what is sent and
/// when: bodies in pieces, pauses, oversized heads, keep-alive.
///
/// Every blocking call runs on a dispatch queue, never on Swift's cooperative pool, which the
/// server under test needs for its handlers.
public final class RawHTTPClient: @unchecked Sendable {
    // Safe to share: a client is used by one test at a time; `buffer` is only touched inside
    // `blocking` calls, which the test awaits one after another.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public struct Response {
        public let status: Int
        public let headers: [(name: String, value: String)]
        public let body: [UInt8]

        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    private let socket: Int32
    private var buffer: [UInt8] = []

    private init(socket: Int32) { self.socket = socket }

    deinit { Glibc.close(socket) }

    public static func connect(port: Int, timeout: Duration = .seconds(60)) async throws -> RawHTTPClient {
        try await blocking {
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard socket >= 0 else { throw Failure(description: "socket: \(errno)") }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port)).bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard result == 0 else {
                let code = errno
                Glibc.close(socket)
                throw Failure(description: "connect: errno \(code)")
            }
            let client = RawHTTPClient(socket: socket)
            client.setTimeout(timeout)
            return client
        }
    }

    /// Whether a connection to the port is refused (nothing listens).
    public static func isRefused(port: Int) async -> Bool {
        do {
            _ = try await connect(port: port)
            return false
        } catch {
            return true
        }
    }

    public func send(_ text: String) async throws { try await send(Array(text.utf8)) }

    public func send(_ bytes: [UInt8]) async throws {
        try await Self.blocking { [self] in
            var offset = 0
            while offset < bytes.count {
                let sent = bytes[offset...].withUnsafeBytes {
                    Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
                guard sent > 0 else { throw Failure(description: "send: errno \(errno)") }
                offset += sent
            }
        }
    }

    /// Reads one response; a `HEAD` response has no body whatever its `Content-Length`.
    public func readResponse(forHead: Bool = false) async throws -> Response {
        try await Self.blocking { [self] in
            let headEnd = try readUntilHeadEnd()
            let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
            buffer.removeFirst(headEnd + 4)
            var lines = head.components(separatedBy: "\r\n")
            let statusLine = lines.removeFirst().split(separator: " ")
            guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
                throw Failure(description: "bad status line in \(head)")
            }
            let headers = lines.compactMap { line -> (name: String, value: String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
            let length =
                forHead || status == 304 || status == 204
                ? 0 : Int(headers.first { $0.name.lowercased() == "content-length" }?.value ?? "0") ?? 0
            while buffer.count < length { try fill() }
            let body = Array(buffer[..<length])
            buffer.removeFirst(length)
            return Response(status: status, headers: headers, body: body)
        }
    }

    /// Sends a request and reads its response.
    public func request(_ text: String) async throws -> Response {
        try await send(text)
        return try await readResponse(forHead: text.hasPrefix("HEAD "))
    }

    /// Whether the server closes the connection (or resets it) within `timeout`, reading and
    /// dropping anything it sends first; returns what it sent.
    public func waitForClose(timeout: Duration) async -> (closed: Bool, received: [UInt8]) {
        setTimeout(timeout)
        return await
            (try? Self.blocking { [self] () -> (Bool, [UInt8]) in
                var received = buffer
                var chunk = [UInt8](repeating: 0, count: 65536)
                while true {
                    let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                    if count == 0 { return (true, received) }
                    if count < 0 { return (errno == ECONNRESET || errno == EPIPE, received) }
                    received.append(contentsOf: chunk[..<count])
                }
            }) ?? (false, [])
    }

    public func setTimeout(_ timeout: Duration) {
        let (seconds, attoseconds) = timeout.components
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    private func readUntilHeadEnd() throws -> Int {
        while true {
            if let end = Self.find([13, 10, 13, 10], in: buffer) { return end }
            try fill()
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else {
            throw Failure(description: count == 0 ? "connection closed" : "recv: errno \(errno)")
        }
        buffer.append(contentsOf: chunk[..<count])
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<start + needle.count].elementsEqual(needle) {
            return start
        }
        return nil
    }

    /// Runs blocking work on a dispatch thread and awaits it.
    public static func blocking<T>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}

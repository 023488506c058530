import Glibc

/// An HTTP request method such as `GET` or `POST`.
///
/// Methods are an extensible set of constants rather than an enum, so a method the router does not
/// know yet (`PROPFIND`) still arrives intact and is answered with 405.
///
/// ```swift
/// router.add(.post, "/api/clients", metadata: policy) { request, context in … }
/// ```
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The method token as sent on the request line, for example `"GET"`.
    public let rawValue: String

    /// Creates a method from its token; tokens are case-sensitive (RFC 9110, section 9.1).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a method from its token.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The token.
    public var description: String { rawValue }

    /// `GET`: read a resource.
    public static let get = HTTPMethod("GET")
    /// `HEAD`: like `GET` without the body; the router answers it with the `GET` route.
    public static let head = HTTPMethod("HEAD")
    /// `POST`: create or run.
    public static let post = HTTPMethod("POST")
    /// `PUT`: replace.
    public static let put = HTTPMethod("PUT")
    /// `PATCH`: modify part of a resource.
    public static let patch = HTTPMethod("PATCH")
    /// `DELETE`: remove.
    public static let delete = HTTPMethod("DELETE")
    /// `OPTIONS`: ask what is allowed.
    public static let options = HTTPMethod("OPTIONS")

    /// The method for the token libmicrohttpd reports, sharing the constants for common methods
    /// so that the hot path builds no new string.
    static func fromRequestLine(_ token: UnsafePointer<CChar>) -> HTTPMethod {
        if strcmp(token, "GET") == 0 { return .get }
        if strcmp(token, "POST") == 0 { return .post }
        if strcmp(token, "HEAD") == 0 { return .head }
        return HTTPMethod(String(cString: token))
    }
}

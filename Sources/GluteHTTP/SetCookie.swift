public import Foundation

/// A `Set-Cookie` field value (RFC 6265, section 4.1) with safe defaults for session cookies:
/// `Path=/`, `HttpOnly`, `SameSite=Lax`.
///
/// ```swift
/// let session = try SetCookie(name: "session", value: token, maxAge: 30 * 86_400, secure: true)
/// response.setCookie(session)
/// // session=…; Path=/; Max-Age=2592000; Secure; HttpOnly; SameSite=Lax
/// response.setCookie(try .expired(name: "session"))
/// ```
public struct SetCookie: Sendable, Equatable {
    /// The `SameSite` attribute.
    public enum SameSite: String, Sendable {
        /// Sent only to the same site.
        case strict = "Strict"
        /// Also sent on top-level navigation from other sites.
        case lax = "Lax"
        /// Sent everywhere; browsers require ``SetCookie/secure`` with it.
        case none = "None"
    }

    /// The name, an HTTP token.
    public let name: String
    /// The value, cookie octets only (base64url and hex are fine).
    public let value: String
    /// The `Path` attribute, or `nil` for none.
    public var path: String?
    /// The `Domain` attribute, or `nil` for a host-only cookie.
    public var domain: String?
    /// `Max-Age` in seconds, or `nil` for a session cookie; 0 deletes the cookie.
    public var maxAge: Int?
    /// `Expires`, written as an IMF-fixdate in GMT, or `nil`.
    public var expires: Date?
    /// Whether to add `Secure` (sent over HTTPS only).
    public var secure: Bool
    /// Whether to add `HttpOnly` (hidden from scripts).
    public var httpOnly: Bool
    /// The `SameSite` attribute, or `nil` for none.
    public var sameSite: SameSite?

    /// Creates a cookie.
    ///
    /// - Throws: ``HTTPServerError`` `invalid-cookie` when the name is not a token or the value,
    ///   path or domain has characters a `Set-Cookie` field cannot carry.
    public init(
        name: String,
        value: String,
        path: String? = "/",
        domain: String? = nil,
        maxAge: Int? = nil,
        expires: Date? = nil,
        secure: Bool = false,
        httpOnly: Bool = true,
        sameSite: SameSite? = .lax
    ) throws(HTTPServerError) {
        guard !name.isEmpty, name.utf8.allSatisfy(Self.isTokenByte) else {
            throw HTTPServerError(.invalidCookie, "a cookie name must be a token")
        }
        guard value.utf8.allSatisfy(Self.isCookieOctet) else {
            throw HTTPServerError(.invalidCookie, "the value of cookie '\(name)' has a character cookies cannot carry")
        }
        for attribute in [path, domain].compactMap({ $0 }) {
            guard attribute.utf8.allSatisfy({ (0x20..<0x7F).contains($0) && $0 != UInt8(ascii: ";") }) else {
                throw HTTPServerError(
                    .invalidCookie, "an attribute of cookie '\(name)' has a ';' or a control character")
            }
        }
        self.name = name
        self.value = value
        self.path = path
        self.domain = domain
        self.maxAge = maxAge
        self.expires = expires
        self.secure = secure
        self.httpOnly = httpOnly
        self.sameSite = sameSite
    }

    /// A cookie that tells the browser to delete `name` (empty value, `Max-Age=0`).
    public static func expired(name: String, path: String? = "/", domain: String? = nil, secure: Bool = false)
        throws(HTTPServerError) -> SetCookie
    {
        try SetCookie(name: name, value: "", path: path, domain: domain, maxAge: 0, secure: secure)
    }

    /// The field value: `name=value` and the attributes in a fixed order.
    public var headerValue: String {
        var text = "\(name)=\(value)"
        if let path { text += "; Path=\(path)" }
        if let domain { text += "; Domain=\(domain)" }
        if let maxAge { text += "; Max-Age=\(maxAge)" }
        if let expires { text += "; Expires=\(Self.imfFixdate(expires))" }
        if secure { text += "; Secure" }
        if httpOnly { text += "; HttpOnly" }
        if let sameSite { text += "; SameSite=\(sameSite.rawValue)" }
        return text
    }

    /// `Sun, 06 Nov 1994 08:49:37 GMT`, in GMT whatever the machine's time zone, in English
    /// whatever its locale.
    static func imfFixdate(_ date: Date) -> String {
        let time = UTCTime(secondsSince1970: Int(date.timeIntervalSince1970.rounded(.down)))
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var text = days[time.weekday] + ", "
        LogRecord.appendDigits(time.day, width: 2, to: &text)
        text += " " + months[time.month - 1] + " "
        LogRecord.appendDigits(time.year, width: 4, to: &text)
        text += " "
        LogRecord.appendDigits(time.hour, width: 2, to: &text)
        text += ":"
        LogRecord.appendDigits(time.minute, width: 2, to: &text)
        text += ":"
        LogRecord.appendDigits(time.second, width: 2, to: &text)
        return text + " GMT"
    }

    /// tchar (RFC 9110, section 5.6.2).
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// cookie-octet (RFC 6265, section 4.1.1): visible ASCII except `"` `,` `;` `\`.
    static func isCookieOctet(_ byte: UInt8) -> Bool {
        (0x21...0x7E).contains(byte) && byte != 0x22 && byte != 0x2C && byte != 0x3B && byte != 0x5C
    }
}

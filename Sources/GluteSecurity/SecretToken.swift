internal import CSodium

/// A random secret: 32 bytes from libsodium's `randombytes_buf`, written as 43 characters of
/// URL-safe base64 without padding (safe in cookies, headers and URL paths).
///
/// Session cookies, API tokens, invitation codes and calendar-feed URLs are secret tokens. Only
/// their ``hash`` is stored (BLAKE2b-256 in hexadecimal through `crypto_generichash`), so a
/// copy of the database opens no account; 256 random bits need no salt or slow hash. The text is
/// shown once, to the person it is for. ``description`` never prints it.
///
/// ```swift
/// let token = SecretToken.random()
/// let stored = token.hash                                  // 64 hexadecimal digits
/// SecretToken.hash(of: presentedText) == stored            // finding it again
/// ```
public struct SecretToken: Sendable, Hashable, CustomStringConvertible {
    /// How many random bytes a token holds.
    public static let byteCount = 32
    /// How many characters its text has.
    public static let textLength = 43

    /// The token as given to its owner: 43 URL-safe base64 characters.
    public let text: String

    private init(text: String) { self.text = text }

    /// A new token from the operating system's random source.
    public static func random() -> SecretToken {
        Sodium.ready()
        var bytes = [UInt8](repeating: 0, count: byteCount)
        defer { sodium_memzero(&bytes, bytes.count) }
        randombytes_buf(&bytes, bytes.count)
        return SecretToken(text: base64URL(bytes))
    }

    /// The token written as `text`, or `nil` when `text` is not the form this type writes (43
    /// URL-safe base64 characters that decode to 32 bytes).
    ///
    /// Checking the form first keeps arbitrary input (a megabyte header) away from the hash.
    public init?(_ text: String) {
        guard text.utf8.count == Self.textLength,
            text.utf8.allSatisfy({ Self.alphabet.contains($0) }),
            Self.decodeBase64URL(text)?.count == Self.byteCount
        else { return nil }
        self.text = text
    }

    /// The stored form: BLAKE2b-256 of the text's UTF-8 bytes, in lowercase hexadecimal.
    public var hash: String { Self.hash(of: text) }

    /// The BLAKE2b-256 hash of any text (`crypto_generichash` with a 32-byte output and no key),
    /// in lowercase hexadecimal: what a presented token is looked up by.
    public static func hash(of text: String) -> String {
        Sodium.ready()
        let bytes = Array(text.utf8)
        var out = [UInt8](repeating: 0, count: Int(crypto_generichash_BYTES))
        // crypto_generichash fails only for output or key lengths out of range, which these are not.
        _ = crypto_generichash(&out, out.count, bytes, UInt64(bytes.count), nil, 0)
        return hex(out)
    }

    /// A second secret bound to this one, for `purpose`: BLAKE2b-256 keyed with the token's
    /// bytes over the purpose's text, as URL-safe base64.
    ///
    /// The CSRF token of a session is derived from the session's cookie this way, so it needs
    /// no storage of its own and cannot be computed without the cookie.
    public func derived(for purpose: String) -> String {
        Sodium.ready()
        var key = Self.decodeBase64URL(text) ?? Array(text.utf8)
        defer { sodium_memzero(&key, key.count) }
        let message = Array(purpose.utf8)
        var out = [UInt8](repeating: 0, count: Int(crypto_generichash_BYTES))
        _ = crypto_generichash(&out, out.count, message, UInt64(message.count), key, key.count)
        return Self.base64URL(out)
    }

    /// Whether `lhs` and `rhs` are the same text, in time that depends only on their lengths
    /// (`sodium_memcmp`), so that comparing a presented secret leaks nothing of the stored one.
    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        Sodium.ready()
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        guard !left.isEmpty else { return true }
        return sodium_memcmp(left, right, left.count) == 0
    }

    /// `SecretToken(…)`: never the secret.
    public var description: String { "SecretToken(…)" }

    // MARK: Encoding

    private static let alphabet = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    private static func base64URL(_ bytes: [UInt8]) -> String {
        let variant = Int32(sodium_base64_VARIANT_URLSAFE_NO_PADDING)
        var out = [CChar](repeating: 0, count: sodium_base64_encoded_len(bytes.count, variant))
        _ = sodium_bin2base64(&out, out.count, bytes, bytes.count, variant)
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func decodeBase64URL(_ text: String) -> [UInt8]? {
        let input = Array(text.utf8)
        var out = [UInt8](repeating: 0, count: input.count)
        var length = 0
        let code = input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                sodium_base642bin(
                    &out, out.count, chars.baseAddress, chars.count, nil, &length, nil,
                    Int32(sodium_base64_VARIANT_URLSAFE_NO_PADDING))
            }
        }
        guard code == 0 else { return nil }
        return Array(out.prefix(length))
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

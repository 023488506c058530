import Foundation
import GluteSecurity
import Testing

/// Random tokens in URL-safe base64, stored as BLAKE2b-256, compared in constant time.
@Suite struct SecretTokenTests {
    private static let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    /// The token whose bytes are 0, 1, …, 31.
    private static let counting = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"

    @Test func randomTokensAre43URLSafeCharactersAndDiffer() {
        let tokens = (0..<100).map { _ in SecretToken.random() }
        #expect(Set(tokens.map(\.text)).count == 100)
        for token in tokens {
            #expect(token.text.count == 43)
            #expect(token.text.allSatisfy(Self.alphabet.contains))
            #expect(SecretToken(token.text) == token)
        }
    }

    @Test func theDescriptionNeverShowsTheSecret() {
        let token = SecretToken.random()
        #expect(!"\(token)".contains(token.text))
        #expect(!String(reflecting: token).contains(token.text) || String(reflecting: token) == "\(token)")
    }

    @Test(arguments: [
        "", "short", counting + "A", String(counting.dropLast()), counting.replacingOccurrences(of: "A", with: "+"),
        String(counting.dropLast()) + "=", String(repeating: "é", count: 43),
    ])
    func textOfAnotherFormIsNoToken(_ text: String) {
        #expect(SecretToken(text) == nil)
    }

    @Test func theHashIsBLAKE2b256InHex() throws {
        // RFC 7693's test input "abc" at a 32-byte output, as Python's hashlib.blake2b computes it.
        #expect(
            SecretToken.hash(of: "abc") == "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319")
        let token = try #require(SecretToken(Self.counting))
        #expect(token.hash == "ba285d7e0208bffd223ed32a2051a84f463d139b7e0d100a9b30efab23fbf04b")
        #expect(token.hash == SecretToken.hash(of: token.text))
    }

    @Test func aDerivedSecretIsKeyedByTheTokenAndThePurpose() throws {
        let token = try #require(SecretToken(Self.counting))
        // hashlib.blake2b(b"csrf", digest_size=32, key=bytes(range(32))), URL-safe base64.
        #expect(token.derived(for: "csrf") == "ohA3taJp8VTExrVyWjJVwrzh3eJtwvyKE5KmyrdAGlM")
        #expect(token.derived(for: "csrf") != token.derived(for: "other"))
        #expect(SecretToken.random().derived(for: "csrf") != token.derived(for: "csrf"))
    }

    @Test func constantTimeComparisonIsEquality() {
        let token = SecretToken.random().text
        #expect(SecretToken.constantTimeEquals(token, token))
        #expect(SecretToken.constantTimeEquals("", ""))
        #expect(!SecretToken.constantTimeEquals(token, String(token.dropLast()) + "!"))
        #expect(!SecretToken.constantTimeEquals(token, token + "x"))
        #expect(!SecretToken.constantTimeEquals(token, ""))
    }
}

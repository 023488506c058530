import GluteSecurity
import Testing

/// Passwords are counted in characters as people see them, 12 to 1,000.
@Suite struct PasswordPolicyTests {
    @Test(arguments: ["", "short", "eleven char"])
    func passwordsUnderTwelveCharactersAreRefused(_ password: String) {
        let error = #expect(throws: SecurityError.self) { try PasswordPolicy.check(password) }
        #expect(error?.code == .weakPassword)
        #expect(error?.message.contains("at least 12 characters") == true)
    }

    @Test(arguments: ["twelve chars", "correct horse battery staple", String(repeating: "x", count: 1000)])
    func passwordsOfTwelveToOneThousandCharactersPass(_ password: String) throws {
        try PasswordPolicy.check(password)
    }

    @Test func charactersAreCountedAsPeopleSeeThemNotAsBytes() throws {
        // Eleven accented letters written with combining accents: 22 scalars, 33 bytes, 11 characters.
        let decomposed = String(repeating: "e\u{301}", count: 11)
        #expect(decomposed.utf8.count == 33)
        #expect(throws: SecurityError.self) { try PasswordPolicy.check(decomposed) }
        try PasswordPolicy.check(decomposed + "e\u{301}")
        // Twelve emoji (48 bytes) are twelve characters.
        try PasswordPolicy.check(String(repeating: "🔑", count: 12))
    }

    @Test func passwordsOverOneThousandCharactersAreRefused() {
        let error = #expect(throws: SecurityError.self) {
            try PasswordPolicy.check(String(repeating: "x", count: 1001))
        }
        #expect(error?.code == .weakPassword)
    }
}

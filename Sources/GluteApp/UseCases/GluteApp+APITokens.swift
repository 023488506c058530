internal import GluteCore
internal import GluteSecurity
public import GluteStore

extension GluteApp {
    /// Makes an API token for scripts: its secret is in the answer this once, and only its hash
    /// is kept.
    ///
    /// - Throws: ``AppError`` on `name` (1 to 100 characters).
    public func createAPIToken(_ account: Account.ID, name: String) async throws -> APITokenCreated {
        let now = clock.now()
        let token = SecretToken.random()
        return try await run {
            try await store.write { tx in
                guard try tx.account(account) != nil else { throw AppError.noSuchAccount() }
                let made = try tx.insertAPIToken(for: account, name: name, tokenHash: token.hash, at: now)
                return APITokenCreated(token: APITokenView(made), secret: token.text)
            }
        }
    }

    /// The account's API tokens, revoked ones too, oldest first.
    public func apiTokens(_ account: Account.ID) async throws -> [APITokenView] {
        try await run { try await store.read { tx in try tx.apiTokens(for: account).map(APITokenView.init) } }
    }

    /// Revokes one of the account's API tokens; another account's is not found.
    public func revokeAPIToken(_ account: Account.ID, id: APIToken.ID) async throws {
        let now = clock.now()
        try await run { try await store.write { tx in try tx.revokeAPIToken(id, for: account, at: now) } }
    }

    /// The account an API token's text acts for, or `nil` (unknown or revoked).
    public func apiToken(_ secret: String) async throws -> TokenContext? {
        guard let token = SecretToken(secret) else { return nil }
        return try await run {
            try await store.read { tx in
                guard let found = try tx.apiToken(tokenHash: token.hash), found.revokedAt == nil,
                    let view = try tx.accountView(found.accountID)
                else { return nil }
                return TokenContext(account: view, token: found.id)
            }
        }
    }
}

internal import GluteCore
internal import GluteJSON
internal import GluteSecurity
public import GluteStore

extension GluteApp {
    // MARK: Invitations

    /// Makes an invitation of a coach: its code is in the answer this once.
    ///
    /// - Parameter email: when given, only the client account with this email can accept it.
    /// - Throws: ``AppError/Code/forbidden`` for a client's account; ``AppError`` on `email`.
    public func createInvitation(_ coach: Account.ID, email: String? = nil) async throws -> InvitationCreated {
        let email = try email.map { try Self.checkedEmail($0) }
        let now = clock.now()
        let lifetime = accounts.invitationLifetime
        let code = SecretToken.random()
        return try await run {
            try await store.write { tx in
                _ = try Self.requireCoach(coach, tx)
                let made = try tx.insertInvitation(
                    coach: coach, codeHash: code.hash, email: email, at: now,
                    expiresAt: now.adding(milliseconds: lifetime.milliseconds))
                return InvitationCreated(invitation: InvitationView(made, at: now), code: code.text)
            }
        }
    }

    /// The coach's invitations, newest first.
    public func invitations(_ coach: Account.ID) async throws -> [InvitationView] {
        let now = clock.now()
        return try await run {
            try await store.read { tx in
                _ = try Self.requireCoach(coach, tx)
                return try tx.invitations(coach: coach).reversed().map { InvitationView($0, at: now) }
            }
        }
    }

    /// Revokes an invitation of the coach that nobody accepted; another coach's is not found.
    public func revokeInvitation(_ coach: Account.ID, id: Invitation.ID) async throws {
        let now = clock.now()
        try await run { try await store.write { tx in try tx.revokeInvitation(id, coach: coach, at: now) } }
    }

    /// Accepts a coach's invitation: from now on the coach sees and edits the client's plan.
    ///
    /// - Returns: the coach.
    /// - Throws: ``AppError/Code/notFound`` for a code that opens no invitation (unknown, used,
    ///   revoked, expired, or meant for another email: the answer never says which);
    ///   ``AppError/Code/forbidden`` for a coach's account; ``AppError/Code/conflict`` when the
    ///   client is this coach's already.
    public func acceptInvitation(_ client: Account.ID, code: String) async throws -> AccountView {
        let now = clock.now()
        let closed = AppError(code: .notFound, message: "no open invitation has this code", field: "code")
        guard let token = SecretToken(code) else { throw closed }
        return try await run {
            try await store.write { tx in
                guard let account = try tx.account(client) else { throw AppError.noSuchAccount() }
                guard account.role == .client else { throw AppError.clientsOnly() }
                guard let invitation = try tx.invitation(codeHash: token.hash), invitation.isOpen(at: now),
                    invitation.email == nil || invitation.email == account.email
                else { throw closed }
                if try tx.coachLink(coach: invitation.coachID, client: client) != nil {
                    throw AppError(code: .conflict, message: "you are this coach's client already")
                }
                _ = try tx.acceptInvitation(invitation.id, by: client, at: now)
                guard let coach = try tx.accountView(invitation.coachID) else { throw closed }
                return coach
            }
        }
    }

    // MARK: Clients

    /// The coach's clients, in the order they accepted.
    public func clients(_ coach: Account.ID) async throws -> [ClientSummary] {
        try await run {
            try await store.read { tx in
                _ = try Self.requireCoach(coach, tx)
                return try tx.coachedClients(of: coach).map(Self.summary)
            }
        }
    }

    /// Ends the coach's link with a client: the coach no longer sees or edits them.
    public func removeClient(_ coach: Account.ID, client: Person.ID) async throws {
        let now = clock.now()
        try await run {
            try await store.write { tx in
                let linked = try Self.requireClient(client, of: coach, tx)
                try tx.endCoachLink(coach: coach, client: linked.account.id, at: now)
            }
        }
    }

    /// Ends a client's link with one of their coaches.
    public func leaveCoach(_ client: Account.ID, coach: Account.ID) async throws {
        let now = clock.now()
        try await run {
            try await store.write { tx in
                guard try tx.coachLink(coach: coach, client: client) != nil else {
                    throw AppError(code: .notFound, message: "this coach is not yours")
                }
                try tx.endCoachLink(coach: coach, client: client, at: now)
            }
        }
    }

    /// Everything the coach sees of one client.
    ///
    /// Findings, the plan, the latest 20 entries, progress over four weeks, deletions and notes.
    /// Opening a client marks their deletions as seen on the dashboard.
    ///
    /// - Throws: ``AppError/Code/notFound`` unless the client accepted the coach's invitation and
    ///   neither ended the link.
    public func client(_ coach: Account.ID, client: Person.ID) async throws -> ClientView {
        let linked = try await run { try await store.read { tx in try Self.requireClient(client, of: coach, tx) } }
        let findings = try await Self.unlessPrecondition { try await self.findings(client) }
        let plan = try await Self.unlessPrecondition { try await self.plan(client) }
        let recent = try await history(client, limit: 20)
        let progress = try await self.progress(client, weeks: 4)
        let (deletions, notes) = try await run {
            try await store.read { tx in
                (
                    try tx.deletions(for: client),
                    try tx.clientNotes(coach: coach, client: client).map(ClientNoteView.init)
                )
            }
        }
        try await run {
            try await store.write { tx in
                guard let state = try tx.clientState(for: client),
                    try tx.coachLink(coach: coach, client: linked.account.id) != nil
                else { return }
                try tx.setDeletionsSeen(state.deletions, coach: coach, client: linked.account.id)
            }
        }
        return ClientView(
            client: Self.summary(linked), findings: findings, plan: plan, recent: recent, progress: progress,
            deletions: deletions, notes: notes)
    }

    /// Adds a note of the coach's about a client (1 to 4,000 characters); only this coach sees it.
    public func addClientNote(_ coach: Account.ID, client: Person.ID, text: String) async throws -> ClientNoteView {
        let now = clock.now()
        return try await run {
            try await store.write { tx in
                _ = try Self.requireClient(client, of: coach, tx)
                return ClientNoteView(try tx.insertClientNote(coach: coach, client: client, text: text, at: now))
            }
        }
    }

    /// The coach's notes about a client, oldest first.
    public func clientNotes(_ coach: Account.ID, client: Person.ID) async throws -> [ClientNoteView] {
        try await run {
            try await store.read { tx in
                _ = try Self.requireClient(client, of: coach, tx)
                return try tx.clientNotes(coach: coach, client: client).map(ClientNoteView.init)
            }
        }
    }

    // MARK: Helpers

    /// The coach's account, or an error for anyone else.
    static func requireCoach(_ coach: Account.ID, _ tx: any StoreReader) throws -> Account {
        guard let account = try tx.account(coach) else { throw AppError.noSuchAccount() }
        guard account.role == .coach else { throw AppError.coachesOnly() }
        return account
    }

    /// The client whose person is `client`, when `coach` has a link in force with them.
    static func requireClient(_ client: Person.ID, of coach: Account.ID, _ tx: any StoreReader) throws
        -> CoachedClient
    {
        _ = try requireCoach(coach, tx)
        guard let linked = try tx.coachedClient(client, of: coach) else { throw AppError.noSuchClient() }
        return linked
    }

    static func summary(_ client: CoachedClient) -> ClientSummary {
        ClientSummary(account: AccountView(client.account, person: client.person), since: client.link.since)
    }

    /// The value of `body`, or `nil` when it needs something done first (no assessment yet).
    static func unlessPrecondition<Value>(_ body: () async throws -> Value) async throws -> Value? {
        do { return try await body() } catch let error as AppError where error.code == .precondition { return nil }
    }
}

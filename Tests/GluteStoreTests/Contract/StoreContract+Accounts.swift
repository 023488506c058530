import GluteCore
import GluteJSON
import GluteStore
import Testing

/// 64 lowercase hexadecimal digits standing for the hash of secret number `number`.
func secretHash(_ number: Int) -> String {
    let digits = String(number, radix: 16)
    return String(repeating: "0", count: 64 - digits.count) + digits
}

/// An argon2id-shaped password hash; the store keeps it as text and never reads it.
let samplePasswordHash = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"

extension Store {
    /// Creates a person and an account for them in one transaction.
    func createAccount(
        _ email: String, role: AccountRole = .client, name: String? = nil, at time: Timestamp = at(8)
    ) async throws -> Account {
        try await write { tx in
            let person = try tx.createPerson(name: name, timeZone: "UTC", at: time)
            return try tx.createAccount(
                email: email, role: role, person: person.id, passwordHash: samplePasswordHash, at: time)
        }
    }

    /// Links `client` to `coach` through a fresh invitation, accepted at `time`.
    func link(client: Account, to coach: Account, code: Int, at time: Timestamp = at(9)) async throws -> CoachLink {
        try await write { tx in
            let invitation = try tx.insertInvitation(
                coach: coach.id, codeHash: secretHash(code), email: nil, at: time, expiresAt: time.adding(seconds: 3600)
            )
            return try tx.acceptInvitation(invitation.id, by: client.id, at: time)
        }
    }
}

extension StoreContract {
    static let accountChecks: [ContractCheck] = [
        ContractCheck(name: "an account is created for a person with its email normalised and found four ways") {
            factory in
            let store = try await factory(numberedIDs())
            let account = try await store.createAccount("  Ana@Example.COM ", role: .coach)
            #expect(account.email == "ana@example.com" && account.role == .coach)
            #expect(account.passwordHash == samplePasswordHash && account.calendarSecretHash == nil)
            #expect(try await store.read { tx in try tx.account(account.id) } == account)
            #expect(try await store.read { tx in try tx.account(email: "ANA@example.com") } == account)
            #expect(try await store.read { tx in try tx.account(person: account.personID) } == account)
            #expect(try await store.read { tx in try tx.account(email: "ben@example.com") } == nil)
            #expect(try await store.read { tx in try tx.account(Account.ID(rawValue: "missing")) } == nil)
            try await store.write { tx in try tx.setCalendarSecretHash(secretHash(7), for: account.id) }
            #expect(try await store.read { tx in try tx.account(calendarSecretHash: secretHash(7)) }?.id == account.id)
            try await store.write { tx in try tx.setCalendarSecretHash(nil, for: account.id) }
            #expect(try await store.read { tx in try tx.account(calendarSecretHash: secretHash(7)) } == nil)
            try await store.write { tx in try tx.setPasswordHash("$argon2id$other", for: account.id) }
            #expect(try await store.read { tx in try tx.account(account.id) }?.passwordHash == "$argon2id$other")
        },
        ContractCheck(name: "an email or a person has one account, and bad emails and hashes are refused") { factory in
            let store = try await factory(numberedIDs())
            let ana = try await store.createAccount("ana@example.com")
            await expectStoreError(.alreadyExists, field: "email") {
                _ = try await store.createAccount("ANA@example.com")
            }
            await expectStoreError(.alreadyExists) {
                _ = try await store.write { tx in
                    try tx.createAccount(
                        email: "other@example.com", role: .client, person: ana.personID, passwordHash: "x", at: at(9))
                }
            }
            for bad in ["", "ana", "@example.com", "ana@", "a b@example.com", "ana@@example.com"] {
                await expectStoreError(.invalidRecord, field: "email") { _ = try await store.createAccount(bad) }
            }
            await expectStoreError(.invalidRecord, field: "email") {
                _ = try await store.createAccount(String(repeating: "a", count: 250) + "@x.io")
            }
            await expectStoreError(.notFound) {
                _ = try await store.write { tx in
                    try tx.createAccount(
                        email: "cy@example.com", role: .client, person: Person.ID(rawValue: "nobody"),
                        passwordHash: "x",
                        at: at(9))
                }
            }
            await expectStoreError(.invalidRecord, field: "passwordHash") {
                try await store.write { tx in try tx.setPasswordHash("", for: ana.id) }
            }
            await expectStoreError(.invalidRecord, field: "calendarSecretHash") {
                try await store.write { tx in try tx.setCalendarSecretHash("ABC", for: ana.id) }
            }
            await expectStoreError(.notFound) {
                try await store.write { tx in try tx.setPasswordHash("x", for: Account.ID(rawValue: "nobody")) }
            }
            #expect(try await store.read { tx in try tx.account(ana.id) } == ana)
        },
        ContractCheck(name: "deleting a person deletes their account and everything that hangs off it") { factory in
            let store = try await factory(numberedIDs())
            let coach = try await store.createAccount("coach@example.com", role: .coach)
            let ana = try await store.createAccount("ana@example.com")
            let ben = try await store.createAccount("ben@example.com")
            _ = try await store.link(client: ana, to: coach, code: 1)
            _ = try await store.link(client: ben, to: coach, code: 2)
            try await store.write { tx in
                _ = try tx.insertAuthSession(for: ana.id, tokenHash: secretHash(10), at: at(9), expiresAt: at(20))
                _ = try tx.insertAPIToken(for: ana.id, name: "script", tokenHash: secretHash(11), at: at(9))
                _ = try tx.insertClientNote(coach: coach.id, client: ana.personID, text: "knees", at: at(9))
                _ = try tx.insertClientNote(coach: coach.id, client: ben.personID, text: "hips", at: at(9))
                try tx.insertIdempotencyRecord(
                    IdempotencyRecord(
                        accountID: ana.id, key: "k1", operation: "logSet", fingerprint: nil, status: 201, body: [1],
                        createdAt: at(9)))
                try tx.saveClientState(ClientState(personID: ana.personID, lastLogAt: at(9), updatedAt: at(9)))
                _ = try tx.insertSet(sampleEntry(), for: ana.personID)
                try tx.deletePerson(ana.personID)
            }
            let left = try await store.read { tx in
                (
                    try tx.account(ana.id), try tx.person(ana.personID), try tx.authSession(tokenHash: secretHash(10)),
                    try tx.apiToken(tokenHash: secretHash(11)), try tx.coachLinks(client: ana.id),
                    try tx.clientNotes(coach: coach.id, client: ana.personID),
                    try tx.idempotencyRecord(account: ana.id, key: "k1"), try tx.clientState(for: ana.personID),
                    try tx.coachedClients(of: coach.id).map(\.account.id),
                    try tx.clientNotes(coach: coach.id, client: ben.personID).count,
                    try tx.invitations(coach: coach.id).map(\.acceptedBy)
                )
            }
            #expect(left.0 == nil && left.1 == nil && left.2 == nil && left.3 == nil && left.4.isEmpty)
            #expect(left.5.isEmpty && left.6 == nil && left.7 == nil)
            #expect(left.8 == [ben.id] && left.9 == 1)
            // The coach's invitation that Ana accepted stays accepted, by nobody now.
            #expect(left.10 == [nil, ben.id])
            #expect(try await store.allSets(for: ana.personID).isEmpty)
            await expectStoreError(.notFound) { try await store.write { tx in try tx.deletePerson(ana.personID) } }
            // Deleting the coach ends their links, invitations and notes.
            try await store.write { tx in try tx.deletePerson(coach.personID) }
            #expect(try await store.read { tx in try tx.coachLinks(client: ben.id) }.isEmpty)
            #expect(try await store.read { tx in try tx.invitations(coach: coach.id) }.isEmpty)
            #expect(try await store.read { tx in try tx.clientNotes(coach: coach.id, client: ben.personID) }.isEmpty)
            #expect(try await store.read { tx in try tx.account(ben.id) } == ben)
        },
    ]

    static let sessionChecks: [ContractCheck] = [
        ContractCheck(name: "sessions are found by their hash, touched, and ended one, all or all but one") {
            factory in
            let store = try await factory(numberedIDs())
            let ana = try await store.createAccount("ana@example.com")
            let ben = try await store.createAccount("ben@example.com")
            let (first, second, third, other) = try await store.write { tx in
                (
                    try tx.insertAuthSession(for: ana.id, tokenHash: secretHash(1), at: at(9), expiresAt: at(12)),
                    try tx.insertAuthSession(for: ana.id, tokenHash: secretHash(2), at: at(10), expiresAt: at(20)),
                    try tx.insertAuthSession(for: ana.id, tokenHash: secretHash(3), at: at(10), expiresAt: at(21)),
                    try tx.insertAuthSession(for: ben.id, tokenHash: secretHash(4), at: at(9), expiresAt: at(20))
                )
            }
            #expect(
                first
                    == AuthSession(
                        id: first.id, accountID: ana.id, tokenHash: secretHash(1), createdAt: at(9), expiresAt: at(12),
                        lastSeenAt: at(9)))
            #expect(try await store.read { tx in try tx.authSession(tokenHash: secretHash(2)) } == second)
            #expect(try await store.read { tx in try tx.authSession(tokenHash: secretHash(9)) } == nil)
            #expect(try await store.read { tx in try tx.authSessions(for: ana.id) } == [first, second, third])
            try await store.write { tx in try tx.touchAuthSession(second.id, for: ana.id, at: at(11)) }
            // A touch never moves last-seen back.
            try await store.write { tx in try tx.touchAuthSession(second.id, for: ana.id, at: at(10, 30)) }
            #expect(try await store.read { tx in try tx.authSession(tokenHash: secretHash(2)) }?.lastSeenAt == at(11))
            await expectStoreError(.notFound) {
                try await store.write { tx in try tx.touchAuthSession(other.id, for: ana.id, at: at(11)) }
            }
            await expectStoreError(.notFound) {
                try await store.write { tx in try tx.deleteAuthSession(other.id, for: ana.id) }
            }
            try await store.write { tx in try tx.deleteExpiredAuthSessions(for: ana.id, at: at(12)) }
            #expect(try await store.read { tx in try tx.authSessions(for: ana.id) }.map(\.id) == [second.id, third.id])
            try await store.write { tx in try tx.deleteAuthSessions(for: ana.id, except: third.id) }
            #expect(try await store.read { tx in try tx.authSessions(for: ana.id) }.map(\.id) == [third.id])
            try await store.write { tx in try tx.deleteAuthSession(third.id, for: ana.id) }
            try await store.write { tx in try tx.deleteAuthSessions(for: ana.id, except: nil) }
            #expect(try await store.read { tx in try tx.authSessions(for: ana.id) }.isEmpty)
            #expect(try await store.read { tx in try tx.authSessions(for: ben.id) } == [other])
        },
        ContractCheck(name: "a session needs a hash, a later end and an account, and a hash is used once") {
            factory in
            let store = try await factory(numberedIDs())
            let ana = try await store.createAccount("ana@example.com")
            await expectStoreError(.invalidRecord, field: "tokenHash") {
                _ = try await store.write { tx in
                    try tx.insertAuthSession(for: ana.id, tokenHash: "secret", at: at(9), expiresAt: at(10))
                }
            }
            await expectStoreError(.invalidRecord, field: "expiresAt") {
                _ = try await store.write { tx in
                    try tx.insertAuthSession(for: ana.id, tokenHash: secretHash(1), at: at(9), expiresAt: at(9))
                }
            }
            await expectStoreError(.notFound) {
                _ = try await store.write { tx in
                    try tx.insertAuthSession(
                        for: Account.ID(rawValue: "nobody"), tokenHash: secretHash(1), at: at(9), expiresAt: at(10))
                }
            }
            _ = try await store.write { tx in
                try tx.insertAuthSession(for: ana.id, tokenHash: secretHash(1), at: at(9), expiresAt: at(10))
            }
            await expectStoreError(.constraintViolation) {
                _ = try await store.write { tx in
                    try tx.insertAuthSession(for: ana.id, tokenHash: secretHash(1), at: at(9), expiresAt: at(10))
                }
            }
        },
        ContractCheck(name: "API tokens are named, found by hash, listed, and revoked only by their owner") {
            factory in
            let store = try await factory(numberedIDs())
            let ana = try await store.createAccount("ana@example.com")
            let ben = try await store.createAccount("ben@example.com")
            let (script, phone) = try await store.write { tx in
                (
                    try tx.insertAPIToken(for: ana.id, name: "script", tokenHash: secretHash(1), at: at(9)),
                    try tx.insertAPIToken(for: ana.id, name: "phone", tokenHash: secretHash(2), at: at(10))
                )
            }
            #expect(script.name == "script" && script.revokedAt == nil && script.accountID == ana.id)
            #expect(try await store.read { tx in try tx.apiToken(tokenHash: secretHash(2)) } == phone)
            #expect(try await store.read { tx in try tx.apiTokens(for: ana.id) } == [script, phone])
            #expect(try await store.read { tx in try tx.apiTokens(for: ben.id) }.isEmpty)
            await expectStoreError(.notFound) {
                try await store.write { tx in try tx.revokeAPIToken(script.id, for: ben.id, at: at(11)) }
            }
            try await store.write { tx in try tx.revokeAPIToken(script.id, for: ana.id, at: at(11)) }
            try await store.write { tx in try tx.revokeAPIToken(script.id, for: ana.id, at: at(12)) }
            #expect(try await store.read { tx in try tx.apiToken(tokenHash: secretHash(1)) }?.revokedAt == at(11))
            await expectStoreError(.invalidRecord, field: "name") {
                _ = try await store.write { tx in
                    try tx.insertAPIToken(for: ana.id, name: "", tokenHash: secretHash(3), at: at(9))
                }
            }
            await expectStoreError(.invalidRecord, field: "tokenHash") {
                _ = try await store.write { tx in
                    try tx.insertAPIToken(for: ana.id, name: "x", tokenHash: secretHash(0xabc).uppercased(), at: at(9))
                }
            }
        },
    ]
}

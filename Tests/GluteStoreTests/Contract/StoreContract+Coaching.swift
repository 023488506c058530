import GluteCore
import GluteJSON
import GluteStore
import Testing

extension StoreContract {
    static let coachingChecks: [ContractCheck] = [
        ContractCheck(name: "a coach's invitation is found by its code's hash, accepted once, and links the two") {
            factory in
            let store = try await factory(numberedIDs())
            let coach = try await store.createAccount("coach@example.com", role: .coach)
            let ana = try await store.createAccount("ana@example.com", name: "Ana")
            let invitation = try await store.write { tx in
                try tx.insertInvitation(
                    coach: coach.id, codeHash: secretHash(1), email: " Ana@Example.com", at: at(9), expiresAt: at(20))
            }
            #expect(invitation.email == "ana@example.com" && invitation.isOpen(at: at(10)))
            #expect(!invitation.isOpen(at: at(20)))
            #expect(try await store.read { tx in try tx.invitation(codeHash: secretHash(1)) } == invitation)
            #expect(try await store.read { tx in try tx.invitation(codeHash: secretHash(2)) } == nil)
            let link = try await store.write { tx in try tx.acceptInvitation(invitation.id, by: ana.id, at: at(10)) }
            #expect(link.coachID == coach.id && link.clientID == ana.id && link.since == at(10) && link.isActive)
            #expect(link.deletionsSeen == 0)
            let accepted = try await store.read { tx in try tx.invitations(coach: coach.id) }
            #expect(accepted.map(\.acceptedBy) == [ana.id] && accepted.map(\.acceptedAt) == [at(10)])
            #expect(try await store.read { tx in try tx.coachLink(coach: coach.id, client: ana.id) } == link)
            #expect(try await store.read { tx in try tx.coachLinks(client: ana.id) } == [link])
            // Accepting again, or revoking an accepted invitation, is refused.
            await expectStoreError(.invalidRecord, field: "invitation") {
                _ = try await store.write { tx in try tx.acceptInvitation(invitation.id, by: ana.id, at: at(11)) }
            }
            await expectStoreError(.invalidRecord, field: "id") {
                try await store.write { tx in try tx.revokeInvitation(invitation.id, coach: coach.id, at: at(11)) }
            }
        },
        ContractCheck(name: "only a coach invites, only an open invitation is accepted, by a client not yet linked") {
            factory in
            let store = try await factory(numberedIDs())
            let coach = try await store.createAccount("coach@example.com", role: .coach)
            let other = try await store.createAccount("other@example.com", role: .coach)
            let ana = try await store.createAccount("ana@example.com")
            await expectStoreError(.invalidRecord, field: "coach") {
                _ = try await store.write { tx in
                    try tx.insertInvitation(
                        coach: ana.id, codeHash: secretHash(1), email: nil, at: at(9), expiresAt: at(10))
                }
            }
            await expectStoreError(.invalidRecord, field: "expiresAt") {
                _ = try await store.write { tx in
                    try tx.insertInvitation(
                        coach: coach.id, codeHash: secretHash(1), email: nil, at: at(9), expiresAt: at(9))
                }
            }
            await expectStoreError(.invalidRecord, field: "email") {
                _ = try await store.write { tx in
                    try tx.insertInvitation(
                        coach: coach.id, codeHash: secretHash(1), email: "nobody", at: at(9), expiresAt: at(10))
                }
            }
            let (expiring, revoked, spare) = try await store.write { tx in
                (
                    try tx.insertInvitation(
                        coach: coach.id, codeHash: secretHash(1), email: nil, at: at(9), expiresAt: at(10)),
                    try tx.insertInvitation(
                        coach: coach.id, codeHash: secretHash(2), email: nil, at: at(9), expiresAt: at(20)),
                    try tx.insertInvitation(
                        coach: coach.id, codeHash: secretHash(3), email: nil, at: at(9), expiresAt: at(20))
                )
            }
            await expectStoreError(.notFound) {
                try await store.write { tx in try tx.revokeInvitation(revoked.id, coach: other.id, at: at(9)) }
            }
            try await store.write { tx in try tx.revokeInvitation(revoked.id, coach: coach.id, at: at(9, 30)) }
            #expect(try await store.read { tx in try tx.invitation(codeHash: secretHash(2)) }?.revokedAt == at(9, 30))
            await expectStoreError(.invalidRecord, field: "invitation") {
                _ = try await store.write { tx in try tx.acceptInvitation(expiring.id, by: ana.id, at: at(10)) }
            }
            await expectStoreError(.invalidRecord, field: "invitation") {
                _ = try await store.write { tx in try tx.acceptInvitation(revoked.id, by: ana.id, at: at(10)) }
            }
            await expectStoreError(.invalidRecord, field: "client") {
                _ = try await store.write { tx in try tx.acceptInvitation(spare.id, by: other.id, at: at(10)) }
            }
            await expectStoreError(.notFound) {
                _ = try await store.write { tx in
                    try tx.acceptInvitation(Invitation.ID(rawValue: "missing"), by: ana.id, at: at(10))
                }
            }
            _ = try await store.link(client: ana, to: coach, code: 4)
            await expectStoreError(.alreadyExists) {
                _ = try await store.write { tx in try tx.acceptInvitation(spare.id, by: ana.id, at: at(10)) }
            }
            #expect(try await store.read { tx in try tx.invitation(codeHash: secretHash(3)) }?.acceptedAt == nil)
            #expect(try await store.read { tx in try tx.invitations(coach: coach.id) }.count == 4)
        },
        ContractCheck(name: "ending a link keeps it as history, and a new invitation links the pair again") {
            factory in
            let store = try await factory(numberedIDs())
            let coach = try await store.createAccount("coach@example.com", role: .coach)
            let ana = try await store.createAccount("ana@example.com")
            let first = try await store.link(client: ana, to: coach, code: 1, at: at(9))
            try await store.write { tx in try tx.endCoachLink(coach: coach.id, client: ana.id, at: at(10)) }
            #expect(try await store.read { tx in try tx.coachLink(coach: coach.id, client: ana.id) } == nil)
            #expect(try await store.read { tx in try tx.coachLinks(client: ana.id) }.isEmpty)
            #expect(try await store.read { tx in try tx.coachedClients(of: coach.id) }.isEmpty)
            await expectStoreError(.notFound) {
                try await store.write { tx in try tx.endCoachLink(coach: coach.id, client: ana.id, at: at(11)) }
            }
            let second = try await store.link(client: ana, to: coach, code: 2, at: at(12))
            #expect(second.id != first.id && second.since == at(12))
            #expect(try await store.read { tx in try tx.coachLinks(client: ana.id) } == [second])
        },
        ContractCheck(name: "a coach's clients come with account, person and kept state, one row each") { factory in
            let store = try await factory(numberedIDs())
            let coach = try await store.createAccount("coach@example.com", role: .coach)
            let other = try await store.createAccount("other@example.com", role: .coach)
            let ana = try await store.createAccount("ana@example.com", name: "Ana", at: at(7))
            let ben = try await store.createAccount("ben@example.com", name: "Ben", at: at(7))
            let cy = try await store.createAccount("cy@example.com", name: "Cy", at: at(7))
            let anaLink = try await store.link(client: ana, to: coach, code: 1, at: at(9))
            let benLink = try await store.link(client: ben, to: coach, code: 2, at: at(10))
            _ = try await store.link(client: cy, to: other, code: 3, at: at(9))
            let state = ClientState(personID: ben.personID, lastLogAt: at(9), deletions: 2, updatedAt: at(10))
            try await store.write { tx in try tx.saveClientState(state) }
            let clients = try await store.read { tx in try tx.coachedClients(of: coach.id) }
            #expect(clients.map(\.account) == [ana, ben])
            #expect(clients.map(\.link) == [anaLink, benLink])
            #expect(clients.map(\.person.name) == ["Ana", "Ben"])
            #expect(clients.map(\.state) == [nil, state])
            #expect(try await store.read { tx in try tx.coachedClient(ben.personID, of: coach.id) } == clients[1])
            #expect(try await store.read { tx in try tx.coachedClient(cy.personID, of: coach.id) } == nil)
            #expect(try await store.read { tx in try tx.coachedClients(of: other.id) }.map(\.account) == [cy])
            try await store.write { tx in try tx.setDeletionsSeen(2, coach: coach.id, client: ben.id) }
            #expect(
                try await store.read { tx in try tx.coachLink(coach: coach.id, client: ben.id) }?.deletionsSeen == 2)
            await expectStoreError(.notFound) {
                try await store.write { tx in try tx.setDeletionsSeen(1, coach: other.id, client: ben.id) }
            }
            await expectStoreError(.invalidRecord, field: "deletionsSeen") {
                try await store.write { tx in try tx.setDeletionsSeen(-1, coach: coach.id, client: ben.id) }
            }
        },
        ContractCheck(name: "a coach's notes on a client are theirs alone, oldest first, 1 to 4000 characters") {
            factory in
            let store = try await factory(numberedIDs())
            let coach = try await store.createAccount("coach@example.com", role: .coach)
            let other = try await store.createAccount("other@example.com", role: .coach)
            let ana = try await store.createAccount("ana@example.com")
            let (later, earlier, theirs) = try await store.write { tx in
                (
                    try tx.insertClientNote(coach: coach.id, client: ana.personID, text: "knee better", at: at(11)),
                    try tx.insertClientNote(coach: coach.id, client: ana.personID, text: "first call", at: at(9)),
                    try tx.insertClientNote(coach: other.id, client: ana.personID, text: "not yours", at: at(10))
                )
            }
            #expect(earlier.text == "first call" && earlier.coachID == coach.id && earlier.clientID == ana.personID)
            #expect(
                try await store.read { tx in try tx.clientNotes(coach: coach.id, client: ana.personID) } == [
                    earlier, later,
                ])
            #expect(
                try await store.read { tx in try tx.clientNotes(coach: other.id, client: ana.personID) } == [theirs])
            await expectStoreError(.invalidRecord, field: "text") {
                _ = try await store.write { tx in
                    try tx.insertClientNote(coach: coach.id, client: ana.personID, text: "", at: at(9))
                }
            }
            await expectStoreError(.invalidRecord, field: "text") {
                _ = try await store.write { tx in
                    try tx.insertClientNote(
                        coach: coach.id, client: ana.personID, text: String(repeating: "x", count: 4001), at: at(9))
                }
            }
            await expectStoreError(.notFound) {
                _ = try await store.write { tx in
                    try tx.insertClientNote(
                        coach: coach.id, client: Person.ID(rawValue: "nobody"), text: "x", at: at(9))
                }
            }
        },
    ]

    static let requestChecks: [ContractCheck] = [
        ContractCheck(name: "an idempotency record is kept once per account and key, and old ones are forgotten") {
            factory in
            let store = try await factory(numberedIDs())
            let ana = try await store.createAccount("ana@example.com")
            let ben = try await store.createAccount("ben@example.com")
            let record = IdempotencyRecord(
                accountID: ana.id, key: "retry-1", operation: "logSet", fingerprint: "abc", status: 201,
                body: .object(["logged": .object(["id": "s1"])]), createdAt: at(9))
            try await store.write { tx in try tx.insertIdempotencyRecord(record) }
            #expect(try await store.read { tx in try tx.idempotencyRecord(account: ana.id, key: "retry-1") } == record)
            #expect(try await store.read { tx in try tx.idempotencyRecord(account: ben.id, key: "retry-1") } == nil)
            await expectStoreError(.alreadyExists, field: "key") {
                try await store.write { tx in try tx.insertIdempotencyRecord(record) }
            }
            var copy = record
            copy.accountID = ben.id
            copy.createdAt = at(11)
            let bens = copy
            try await store.write { tx in try tx.insertIdempotencyRecord(bens) }
            var emptyKey = record
            emptyKey.key = ""
            var noOperation = record
            noOperation.key = "other"
            noOperation.operation = ""
            var badStatus = record
            badStatus.key = "other"
            badStatus.status = 42
            for (field, bad) in [("key", emptyKey), ("operation", noOperation), ("status", badStatus)] {
                await expectStoreError(.invalidRecord, field: field) {
                    try await store.write { tx in try tx.insertIdempotencyRecord(bad) }
                }
            }
            try await store.write { tx in try tx.deleteIdempotencyRecords(for: ana.id, before: at(10)) }
            try await store.write { tx in try tx.deleteIdempotencyRecords(for: ben.id, before: at(10)) }
            #expect(try await store.read { tx in try tx.idempotencyRecord(account: ana.id, key: "retry-1") } == nil)
            #expect(try await store.read { tx in try tx.idempotencyRecord(account: ben.id, key: "retry-1") } == bens)
        },
        ContractCheck(name: "rate-limit counters are written, replaced, removed, and pruned by window start") {
            factory in
            let store = try await factory(numberedIDs())
            let account = RateLimitCounter(key: "signin:account:ana@example.com", windowStart: at(9), attempts: 1)
            let address = RateLimitCounter(key: "signin:address:127.0.0.1", windowStart: at(10), attempts: 3)
            try await store.write { tx in
                try tx.saveRateLimitCounter(account)
                try tx.saveRateLimitCounter(address)
            }
            #expect(try await store.read { tx in try tx.rateLimitCounter(account.key) } == account)
            let more = RateLimitCounter(key: account.key, windowStart: at(9), attempts: 5)
            try await store.write { tx in try tx.saveRateLimitCounter(more) }
            #expect(try await store.read { tx in try tx.rateLimitCounter(account.key) } == more)
            try await store.write { tx in try tx.deleteRateLimitCounters(before: at(10)) }
            #expect(try await store.read { tx in try tx.rateLimitCounter(account.key) } == nil)
            #expect(try await store.read { tx in try tx.rateLimitCounter(address.key) } == address)
            try await store.write { tx in try tx.deleteRateLimitCounter(address.key) }
            try await store.write { tx in try tx.deleteRateLimitCounter(address.key) }
            #expect(try await store.read { tx in try tx.rateLimitCounter(address.key) } == nil)
            await expectStoreError(.invalidRecord, field: "key") {
                try await store.write { tx in
                    try tx.saveRateLimitCounter(RateLimitCounter(key: "", windowStart: at(9), attempts: 1))
                }
            }
            await expectStoreError(.invalidRecord, field: "attempts") {
                try await store.write { tx in
                    try tx.saveRateLimitCounter(RateLimitCounter(key: "k", windowStart: at(9), attempts: -1))
                }
            }
        },
        ContractCheck(name: "a client's kept state is written whole and read back, and checked") { factory in
            let store = try await factory(numberedIDs())
            let ana = try await store.createPerson("Ana")
            #expect(try await store.read { tx in try tx.clientState(for: ana.id) } == nil)
            let full = ClientState(
                personID: ana.id, stopReason: "stopped: see a clinician", activationDays: [.mon, .wed, .sun],
                week: CivilDate(year: 2026, month: 11, day: 2), activationDaysDone: [.mon], painfulSetAt: at(9),
                highestPain: 5, lastLogAt: at(10),
                stalledItems: [ItemKey(kind: .strength, exercise: "split-squat", side: .left)],
                regressedItems: [
                    ItemKey(kind: .activation, exercise: "glute-bridge", side: nil),
                    ItemKey(kind: .strength, exercise: "step-up", side: .right),
                ], retestsDue: [.singleLegBridge, .hipHinge], reassessOn: CivilDate(year: 2026, month: 11, day: 30),
                deletions: 3, lastDeletionAt: at(11), updatedAt: at(12))
            try await store.write { tx in try tx.saveClientState(full) }
            #expect(try await store.read { tx in try tx.clientState(for: ana.id) } == full)
            let empty = ClientState(personID: ana.id, updatedAt: at(13))
            try await store.write { tx in try tx.saveClientState(empty) }
            #expect(try await store.read { tx in try tx.clientState(for: ana.id) } == empty)
            var lowPain = full
            lowPain.highestPain = 3
            await expectStoreError(.invalidRecord, field: "highestPain") {
                try await store.write { [lowPain] tx in try tx.saveClientState(lowPain) }
            }
            var negative = full
            negative.deletions = -1
            await expectStoreError(.invalidRecord, field: "deletions") {
                try await store.write { [negative] tx in try tx.saveClientState(negative) }
            }
            await expectStoreError(.notFound) {
                try await store.write { tx in
                    try tx.saveClientState(ClientState(personID: Person.ID(rawValue: "nobody"), updatedAt: at(9)))
                }
            }
        },
    ]
}

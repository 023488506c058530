import GluteCore
import GluteStore
import Testing

@testable import GluteSQLite

/// Migration 5's tables refuse rows that break the account rules, whoever writes them, and a file
/// made before it keeps its people.
@Suite struct SQLiteAccountSchemaTests {
    private static let hash = String(repeating: "a", count: 64)

    /// A migrated store with person `p1` and `p2`, coach account `c` and client account `k`.
    private func makeStore(_ folder: TemporaryFolder) async throws -> SQLiteStore {
        let store = try makeSQLiteStore(in: folder)
        for statement: SQLQuery in [
            "INSERT INTO person (id, name, created_at) VALUES ('p1', NULL, 0)",
            "INSERT INTO person (id, name, created_at) VALUES ('p2', NULL, 0)",
            """
            INSERT INTO account (id, email, role, person_id, password_hash, created_at) \
            VALUES ('c', 'coach@example.com', 'coach', 'p1', 'x', 0)
            """,
            """
            INSERT INTO account (id, email, role, person_id, password_hash, created_at) \
            VALUES ('k', 'client@example.com', 'client', 'p2', 'x', 0)
            """,
        ] {
            _ = try await store.runRaw(statement)
        }
        return store
    }

    private func constraintCode(_ store: SQLiteStore, _ sql: String) async -> SQLiteError.ResultCode? {
        let error = await #expect(throws: StoreError.self) { try await store.runRaw(SQLQuery(unsafeSQL: sql)) }
        return (error?.underlying as? SQLiteError)?.code
    }

    @Test(arguments: [
        ("upper-case email", "'a2', 'Ana@example.com', 'client', 'p3', 'x', 0", SQLiteError.ResultCode.constraintCheck),
        ("email without @", "'a2', 'ana.example.com', 'client', 'p3', 'x', 0", .constraintCheck),
        ("email ending in @", "'a2', 'ana@', 'client', 'p3', 'x', 0", .constraintCheck),
        ("unknown role", "'a2', 'ana@example.com', 'admin', 'p3', 'x', 0", .constraintCheck),
        ("email taken", "'a2', 'coach@example.com', 'client', 'p3', 'x', 0", .constraintUnique),
        ("person taken", "'a2', 'ana@example.com', 'client', 'p1', 'x', 0", .constraintUnique),
        ("unknown person", "'a2', 'ana@example.com', 'client', 'p9', 'x', 0", .constraintForeignKey),
    ])
    func badAccountIsRefused(_ label: String, _ values: String, _ code: SQLiteError.ResultCode) async throws {
        let folder = try TemporaryFolder()
        let store = try await makeStore(folder)
        _ = try await store.runRaw("INSERT INTO person (id, name, created_at) VALUES ('p3', NULL, 0)")
        let sql = "INSERT INTO account (id, email, role, person_id, password_hash, created_at) VALUES (\(values))"
        #expect(await constraintCode(store, sql) == code, "\(label)")
    }

    @Test func secretsAreStoredOnlyAsSixtyFourHexDigits() async throws {
        let folder = try TemporaryFolder()
        let store = try await makeStore(folder)
        for table in ["auth_session (id, account_id, token_hash, created_at, expires_at, last_seen_at)"] {
            for token in ["'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfG'", "'\(String(repeating: "A", count: 64))'"] {
                #expect(
                    await constraintCode(store, "INSERT INTO \(table) VALUES ('s', 'k', \(token), 0, 10, 0)")
                        == .constraintCheck)
            }
        }
        #expect(
            await constraintCode(
                store,
                "INSERT INTO api_token (id, account_id, name, token_hash, created_at) VALUES ('t', 'k', 'n', 'plain', 0)"
            ) == .constraintCheck)
        #expect(
            await constraintCode(store, "UPDATE account SET calendar_secret_hash = 'plain text secret' WHERE id = 'k'")
                == .constraintCheck)
        _ = try await store.runRaw(
            SQLQuery(
                unsafeSQL:
                    "INSERT INTO auth_session (id, account_id, token_hash, created_at, expires_at, last_seen_at) VALUES ('s', 'k', '\(Self.hash)', 0, 10, 0)"
            ))
    }

    @Test func aCoachAndClientHaveOneLinkInForceAndNeverWithThemselves() async throws {
        let folder = try TemporaryFolder()
        let store = try await makeStore(folder)
        let insert = "INSERT INTO coach_link (id, coach_account_id, client_account_id, since, ended_at) VALUES"
        _ = try await store.runRaw(SQLQuery(unsafeSQL: "\(insert) ('l1', 'c', 'k', 0, 5)"))
        _ = try await store.runRaw(SQLQuery(unsafeSQL: "\(insert) ('l2', 'c', 'k', 6, NULL)"))
        #expect(await constraintCode(store, "\(insert) ('l3', 'c', 'k', 7, NULL)") == .constraintUnique)
        #expect(await constraintCode(store, "\(insert) ('l4', 'c', 'c', 7, NULL)") == .constraintCheck)
        #expect(await constraintCode(store, "\(insert) ('l5', 'c', 'k', 7, 6)") == .constraintCheck)
    }

    @Test func deletingAPersonCascadesThroughEveryAccountTable() async throws {
        let folder = try TemporaryFolder()
        let store = try await makeStore(folder)
        for statement: SQLQuery in [
            "INSERT INTO auth_session (id, account_id, token_hash, created_at, expires_at, last_seen_at) VALUES ('s', 'k', \(Self.hash), 0, 10, 0)",
            "INSERT INTO api_token (id, account_id, name, token_hash, created_at) VALUES ('t', 'k', 'n', \(Self.hash), 0)",
            "INSERT INTO invitation (id, coach_account_id, code_hash, created_at, expires_at, accepted_by, accepted_at) VALUES ('i', 'c', \(Self.hash), 0, 10, 'k', 1)",
            "INSERT INTO coach_link (id, coach_account_id, client_account_id, since) VALUES ('l', 'c', 'k', 1)",
            "INSERT INTO client_note (id, coach_account_id, client_person_id, text, created_at) VALUES ('n', 'c', 'p2', 'x', 1)",
            "INSERT INTO idempotency_record (account_id, idempotency_key, operation, status, body_json, created_at) VALUES ('k', 'key', 'logSet', 201, '{}', 1)",
            """
            INSERT INTO client_state (person_id, activation_days, activation_days_done, stalled_items, regressed_items, \
            retests_due, deletions, updated_at) VALUES ('p2', 0, 0, '', '', '', 0, 1)
            """,
            "DELETE FROM person WHERE id = 'p2'",
        ] {
            _ = try await store.runRaw(statement)
        }
        for table in ["account WHERE id = 'k'", "auth_session", "api_token", "coach_link", "client_note"] {
            let rows = try await store.readRaw(SQLQuery(unsafeSQL: "SELECT count(*) FROM \(table)"))
            #expect(rows == [[.integer(0)]], "\(table)")
        }
        for table in ["idempotency_record", "client_state"] {
            #expect(try await store.readRaw(SQLQuery(unsafeSQL: "SELECT count(*) FROM \(table)")) == [[.integer(0)]])
        }
        // The coach's invitation stays, accepted by nobody now.
        #expect(try await store.readRaw("SELECT accepted_by, accepted_at FROM invitation") == [[.null, .integer(1)]])
        _ = try await store.runRaw("DELETE FROM person WHERE id = 'p1'")
        #expect(try await store.readRaw("SELECT count(*) FROM invitation") == [[.integer(0)]])
    }

    @Test func migrationFiveKeepsEveryPersonAndTheirLogs() async throws {
        let folder = try TemporaryFolder()
        let old = try makeSQLiteStore(in: folder, migrationTarget: StoreSchema.migrations[3].name)
        let person = try await old.createPerson("Ana", timeZone: "Europe/Madrid")
        let set = try await old.insertSet(sampleEntry(), for: person.id)
        await old.close()
        let store = try makeSQLiteStore(in: folder)
        #expect(try await store.read { tx in try tx.person(person.id) } == person)
        #expect(try await store.allSets(for: person.id) == [set])
        #expect(try await store.read { tx in try tx.account(person: person.id) } == nil)
        #expect(try await store.read { tx in try tx.clientState(for: person.id) } == nil)
        let account = try await store.write { tx in
            try tx.createAccount(
                email: "ana@example.com", role: .client, person: person.id, passwordHash: "x", at: at(9))
        }
        #expect(try await store.read { tx in try tx.account(email: "ana@example.com") } == account)
    }
}

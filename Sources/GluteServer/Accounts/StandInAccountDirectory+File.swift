internal import GluteApp
internal import GluteCore
internal import GluteJSON
internal import GluteStore

/// The stand-in directory's file: one JSON document with digests and hashes, never a secret
/// except the feed secret (the feed URL must be shown again) and invitation codes.
extension StandInAccountDirectory {
    static func encode(_ state: State) -> String {
        func time(_ t: Timestamp) -> JSONValue { .number(Double(t.millisecondsSince1970)) }
        let accounts: [JSONValue] = state.accounts.values.sorted { $0.account.id < $1.account.id }.map { stored in
            .object([
                "id": .string(stored.account.id), "email": .string(stored.account.email),
                "role": .string(stored.account.role.rawValue), "person": .string(stored.account.person.rawValue),
                "createdAt": time(stored.account.createdAt), "passwordHash": .string(stored.passwordHash),
                "feedSecret": .string(stored.feedSecret),
            ])
        }
        let sessions: [JSONValue] = state.sessions.sorted { $0.key < $1.key }.map { key, session in
            .object([
                "digest": .string(key), "id": .string(session.id), "account": .string(session.account),
                "csrf": .string(session.csrf), "createdAt": time(session.createdAt), "lastSeen": time(session.lastSeen),
            ])
        }
        let tokens: [JSONValue] = state.tokens.sorted { $0.key < $1.key }.map { key, token in
            .object([
                "digest": .string(key), "id": .string(token.info.id), "name": .string(token.info.name),
                "account": .string(token.account), "createdAt": time(token.info.createdAt),
            ])
        }
        let links: [JSONValue] = state.links.map {
            .object(["coach": .string($0.coach), "client": .string($0.client)])
        }
        let invitations: [JSONValue] = state.invitations.map { invitation in
            .object([
                "id": .string(invitation.id), "code": .string(invitation.code), "coach": .string(invitation.coach),
                "createdAt": time(invitation.createdAt), "expiresAt": time(invitation.expiresAt),
                "acceptedBy": .optional(invitation.acceptedBy, JSONValue.string), "revoked": .bool(invitation.revoked),
            ])
        }
        let notes: [JSONValue] = state.notes.map { note in
            .object([
                "id": .string(note.id), "coach": .string(note.coach), "client": .string(note.client),
                "text": .string(note.text), "createdAt": time(note.createdAt),
            ])
        }
        return JSONValue.object([
            "format": "glute-standin-accounts", "version": 1, "accounts": .array(accounts),
            "sessions": .array(sessions), "tokens": .array(tokens), "links": .array(links),
            "invitations": .array(invitations), "notes": .array(notes),
        ]).serialized(.pretty)
    }

    static func decode(_ text: String) throws -> State {
        let document: JSONValue
        do { document = try JSONValue.parse(Array(text.utf8)) } catch {
            throw AppError(code: .failure, message: "the account file is not valid JSON")
        }
        guard let root = document.objectValue else {
            throw AppError(code: .failure, message: "the account file is not a JSON object")
        }
        func list(_ key: String) -> [JSONObject] { root[key]?.arrayValue?.compactMap(\.objectValue) ?? [] }
        func string(_ object: JSONObject, _ key: String) throws -> String {
            guard let value = object[key]?.stringValue else {
                throw AppError(code: .failure, message: "the account file lacks '\(key)'")
            }
            return value
        }
        func time(_ object: JSONObject, _ key: String) throws -> Timestamp {
            guard let value = object[key]?.numberValue else {
                throw AppError(code: .failure, message: "the account file lacks '\(key)'")
            }
            return Timestamp(millisecondsSince1970: Int64(value))
        }
        var state = State()
        for object in list("accounts") {
            let account = AccountInfo(
                id: try string(object, "id"), email: try string(object, "email"),
                role: AccountRole(rawValue: try string(object, "role")) ?? .client,
                person: Person.ID(rawValue: try string(object, "person")), createdAt: try time(object, "createdAt"))
            let feed = try string(object, "feedSecret")
            state.accounts[account.id] = StoredAccount(
                account: account, passwordHash: try string(object, "passwordHash"), feedSecretDigest: digest(feed),
                feedSecret: feed)
            state.byEmail[account.email] = account.id
        }
        for object in list("sessions") {
            state.sessions[try string(object, "digest")] = StoredSession(
                id: try string(object, "id"), account: try string(object, "account"), csrf: try string(object, "csrf"),
                createdAt: try time(object, "createdAt"), lastSeen: try time(object, "lastSeen"))
        }
        for object in list("tokens") {
            state.tokens[try string(object, "digest")] = StoredToken(
                info: APITokenInfo(
                    id: try string(object, "id"), name: try string(object, "name"),
                    createdAt: try time(object, "createdAt")),
                account: try string(object, "account"))
        }
        for object in list("links") {
            state.links.append((coach: try string(object, "coach"), client: try string(object, "client")))
        }
        for object in list("invitations") {
            state.invitations.append(
                InvitationInfo(
                    id: try string(object, "id"), code: try string(object, "code"), coach: try string(object, "coach"),
                    createdAt: try time(object, "createdAt"), expiresAt: try time(object, "expiresAt"),
                    acceptedBy: object["acceptedBy"]?.stringValue, revoked: object["revoked"] == .bool(true)))
        }
        for object in list("notes") {
            state.notes.append(
                CoachNote(
                    id: try string(object, "id"), coach: try string(object, "coach"),
                    client: try string(object, "client"), text: try string(object, "text"),
                    createdAt: try time(object, "createdAt")))
        }
        return state
    }
}

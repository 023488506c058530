internal import GluteApp
internal import GluteCore
internal import GluteHTTP
internal import GluteJSON
internal import GluteStore

extension API {
    /// acceptInvitation, leaveCoach (clients); getDashboard, createInvitation, revokeInvitation,
    /// listClients (coaches); getClient, removeClient, editClientPlan, addClientNote,
    /// listClientNotes (a coach, about one of their clients).
    func addCoachRoutes(to router: inout Router<APIContext>) {
        let services = self.services
        let accounts = services.accounts
        let app = services.app
        let api = self

        router.add(
            .post, "/api/me/coaches",
            metadata: Operation(
                "acceptInvitation", access: .client,
                summary: "Accepts a coach's invitation code: the coach then sees and edits this client's plan",
                tag: "coaching", status: 201,
                request: Schema.object(["code": Schema.string(length: 1...100)], required: ["code"]),
                response: Schema.having(["coach"]))
        ) { request, context in
            let client = try context.requireCaller().account
            let body = try api.object(request, keys: ["code"])
            let code = try api.reading { try body.requiredString("code") }
            let coach = try accounts.acceptInvitation(code: code, client: client.id, at: services.clock.now())
            return api.created(.object(["coach": Self.accountJSON(coach)]))
        }

        router.add(
            .delete, "/api/me/coaches/{coach}",
            metadata: Operation(
                "leaveCoach", access: .client, summary: "Ends the link with a coach: they no longer see this client",
                tag: "coaching", response: Schema.object(["left": Schema.string], required: ["left"]))
        ) { _, context in
            let client = try context.requireCaller().account
            let coach = try context.parameters.require("coach")
            try accounts.unlink(coach: coach, client: client.id)
            return JSONValue.object(["left": .string(coach)])
        }

        router.add(
            .get, "/api/coach/dashboard",
            metadata: Operation(
                "getDashboard", access: .coach,
                summary:
                    "The coach's clients, those needing attention first: red flags, pain, missed days, retests due",
                tag: "coaching", response: Schema.having(["clients"]))
        ) { _, context in
            try await api.dashboard(coach: try context.requireCaller().account)
        }

        router.add(
            .post, "/api/coach/invitations",
            metadata: Operation(
                "createInvitation", access: .coach, summary: "Makes an invitation code for a new client",
                tag: "coaching", status: 201, request: Schema.object([:]), requestRequired: false,
                response: Schema.having(["id", "code", "expiresAt"]))
        ) { _, context in
            let coach = try context.requireCaller().account
            let invitation = try accounts.createInvitation(coach: coach.id, at: services.clock.now())
            return api.created(Self.invitationJSON(invitation))
        }

        router.add(
            .delete, "/api/coach/invitations/{id}",
            metadata: Operation(
                "revokeInvitation", access: .coach, summary: "Revokes an invitation that was not accepted yet",
                tag: "coaching", response: Schema.object(["revoked": Schema.string], required: ["revoked"]))
        ) { _, context in
            let coach = try context.requireCaller().account
            let id = try context.parameters.require("id")
            try accounts.revokeInvitation(id, coach: coach.id)
            return JSONValue.object(["revoked": .string(id)])
        }

        router.add(
            .get, "/api/coach/clients",
            metadata: Operation(
                "listClients", access: .coach, summary: "The coach's clients and open invitations", tag: "coaching",
                response: Schema.having(["clients", "invitations"]))
        ) { _, context in
            let coach = try context.requireCaller().account
            return JSONValue.object([
                "clients": .array(accounts.clients(of: coach.id).map(Self.accountJSON)),
                "invitations": .array(
                    accounts.invitations(coach: coach.id).filter { !$0.revoked && $0.acceptedBy == nil }.map(
                        Self.invitationJSON)),
            ])
        }

        router.add(
            .get, "/api/coach/clients/{client}",
            metadata: Operation(
                "getClient", access: .coachOfClient,
                summary: "A client's account, plan, findings, progress (8 weeks) and latest entries", tag: "coaching",
                response: Schema.having(["account", "plan", "findings", "progress", "history"]))
        ) { _, context in
            let client = try context.requireClient()
            let plan: JSONValue
            do { plan = try await app.plan(client.person).jsonValue } catch let error as AppError
                where error.code == .precondition
            {
                plan = .null
            }
            let findings: JSONValue
            do { findings = try await app.findings(client.person) } catch let error as AppError
                where error.code == .precondition
            {
                findings = .null
            }
            let progress = try await app.progress(client.person, weeks: 8).jsonValue
            let history = try await app.history(client.person, limit: 20)
            return JSONValue.object([
                "account": Self.accountJSON(client), "plan": plan, "findings": findings, "progress": progress,
                "history": .array(history.map(\.jsonValue)),
            ])
        }

        router.add(
            .delete, "/api/coach/clients/{client}",
            metadata: Operation(
                "removeClient", access: .coachOfClient, summary: "Ends the link with a client", tag: "coaching",
                response: Schema.object(["removed": Schema.string], required: ["removed"]))
        ) { _, context in
            let coach = try context.requireCaller().account
            let client = try context.requireClient()
            try accounts.unlink(coach: coach.id, client: client.id)
            return JSONValue.object(["removed": .string(client.id)])
        }

        router.add(
            .post, "/api/coach/clients/{client}/plan",
            metadata: Operation(
                "editClientPlan", access: .coachOfClient,
                summary: "Takes exercises out of a client's plan, as a new version with the reason recorded",
                tag: "coaching",
                request: Schema.object(
                    [
                        "remove": .object(["type": "array", "items": Schema.string(length: 1...100), "minItems": 1]),
                        "reason": Schema.string(length: 1...400),
                    ], required: ["remove", "reason"]),
                response: Schema.anyObject)
        ) { request, context in
            let client = try context.requireClient()
            let body = try api.object(request, keys: ["remove", "reason"])
            let (remove, reason) = try api.reading { () throws -> ([String], String) in
                guard let items = body.value("remove")?.arrayValue else {
                    throw FieldError(field: "remove", message: "must be a list of exercise ids")
                }
                var ids: [String] = []
                for (index, item) in items.enumerated() {
                    ids.append(try JSONObjectReader.string(item, field: "remove[\(index)]"))
                }
                return (ids, try body.requiredString("reason"))
            }
            return try await app.editPlan(client.person, removing: remove, reason: reason).jsonValue
        }

        router.add(
            .post, "/api/coach/clients/{client}/notes",
            metadata: Operation(
                "addClientNote", access: .coachOfClient, summary: "Adds a note on a client (only the coach sees it)",
                tag: "coaching", status: 201,
                request: Schema.object(["text": Schema.string(length: 1...4000)], required: ["text"]),
                response: Schema.having(["id", "text", "createdAt"]))
        ) { request, context in
            let coach = try context.requireCaller().account
            let client = try context.requireClient()
            let body = try api.object(request, keys: ["text"])
            let text = try api.reading { try body.requiredString("text") }
            let note = try accounts.addNote(coach: coach.id, client: client.id, text: text, at: services.clock.now())
            return api.created(Self.noteJSON(note))
        }

        router.add(
            .get, "/api/coach/clients/{client}/notes",
            metadata: Operation(
                "listClientNotes", access: .coachOfClient, summary: "The coach's notes on a client, oldest first",
                tag: "coaching", response: Schema.array(Schema.having(["id", "text", "createdAt"])))
        ) { _, context in
            let coach = try context.requireCaller().account
            let client = try context.requireClient()
            return JSONValue.array(accounts.notes(coach: coach.id, client: client.id).map(Self.noteJSON))
        }
    }

    static func invitationJSON(_ invitation: InvitationInfo) -> JSONValue {
        .object([
            "id": .string(invitation.id), "code": .string(invitation.code),
            "createdAt": .string(invitation.createdAt.description),
            "expiresAt": .string(invitation.expiresAt.description),
        ])
    }

    static func noteJSON(_ note: CoachNote) -> JSONValue {
        .object([
            "id": .string(note.id), "client": .string(note.client), "text": .string(note.text),
            "createdAt": .string(note.createdAt.description),
        ])
    }
}

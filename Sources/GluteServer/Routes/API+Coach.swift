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
            let coach = try await app.acceptInvitation(client.id, code: code)
            return api.created(.object(["coach": coach.jsonValue]))
        }

        router.add(
            .delete, "/api/me/coaches/{coach}",
            metadata: Operation(
                "leaveCoach", access: .client, summary: "Ends the link with a coach: they no longer see this client",
                tag: "coaching", response: Schema.object(["left": Schema.string], required: ["left"]))
        ) { _, context in
            let client = try context.requireCaller().account
            let coach = try context.parameters.require("coach")
            try await app.leaveCoach(client.id, coach: Account.ID(rawValue: coach))
            return JSONValue.object(["left": .string(coach)])
        }

        router.add(
            .get, "/api/coach/dashboard",
            metadata: Operation(
                "getDashboard", access: .coach,
                summary:
                    "The coach's clients, those needing attention first: stops, pain, missed sessions, stalled progressions, retests due",
                tag: "coaching", response: Schema.anyObject)
        ) { _, context in try await app.dashboard(try context.requireCaller().account.id).jsonValue }

        router.add(
            .post, "/api/coach/invitations",
            metadata: Operation(
                "createInvitation", access: .coach,
                summary: "Makes an invitation code for a new client (shown only here)", tag: "coaching", status: 201,
                request: Schema.object(["email": Schema.string(length: 3...254)]), requestRequired: false,
                response: Schema.having(["invitation", "code"]))
        ) { request, context in
            let coach = try context.requireCaller().account
            var email: String?
            if !request.body.isEmpty {
                let body = try api.object(request, keys: ["email"])
                email = try api.reading { try body.string("email") }
            }
            return api.created(try await app.createInvitation(coach.id, email: email).jsonValue)
        }

        router.add(
            .delete, "/api/coach/invitations/{id}",
            metadata: Operation(
                "revokeInvitation", access: .coach, summary: "Revokes an invitation that was not accepted yet",
                tag: "coaching", response: Schema.object(["revoked": Schema.string], required: ["revoked"]))
        ) { _, context in
            let coach = try context.requireCaller().account
            let id = try context.parameters.require("id")
            try await app.revokeInvitation(coach.id, id: Invitation.ID(rawValue: id))
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
                "clients": .array(try await app.clients(coach.id).map(\.jsonValue)),
                "invitations": .array(try await app.invitations(coach.id).map(\.jsonValue)),
            ])
        }

        router.add(
            .get, "/api/coach/clients/{client}",
            metadata: Operation(
                "getClient", access: .coachOfClient,
                summary: "A client's account, plan, findings and latest entries ({client} is the client's person id)",
                tag: "coaching", response: Schema.anyObject)
        ) { _, context in
            let coach = try context.requireCaller().account
            return try await app.client(coach.id, client: try context.requireClient()).jsonValue
        }

        router.add(
            .delete, "/api/coach/clients/{client}",
            metadata: Operation(
                "removeClient", access: .coachOfClient, summary: "Ends the link with a client", tag: "coaching",
                response: Schema.object(["removed": Schema.string], required: ["removed"]))
        ) { _, context in
            let coach = try context.requireCaller().account
            let client = try context.requireClient()
            try await app.removeClient(coach.id, client: client)
            return JSONValue.object(["removed": .string(client.rawValue)])
        }

        router.add(
            .post, "/api/coach/clients/{client}/plan",
            metadata: Operation(
                "editClientPlan", access: .coachOfClient,
                summary:
                    "Changes a client's plan (the 'plan' member of getPlan, edited) as a new version with the reason recorded, checked against the plan's gates",
                tag: "coaching",
                request: Schema.object(
                    ["plan": Schema.anyObject, "reason": Schema.string(length: 1...400)], required: ["plan", "reason"]),
                response: Schema.anyObject)
        ) { request, context in
            let coach = try context.requireCaller().account
            let body = try api.object(request, keys: ["plan", "reason"])
            let (plan, reason) = try api.reading { (try body.required("plan"), try body.requiredString("reason")) }
            return try await app.editClientPlan(
                coach.id, client: try context.requireClient(), plan: plan, reason: reason
            ).jsonValue
        }

        router.add(
            .post, "/api/coach/clients/{client}/notes",
            metadata: Operation(
                "addClientNote", access: .coachOfClient, summary: "Adds a note on a client (only the coach sees it)",
                tag: "coaching", status: 201,
                request: Schema.object(["text": Schema.string(length: 1...4000)], required: ["text"]),
                response: Schema.anyObject)
        ) { request, context in
            let coach = try context.requireCaller().account
            let body = try api.object(request, keys: ["text"])
            let text = try api.reading { try body.requiredString("text") }
            return api.created(
                try await app.addClientNote(coach.id, client: try context.requireClient(), text: text).jsonValue)
        }

        router.add(
            .get, "/api/coach/clients/{client}/notes",
            metadata: Operation(
                "listClientNotes", access: .coachOfClient, summary: "The coach's notes on a client, oldest first",
                tag: "coaching", response: Schema.array(Schema.anyObject))
        ) { _, context in
            let coach = try context.requireCaller().account
            return JSONValue.array(
                try await app.clientNotes(coach.id, client: try context.requireClient()).map(\.jsonValue))
        }
    }
}

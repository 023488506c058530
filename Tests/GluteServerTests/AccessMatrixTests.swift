import Foundation
import GluteApp
import GluteCore
import GluteHTTP
import GluteJSON
import GluteServer
import GluteStore
import Testing

/// Every operation of the OpenAPI document, called as anonymous, client A, client B, A's coach
/// and another coach: exactly the callers its `x-glute-access` admits succeed; the others get 401
/// (anonymous) or 403 and nothing is written.
///
/// The matrix iterates the document, so a new operation cannot escape it: one without an example
/// request below fails the test.
@Suite struct AccessMatrixTests {
    /// How to call an operation as a caller: any setup for that caller, then the request.
    struct Example: Sendable {
        var assessed = true
        var make: @Sendable (World, Role) async throws -> (HTTPMethod, String, JSONValue?, [UInt8]?)
    }

    static func json(_ method: HTTPMethod, _ path: String, _ body: JSONValue? = nil) -> Example {
        Example { _, _ in (method, path, body, nil) }
    }

    static let assessment: JSONValue = (try? JSONValue.parse(Array(World.assessmentText.utf8))) ?? .null

    /// A tiny MediaPipe CSV: two frames of 33 points.
    static let landmarks: [UInt8] = {
        var text = "frame,t,landmark,x,y,z,visibility\n"
        for frame in 0..<2 {
            for point in 0..<33 { text += "\(frame),\(Double(frame) / 30),\(point),0.5,\(0.1 + Double(point) / 40),0,0.9\n" }
        }
        return Array(text.utf8)
    }()

    static let examples: [String: Example] = [
        "health": json(.get, "/api/health"),
        "getOpenAPI": json(.get, "/api/openapi.json"),
        "listExercises": json(.get, "/api/exercises"),
        "explainTopic": json(.get, "/api/explain/gluteus-medius"),
        "signUp": Example { _, role in
            (.post, "/api/signup", ["email": .string("new-\(role.rawValue)-\(UUID())@example.com"), "password": "a long password"], nil)
        },
        "signIn": json(.post, "/api/signin", ["email": "clienta@example.com", "password": .string(World.password)]),
        "signOut": json(.post, "/api/signout"),
        "getMe": json(.get, "/api/me"),
        "updateProfile": json(.patch, "/api/me", ["timeZone": "Europe/Paris", "renewCalendarFeed": true]),
        "changePassword": json(
            .post, "/api/me/password", ["currentPassword": .string(World.password), "newPassword": "another long one"]),
        "deleteAccount": json(.delete, "/api/me", ["password": .string(World.password)]),
        "createApiToken": json(.post, "/api/me/tokens", ["name": "phone"]),
        "revokeApiToken": Example { world, role in
            (.delete, "/api/me/tokens/\(world.spareTokenOf[role] ?? world.spareTokenOf[.clientA] ?? "x")", nil, nil)
        },
        "submitAssessment": json(.post, "/api/me/assessments", assessment),
        "getPlan": json(.get, "/api/me/plan"),
        "getPlanHistory": json(.get, "/api/me/plan/history"),
        "getFindings": json(.get, "/api/me/findings"),
        "getToday": json(.get, "/api/me/today"),
        "logSet": json(.post, "/api/me/sets", ["exercise": "clamshell", "side": "left", "reps": [15, 15]]),
        "logWakeUpCall": json(.post, "/api/me/wakeups", ["outcome": "done"]),
        "getNext": json(.get, "/api/me/next"),
        "submitRetest": json(
            .post, "/api/me/retests",
            [
                "test": "single-leg-bridge",
                "result": [
                    "left": ["reps": 12, "feltIn": "glutes", "pelvisLevel": true],
                    "right": ["reps": 14, "feltIn": "glutes", "pelvisLevel": true],
                ],
            ]),
        "getProgress": json(.get, "/api/me/progress?weeks=4"),
        "listHistory": json(.get, "/api/me/history?limit=5"),
        "deleteEntry": Example { world, role in
            (.delete, "/api/me/history/\(world.setOf[role] ?? world.setOf[.clientA] ?? "x")", nil, nil)
        },
        "analyzeLandmarks": Example { _, _ in (.post, "/api/me/analyses?test=single-leg-squat", nil, landmarks) },
        "exportCalendar": json(.get, "/api/me/export/calendar.ics?time=07:30"),
        "getCalendarFeed": Example { world, _ in
            let feed = try await world.app.renewCalendarFeed(world.account(.clientA).id)
            return (.get, "/api/feeds/\(feed.secret)/calendar.ics", nil, nil)
        },
        "exportCSV": json(.get, "/api/me/export/sets.csv"),
        "exportJSON": json(.get, "/api/me/export.json"),
        "importJSON": Example(assessed: false) { world, _ in
            let donor = try await world.app.createPerson(name: "donor", timeZone: "UTC")
            _ = try await world.app.assess(donor.id, inputText: World.assessmentText)
            let document = try await world.app.exportPerson(donor.id).jsonValue
            return (.post, "/api/me/import", document, nil)
        },
        "acceptInvitation": Example { world, _ in
            let invitation = try await world.app.createInvitation(world.account(.otherCoach).id)
            return (.post, "/api/me/coaches", ["code": .string(invitation.code)], nil)
        },
        "leaveCoach": Example { world, role in
            let coach = world.account(.otherCoach)
            if role == .clientA || role == .clientB {
                let invitation = try await world.app.createInvitation(coach.id)
                _ = try await world.app.acceptInvitation(world.account(role).id, code: invitation.code)
            }
            return (.delete, "/api/me/coaches/\(coach.id.rawValue)", nil, nil)
        },
        "getDashboard": json(.get, "/api/coach/dashboard"),
        "createInvitation": json(.post, "/api/coach/invitations"),
        "revokeInvitation": Example { world, role in
            let coach = role == .otherCoach ? world.account(.otherCoach) : world.account(.coachOfA)
            let invitation = try await world.app.createInvitation(coach.id)
            return (.delete, "/api/coach/invitations/\(invitation.invitation.id.rawValue)", nil, nil)
        },
        "listClients": json(.get, "/api/coach/clients"),
        "getClient": Example { world, _ in (.get, "/api/coach/clients/\(world.account(.clientA).person)", nil, nil) },
        "removeClient": Example { world, _ in
            (.delete, "/api/coach/clients/\(world.account(.clientA).person)", nil, nil)
        },
        "editClientPlan": Example { world, _ in
            let client = world.account(.clientA)
            let plan = try await world.app.plan(client.person).jsonValue.objectValue?["plan"] ?? .null
            return (
                .post, "/api/coach/clients/\(client.person)/plan",
                ["plan": plan, "reason": "keep it as it is this week"], nil
            )
        },
        "addClientNote": Example { world, _ in
            (.post, "/api/coach/clients/\(world.account(.clientA).person)/notes", ["text": "good week"], nil)
        },
        "listClientNotes": Example { world, _ in
            (.get, "/api/coach/clients/\(world.account(.clientA).person)/notes", nil, nil)
        },
    ]

    /// The callers an access admits.
    static func allowed(_ access: String) -> Set<Role> {
        switch access {
        case "anyone", "feedSecret": Set(Role.allCases)
        case "account": [.clientA, .clientB, .coachOfA, .otherCoach]
        case "client": [.clientA, .clientB]
        case "coach": [.coachOfA, .otherCoach]
        case "coachOfClient": [.coachOfA]
        default: []
        }
    }

    /// The operations of the document: operationId, method, access.
    static func operations() async throws -> [(id: String, access: String)] {
        let world = try await World.make(assessed: false)
        defer { Task { await world.close() } }
        let document = await world.send(.get, "/api/openapi.json").json
        var found: [(String, String)] = []
        for (_, item) in document.objectValue?["paths"]?.objectValue?.members ?? [] {
            for (_, operation) in item.objectValue?.members ?? [] {
                guard let object = operation.objectValue, let id = object["operationId"]?.stringValue else { continue }
                found.append((id, object["x-glute-access"]?.stringValue ?? "(none)"))
            }
        }
        return found
    }

    @Test func everyOperationHasAnExampleAndAnAccess() async throws {
        let operations = try await Self.operations()
        #expect(operations.count >= 42)
        for (id, access) in operations {
            #expect(Self.examples[id] != nil, "no example request for \(id): add one to the access matrix")
            #expect(!Self.allowed(access).isEmpty, "\(id) has no known x-glute-access (\(access))")
        }
    }

    static let operationIDs: [String] = [
        "health", "getOpenAPI", "listExercises", "explainTopic", "signUp", "signIn", "signOut", "getMe",
        "updateProfile", "changePassword", "deleteAccount", "createApiToken", "revokeApiToken", "submitAssessment",
        "getPlan", "getPlanHistory", "getFindings", "getToday", "logSet", "logWakeUpCall", "getNext", "submitRetest",
        "getProgress", "listHistory", "deleteEntry", "analyzeLandmarks", "exportCalendar", "getCalendarFeed",
        "exportCSV", "exportJSON", "importJSON", "acceptInvitation", "leaveCoach", "getDashboard", "createInvitation",
        "revokeInvitation", "listClients", "getClient", "removeClient", "editClientPlan", "addClientNote",
        "listClientNotes",
    ]

    @Test(arguments: operationIDs)
    func onlyAllowedCallersSucceed(_ id: String) async throws {
        let operations = try await Self.operations()
        let access = try #require(operations.first { $0.id == id }?.access, "\(id) is not in the document")
        let example = try #require(Self.examples[id])
        let world = try await World.make(assessed: example.assessed)
        let allowed = Self.allowed(access)
        // The refused callers first, each checked to change nothing; then the admitted ones.
        let order = Role.allCases.filter { !allowed.contains($0) } + Role.allCases.filter { allowed.contains($0) }
        for role in order {
            let (method, target, json, body) = try await example.make(world, role)
            let before = try await world.snapshot()
            let response = await world.send(method, target, as: role, json: json, body: body)
            let status = response.status.code
            if allowed.contains(role) {
                #expect((200..<300).contains(status), "\(id) as \(role): \(status) \(response.body.text)")
            } else {
                #expect(status == (role == .anonymous ? 401 : 403), "\(id) as \(role): \(status)")
                let after = try await world.snapshot()
                #expect(before == after, "\(id) as \(role) wrote something although refused")
            }
        }
        await world.close()
    }

    /// The test's argument list and the document agree, so the parameterised test covers every operation.
    @Test func theParameterListCoversTheDocument() async throws {
        let operations = try await Self.operations().map(\.id)
        #expect(Set(operations) == Set(Self.operationIDs))
        #expect(Set(operations) == Set(Self.examples.keys))
    }
}

internal import GluteApp
internal import GluteCore
internal import GluteHTTP
internal import GluteJSON

extension API {
    /// health, getOpenAPI, listExercises, explainTopic: open to anyone.
    func addServiceRoutes(to router: inout Router<APIContext>, openAPI: JSONValue) {
        router.add(
            .get, "/api/health",
            metadata: Operation(
                "health", access: .anyone, summary: "Says the server is up", tag: "service",
                response: Schema.object(["status": Schema.oneOf(["ok"])], required: ["status"]))
        ) { _, _ in JSONValue.object(["status": "ok"]) }

        let document = HTTPResponse.json(openAPI)
        router.add(
            .get, "/api/openapi.json",
            metadata: Operation(
                "getOpenAPI", access: .anyone, summary: "This API's OpenAPI 3.1 document", tag: "service",
                response: Schema.having(["openapi", "paths"]))
        ) { _, _ in document }

        let knowledge = services.app.knowledge
        let exercises = HTTPResponse.json(.array(knowledge.exercises.map(\.jsonValue)))
        router.add(
            .get, "/api/exercises",
            metadata: Operation(
                "listExercises", access: .anyone, summary: "The exercise catalogue, as 'glute exercises --json'",
                tag: "knowledge", response: Schema.array(Schema.having(["id", "name"])))
        ) { _, _ in exercises }

        let app = services.app
        router.add(
            .get, "/api/explain/{topic}",
            metadata: Operation(
                "explainTopic", access: .anyone,
                summary: "A muscle, an exercise, an education card or 'topics', as 'glute explain --json'",
                tag: "knowledge", response: Schema.anyObject)
        ) { _, context in
            try app.explain(try context.parameters.require("topic")).jsonValue
        }
    }
}

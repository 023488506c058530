internal import GluteApp
internal import GluteCore
internal import GluteHTTP
internal import GluteJSON
internal import GluteStore

extension API {
    /// exportJSON and importJSON.
    func addTransferRoutes(to router: inout Router<APIContext>) {
        let services = self.services
        let app = services.app
        let api = self

        router.add(
            .get, "/api/me/export.json",
            metadata: Operation(
                "exportJSON", access: .account,
                summary: "Everything about the account's person, as an export document that importJSON takes back",
                tag: "export", response: Schema.having(["format", "version"]))
        ) { _, context in
            try await app.exportPerson(try context.requireCaller().account.person).jsonValue
        }

        router.add(
            .post, "/api/me/import",
            metadata: Operation(
                "importJSON", access: .account,
                summary:
                    "Imports an export document of one person into an account that has no assessment yet, as the account's own records",
                tag: "export", status: 201, request: Schema.having(["format", "version"]),
                response: Schema.having(["imported"])),
            bodyLimit: services.settings.importBodyLimit
        ) { request, context in
            let account = try context.requireCaller().account
            _ = try request.json()
            let text = String(decoding: request.body, as: UTF8.self)
            var document: ExportDocument
            do { document = try ExportDocument.parse(text) } catch let error as FieldError {
                throw AppError.invalid(error)
            }
            guard document.people.count == 1, let original = document.people.first else {
                throw AppError.invalid("people", "an import into an account holds exactly one person")
            }
            let existing = try await app.store.read { tx in try tx.assessments(for: account.person) }
            guard existing.isEmpty else {
                throw AppError(
                    code: .conflict,
                    message: "this account already has assessments: import into a new account instead")
            }
            // Stand-in until the application imports into an account: the records, with new
            // identifiers, become the account's own person's (its progression is worked out again
            // on the next log).
            let renumbered = document.renumbered(with: .ordered, createdAt: services.clock.now())
            func mine<Record>(_ records: [Record], _ owner: WritableKeyPath<Record, Person.ID>) -> [Record] {
                records.map { record in
                    var record = record
                    record[keyPath: owner] = account.person
                    return record
                }
            }
            let moved = ExportDocument(
                people: [], assessments: mine(renumbered.assessments, \.personID),
                plans: mine(renumbered.plans, \.personID), loggedSets: mine(renumbered.loggedSets, \.personID),
                wakeUpCalls: mine(renumbered.wakeUpCalls, \.personID), retests: mine(renumbered.retests, \.personID),
                deletions: mine(renumbered.deletions, \.personID))
            let summary = try await app.store.write { tx in try tx.importRecords(moved) }
            context.logger.info("imported", ["account": account.id.rawValue, "from": original.id.rawValue])
            return api.created(
                .object([
                    "imported": .object([
                        "people": .int(summary.people), "assessments": .int(summary.assessments),
                        "plans": .int(summary.plans), "loggedSets": .int(summary.loggedSets),
                        "wakeUpCalls": .int(summary.wakeUpCalls), "retests": .int(summary.retests),
                        "deletions": .int(summary.deletions),
                    ])
                ]))
        }
    }
}

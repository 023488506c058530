internal import GluteCore
public import GluteStore

extension GluteApp {
    /// Creates a person, now.
    ///
    /// - Parameters:
    ///   - name: an optional display name, 1 to 200 characters.
    ///   - timeZone: an IANA zone name; `nil` leaves it to ``defaultTimeZone`` until an assessment gives one.
    public func createPerson(name: String?, timeZone: String?) async throws -> Person {
        let now = clock.now()
        return try await run {
            try await store.write { tx in try tx.createPerson(name: name, timeZone: timeZone, at: now) }
        }
    }

    /// The person with `id`, or `nil`.
    public func person(_ id: Person.ID) async throws -> Person? {
        try await run { try await store.read { tx in try tx.person(id) } }
    }

    /// The earliest created person, or `nil` in an empty database: the one person of a
    /// single-user front end.
    public func earliestPerson() async throws -> Person? {
        try await run { try await store.read { tx in try tx.earliestPerson() } }
    }

    /// The earliest created person, created when there is none yet (safe against another process
    /// doing the same at once: the check and the creation share one write transaction).
    public func earliestPersonCreatingIfNeeded() async throws -> Person {
        if let person = try await earliestPerson() { return person }
        let now = clock.now()
        return try await run {
            try await store.write { tx in
                try tx.earliestPerson() ?? tx.createPerson(name: nil, timeZone: nil, at: now)
            }
        }
    }
}

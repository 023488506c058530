import GluteCore
import GluteStore
import Testing

/// Makes a fresh, empty store whose new records take their identifiers from `ids`.
typealias StoreFactory = @Sendable (_ ids: IdentifierSource) async throws -> any Store

/// One named behaviour every ``Store`` back end must show.
struct ContractCheck: Sendable, CustomTestStringConvertible {
    let name: String
    let run: @Sendable (StoreFactory) async throws -> Void

    var testDescription: String { name }
}

/// The contract suite: every check, to be run against each back end with its own factory.
///
/// The checks use only the ``Store`` protocol, and every time a record carries is given by the
/// check itself, so they hold whatever the date, time zone or order the tests run in.
///
/// ```swift
/// @Test(arguments: StoreContract.checks)
/// func contract(_ check: ContractCheck) async throws {
///     try await check.run { ids in try makeSQLiteStore(in: TemporaryFolder(), ids: ids) }
/// }
/// ```
///
/// A PostgreSQL test target runs the same list with a factory that creates a throwaway schema.
enum StoreContract {
    static let checks: [ContractCheck] =
        peopleChecks + assessmentChecks + planChecks + itemStateChecks + loggedSetChecks + wakeUpCallChecks
        + retestChecks + deletionChecks + transactionChecks + transferChecks + accountChecks + sessionChecks
        + coachingChecks + requestChecks

    /// Expects `body` to throw a ``StoreError`` with `code` (and, when given, on `field`).
    static func expectStoreError(
        _ code: StoreError.Code, field: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws -> Void
    ) async {
        let error = await #expect(throws: StoreError.self, sourceLocation: sourceLocation) { try await body() }
        #expect(error?.code == code, "\(String(reflecting: error))", sourceLocation: sourceLocation)
        if let field { #expect(error?.field == field, sourceLocation: sourceLocation) }
    }
}

extension Store {
    /// Creates a person in a transaction of its own.
    func createPerson(_ name: String?, timeZone: String? = nil, at time: Timestamp = at(8)) async throws -> Person {
        try await write { tx in try tx.createPerson(name: name, timeZone: timeZone, at: time) }
    }

    /// Logs one set in a transaction of its own.
    func insertSet(_ entry: SetEntry, for person: Person.ID) async throws -> LoggedSet {
        try await write { tx in try tx.insertSet(entry, for: person) }
    }

    /// Every set of `person` on 2026-11-01 to 2026-11-09.
    func allSets(for person: Person.ID) async throws -> [LoggedSet] {
        try await read { tx in try tx.loggedSets(for: person, in: at(0, day: 1)..<at(0, day: 9)) }
    }
}

import GluteStore
import Testing

/// Makes a fresh, empty store that uses `environment` for its clock and identifiers.
typealias StoreFactory = @Sendable (_ environment: StoreEnvironment) async throws -> any Store

/// One named behaviour every ``Store`` back end must show.
struct ContractCheck: Sendable, CustomTestStringConvertible {
    let name: String
    let run: @Sendable (StoreFactory) async throws -> Void

    var testDescription: String { name }
}

/// The contract suite: every check, to be run against each back end with its own factory.
///
/// ```swift
/// @Test(arguments: StoreContract.checks)
/// func contract(_ check: ContractCheck) async throws {
///     try await check.run { environment in try makeSQLiteStore(in: TemporaryFolder(), environment: environment) }
/// }
/// ```
///
/// A PostgreSQL test target runs the same list with a factory that creates a throwaway schema.
enum StoreContract {
    static let checks: [ContractCheck] = peopleChecks + textRuleChecks + planChecks + dailyLogChecks + transferChecks
}

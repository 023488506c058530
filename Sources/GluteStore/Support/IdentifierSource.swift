internal import Foundation
internal import Synchronization

/// Where the identifiers of new records come from, injected so that tests are deterministic.
///
/// Times never come from here or from the store: every timestamp a record carries is given by the
/// caller, from the one clock of the application (`WallClock`).
///
/// ```swift
/// let live = IdentifierSource.random
/// let test = IdentifierSource.sequential()   // "id-1", "id-2", ...
/// ```
public struct IdentifierSource: Sendable {
    /// A new, unique identifier text.
    public var make: @Sendable () -> String

    /// Creates a source from a function.
    public init(make: @escaping @Sendable () -> String) {
        self.make = make
    }

    /// Random version 4 UUIDs in lowercase.
    public static let random = IdentifierSource { UUID().uuidString.lowercased() }

    /// Numbered identifiers in order (`id-1`, `id-2`, ...), for tests.
    public static func sequential(prefix: String = "id") -> IdentifierSource {
        let counter = Mutex(0)
        return IdentifierSource {
            let next = counter.withLock { value in
                value += 1
                return value
            }
            return "\(prefix)-\(next)"
        }
    }
}

internal import Foundation
public import GluteCore

/// The sources of time and identity a store uses, injected so that tests are deterministic.
///
/// A store asks `now` for the creation time of people and plan versions, and `makeID` for the
/// identifier of every record it creates. Times the caller knows (when a set was performed, when an
/// assessment was taken) are always passed in explicitly.
///
/// ```swift
/// let environment = StoreEnvironment.live
/// let fixed = StoreEnvironment(now: { Timestamp(secondsSince1970: 0) }, makeID: { "id-1" })
/// ```
public struct StoreEnvironment: Sendable {
    /// The current time.
    public var now: @Sendable () -> Timestamp
    /// A new, unique identifier text.
    public var makeID: @Sendable () -> String

    /// Creates an environment from its two sources.
    public init(now: @escaping @Sendable () -> Timestamp, makeID: @escaping @Sendable () -> String) {
        self.now = now
        self.makeID = makeID
    }

    /// The system clock and random version 4 UUIDs in lowercase.
    public static let live = StoreEnvironment(
        now: { Timestamp(millisecondsSince1970: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))) },
        makeID: { UUID().uuidString.lowercased() }
    )
}

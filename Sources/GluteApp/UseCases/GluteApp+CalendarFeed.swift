public import GluteCore
public import GluteJSON
internal import GluteSecurity
public import GluteStore

/// A calendar feed's secret URL part, shown this once: phones subscribe to `…/calendar/<secret>.ics`.
public struct CalendarFeedCreated: Sendable, Hashable {
    /// The secret (43 URL-safe characters); only its hash is kept.
    public var secret: String

    /// `{ "secret" }`.
    public var jsonValue: JSONValue { .object(["secret": .string(secret)]) }
}

extension GluteApp {
    /// Gives the account a calendar feed secret, replacing any earlier one (whose URL stops working).
    public func renewCalendarFeed(_ account: Account.ID) async throws -> CalendarFeedCreated {
        let secret = SecretToken.random()
        try await run {
            try await store.write { tx in
                guard try tx.account(account) != nil else { throw AppError.noSuchAccount() }
                try tx.setCalendarSecretHash(secret.hash, for: account)
            }
        }
        return CalendarFeedCreated(secret: secret.text)
    }

    /// Removes the account's calendar feed: its URL stops working.
    public func removeCalendarFeed(_ account: Account.ID) async throws {
        try await run { try await store.write { tx in try tx.setCalendarSecretHash(nil, for: account) } }
    }

    /// The calendar (iCalendar text, see ``calendar(_:sessionTime:calendarID:)``) of the account
    /// whose feed secret is `secret`, or `nil` when no account has it: what a phone's calendar
    /// subscription fetches, without signing in.
    ///
    /// - Throws: ``AppError/Code/precondition`` before the person's first assessment.
    public func calendarFeed(secret: String, sessionTime: ClockTime = ClockTime(minutes: 18 * 60) ?? .midnight)
        async throws -> String?
    {
        guard let token = SecretToken(secret) else { return nil }
        let found = try await run {
            try await store.read { tx in try tx.account(calendarSecretHash: token.hash) }
        }
        guard let account = found else { return nil }
        return try await calendar(account.personID, sessionTime: sessionTime, calendarID: account.id.rawValue)
    }
}
